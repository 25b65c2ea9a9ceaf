package org.councilbrief.council;

/** An elected member's term, from 1 January of {@code fromYear} to 31 December of {@code toYear}. */
public record Term(String code, int fromYear, int toYear) {
    public boolean covers(int year) {
        return year >= fromYear && year <= toYear;
    }
}
