package org.councilbrief.calendar;

import java.time.LocalDate;

/**
 * A day a resolution sets: when a mandate, a mission's authorization, a panel of experts or sanctions measures end
 * unless the Council renews them, or by when it will review them.
 *
 * @param symbol the resolution's symbol ("S/RES/2640 (2022)")
 * @param paragraph the operative paragraph that sets it ("OP1", "OP3(b)")
 * @param date the last day
 * @param kind what ends: {@code mandate}, {@code authorization}, {@code panel}, {@code sanctions}, {@code review} or
 *     {@code end} (the Council ends something on that day)
 * @param subject what ends, in the resolution's words ("the mandate of MINUSMA", "the measures set out in paragraphs
 *     1 to 7 of resolution 2374 (2017)"); for sanctions, the measures named ("travel ban, asset freeze") when the
 *     paragraph says which
 * @param evidence the words the day was read from ("until 30 June 2023", "for an initial period of one year from the
 *     date of adoption of this resolution")
 */
public record Deadline(String symbol, String paragraph, LocalDate date, String kind, String subject,
        String evidence) {

    /** How the calendar says it: "The mandate of MINUSMA ends", "Review of the measures …". */
    public String what() {
        String s = subject.isEmpty() ? "" : Character.toUpperCase(subject.charAt(0)) + subject.substring(1);
        return switch (kind) {
            case "review" -> "Review: " + subject;
            case "end" -> s + " ends (decided by the Council)";
            default -> s + " ends unless renewed";
        };
    }

    /** Where it was read: "S/RES/2640 (2022), OP1". */
    public String source() {
        return symbol + ", " + paragraph;
    }
}
