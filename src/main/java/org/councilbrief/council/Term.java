package org.councilbrief.council;

import java.time.LocalDate;

/**
 * A state's seat on the Council from its first day to its last, both included: an elected member's term (from 1
 * January of its first year to 31 December of its last, as a rule) or a permanent seat, which has no last day.
 *
 * @param last the last day, or null for a permanent seat
 */
public record Term(String code, Seat seat, LocalDate first, LocalDate last) {
    public Term {
        if (last != null && last.isBefore(first)) {
            throw new IllegalArgumentException("a term of " + code + " cannot end (" + last + ") before it begins ("
                    + first + ")");
        }
    }

    /** An elected member's term from 1 January of {@code fromYear} to 31 December of {@code toYear}. */
    public Term(String code, int fromYear, int toYear) {
        this(code, Seat.ELECTED, LocalDate.of(fromYear, 1, 1), LocalDate.of(toYear, 12, 31));
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(first) && (last == null || !date.isAfter(last));
    }

    /** Whether the term covers any day of the year. */
    public boolean covers(int year) {
        return first.getYear() <= year && (last == null || last.getYear() >= year);
    }

    /** Whether the two terms share a day. */
    public boolean overlaps(Term other) {
        return (last == null || !other.first.isAfter(last)) && (other.last == null || !first.isAfter(other.last));
    }

    public int fromYear() {
        return first.getYear();
    }

    /** The last year, or {@link Integer#MAX_VALUE} for a permanent seat. */
    public int toYear() {
        return last == null ? Integer.MAX_VALUE : last.getYear();
    }

    /** "2027-2028", "1 January 1946 onwards", "1 January 1960 to 30 June 1960" as a person reads it. */
    public String period() {
        if (last == null) {
            return "from " + first + " on";
        }
        boolean years = first.getMonthValue() == 1 && first.getDayOfMonth() == 1 && last.getMonthValue() == 12
                && last.getDayOfMonth() == 31;
        if (years) {
            return first.getYear() == last.getYear() ? String.valueOf(first.getYear())
                    : first.getYear() + "-" + last.getYear();
        }
        return first + " to " + last;
    }
}
