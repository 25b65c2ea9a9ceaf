package org.councilbrief.document;

import org.councilbrief.AppException;

/**
 * A file that cannot be read as what it was said to be, with the place at fault: the file, the line (0 when the
 * fault is the whole file) and the reason. The command line shows it as {@code FILE:LINE: reason} and exits with 2.
 * The reason is kept short ({@link AppException#shorten}) whatever it quotes of the file.
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
