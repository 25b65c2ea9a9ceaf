package org.councilbrief.app;

/** One situation on the home page: its name, the link to its brief and the brief's date. */
public record SituationLink(String name, String href, String asOf) {
}
