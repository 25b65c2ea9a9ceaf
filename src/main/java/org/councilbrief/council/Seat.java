package org.councilbrief.council;

/** How a state sits on the Security Council. */
public enum Seat {
    PERMANENT, ELECTED;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
