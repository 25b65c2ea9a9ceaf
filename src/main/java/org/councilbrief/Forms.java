package org.councilbrief;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reading the fields of the workspace's forms, the same way on every page. */
public final class Forms {
    private Forms() {
    }

    /** The field without its surrounding spaces, or null when it is missing or blank. */
    public static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A date field of the form YYYY-MM-DD, or null when it is missing or blank. */
    public static LocalDate date(String value) throws AppException {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new AppException("'" + value + "' is not a date of the form YYYY-MM-DD");
        }
    }
}
