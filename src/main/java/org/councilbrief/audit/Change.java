package org.councilbrief.audit;

import java.time.LocalDateTime;

/**
 * One change an editor made outside a brief's own versions.
 *
 * @param at when, in UTC
 * @param user who
 * @param entity what kind of thing changed ("position", "situation", "planned-meeting", "user")
 * @param entityId which one
 * @param action what was done ("accepted", "renamed", "planned", "created" …)
 * @param detail what it was before and after, in words
 */
public record Change(LocalDateTime at, String user, String entity, String entityId, String action, String detail) {
}
