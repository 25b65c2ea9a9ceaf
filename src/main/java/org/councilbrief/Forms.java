package org.councilbrief;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reading the fields of the workspace's forms, the same way on every page, and the text of the command lines' options
 * and files: the door through which text enters councilbrief. Control characters are removed here (they are invisible
 * in a form, and a single one makes the Atom feed ill-formed, a PDF fail or PostgreSQL refuse a NUL), line ends become
 * {@code \n}; a one-line field keeps no line break or tab. A message quotes what was typed by {@link #excerpt} only.
 */
public final class Forms {
    /** The most characters of what was typed that a message quotes. */
    public static final int EXCERPT = 80;

    private Forms() {
    }

    /** A one-line field, cleaned ({@link #clean}), without its surrounding spaces; null when missing or blank. */
    public static String blank(String value) {
        String clean = clean(value, false);
        return clean == null || clean.isBlank() ? null : clean.strip();
    }

    /**
     * A field of several lines (a text, an introduction, sources), cleaned ({@link #clean}) and without the spaces
     * and blank lines around it; null when missing or blank.
     */
    public static String lines(String value) {
        String clean = clean(value, true);
        return clean == null || clean.isBlank() ? null : clean.strip();
    }

    /**
     * Text as councilbrief keeps it: without the characters that no text of a brief needs and that break the formats
     * it is published in (the C0 and C1 control characters, NUL included, DEL, unpaired surrogates, U+FFFE and U+FFFF).
     * Line ends become {@code \n}. When {@code multiline}, line breaks and tabs stay; else each becomes a space.
     * Null stays null.
     */
    public static String clean(String value, boolean multiline) {
        if (value == null) {
            return null;
        }
        int n = value.length();
        int i = 0;
        while (i < n && keeps(value, i, multiline) && value.charAt(i) != '\r') {
            i++;
        }
        if (i == n) {
            return value; // the common case: nothing to change, no copy
        }
        StringBuilder out = new StringBuilder(n);
        out.append(value, 0, i);
        for (; i < n; i++) {
            char c = value.charAt(i);
            if (c == '\r') {
                out.append(multiline ? '\n' : ' ');
                if (i + 1 < n && value.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (keeps(value, i, multiline)) {
                out.append(c);
            } else if (c == '\n' || c == '\t') {
                out.append(' ');
            }
        }
        return out.toString();
    }

    /** Whether the character at {@code i} is kept as it is. */
    private static boolean keeps(String value, int i, boolean multiline) {
        char c = value.charAt(i);
        if (c < 0x20) {
            return multiline && (c == '\n' || c == '\t');
        }
        if (c >= 0x7f && c <= 0x9f || c == '\uFFFE' || c == '\uFFFF') {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
        }
        return true;
    }

    /** Whether the text holds a character that {@link #clean} removes or changes (a line end aside). */
    public static boolean hasControl(String value, boolean multiline) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) != '\r' && !keeps(value, i, multiline)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What a message quotes of a value typed or read: on one line, cleaned, at most {@link #EXCERPT} characters, an
     * ellipsis where it was cut. Null is "".
     */
    public static String excerpt(String value) {
        if (value == null) {
            return "";
        }
        String line = clean(value.length() > 4 * EXCERPT ? value.substring(0, 4 * EXCERPT) : value, false).strip();
        if (line.length() <= EXCERPT && value.length() <= 4 * EXCERPT) {
            return line;
        }
        int end = Math.min(EXCERPT, line.length());
        if (end > 0 && Character.isHighSurrogate(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(0, end) + "…";
    }

    /**
     * The message for a field longer than its limit ("a title has at most 500 characters (this one has 612)"), or
     * null when it is within it. {@code what} names the field as the message starts: "a title". Characters are counted
     * as a browser's {@code maxlength} counts them.
     */
    public static String tooLong(String value, int max, String what) {
        if (value == null || value.length() <= max) {
            return null;
        }
        return what + " has at most " + number(max) + " characters (this one has " + number(value.length()) + ")";
    }

    /** A number as the pages write it: 1,000. */
    public static String number(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    /** A date field of the form YYYY-MM-DD, or null when it is missing or blank. */
    public static LocalDate date(String value) throws AppException {
        String text = blank(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new AppException("'" + excerpt(text) + "' is not a date of the form YYYY-MM-DD");
        }
    }

    /**
     * A whole number in a field, from {@code min} to {@code max}; refused with a message in the page's words naming
     * {@code what} ("a version") otherwise, never the parser's own text.
     */
    public static int number(String value, int min, int max, String what) throws AppException {
        String text = blank(value);
        if (text == null) {
            throw new AppException(what + " is missing from the form");
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new AppException("'" + excerpt(text) + "' is not " + what + " (a whole number from " + number(min)
                + " to " + number(max) + ")");
    }
}
