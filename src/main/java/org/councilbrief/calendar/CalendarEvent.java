package org.councilbrief.calendar;

import java.time.LocalDate;

/**
 * One day (or run of days) on the calendar: a deadline read from a resolution, a meeting editors planned, a UPR review
 * held or expected.
 *
 * @param uid a key that stays the same for the same event across runs and servers (iCalendar's UID)
 * @param start the first day
 * @param end the last day (the same as {@code start} for a one-day event)
 * @param kind {@code deadline}, {@code meeting}, {@code upr} (a review held) or {@code upr-expected}
 * @param what what happens ("The mandate of MINUSMA ends unless renewed")
 * @param situation the situation's id, or null
 * @param situationName the situation's name, or null
 * @param source where it was read or announced ("S/RES/2640 (2022), OP1", a URL), or null
 * @param href the source's public address, or null
 * @param detail the words it was read from or a note, or null
 */
public record CalendarEvent(String uid, LocalDate start, LocalDate end, String kind, String what, String situation,
        String situationName, String source, String href, String detail) {

    /** The title a calendar shows: the situation's name, then what happens. */
    public String title() {
        return situationName == null ? what : situationName + ": " + what;
    }
}
