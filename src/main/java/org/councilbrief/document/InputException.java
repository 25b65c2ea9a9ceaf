package org.councilbrief.document;

import org.councilbrief.AppException;

/**
 * A file that cannot be read as what it was said to be, with the place at fault: the file, the line (0 when the
 * fault is the whole file) and the reason. The command line shows it as {@code FILE:LINE: reason} and exits with 2.
 * The reason is kept short ({@link AppException#shorten}) whatever it quotes of the file.
 * A reason quotes the input only through {@link #excerpt}, so that a 10 MB field gives a message of one line.
 */
public final class InputException extends AppException {
    private final String source;
    private final int line;
    private final String reason;

    public InputException(String source, int line, String reason) {
        super(source + (line > 0 ? ":" + line : "") + ": " + reason);
        this.source = source;
        this.line = line;
        this.reason = shorten(reason);
    }

    public InputException(String source, int line, String reason, Throwable cause) {
        super(source + (line > 0 ? ":" + line : "") + ": " + reason, cause);
        this.source = source;
        this.line = line;
        this.reason = shorten(reason);
    }

    /** The most of an input a reason quotes. */
    public static final int EXCERPT = 60;

    /**
     * A short excerpt of a value for a reason to quote: control characters removed, runs of white space made one
     * space, and a value longer than {@link #EXCERPT} characters cut with "…" and its length ("'Atlantis Atl…' (45,000
     * characters)"). Quotes included.
     */
    public static String excerpt(String value) {
        String head = value.length() > 4 * EXCERPT ? value.substring(0, 4 * EXCERPT) : value;
        String clean = head.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        if (value.length() <= 4 * EXCERPT && clean.length() <= EXCERPT) {
            return "'" + clean + "'";
        }
        return "'" + clean.substring(0, Math.min(clean.length(), EXCERPT - 1)).strip() + "…' ("
                + String.format(java.util.Locale.ROOT, "%,d", value.length()) + " characters)";
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
