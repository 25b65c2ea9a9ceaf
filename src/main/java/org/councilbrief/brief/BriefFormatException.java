package org.councilbrief.brief;

import org.councilbrief.AppException;

/** A text that cannot be a brief, with the line at fault. */
public final class BriefFormatException extends AppException {
    private final int line;

    public BriefFormatException(int line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
