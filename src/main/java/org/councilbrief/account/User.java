package org.councilbrief.account;

/** An account of the editors' workspace. */
public record User(long id, String username, Role role) {
}
