package org.councilbrief;

/**
 * An expected failure with a message meant for the person using councilbrief: a file that is not a brief, an unknown
 * symbol, a date that cannot be read. The command line maps it to exit code 2, the web application to a 4xx answer.
 *
 * <p>A message quotes what was typed or read by an excerpt ({@link Forms#excerpt}); whatever a message was made of, it
 * is kept to {@link #MAX_MESSAGE} characters (its start and its end, which says why), so that a 10 MB line read from a
 * file never becomes a 10 MB message on a page, a terminal or a log.
 */
public class AppException extends Exception {
    /** The longest message kept. */
    public static final int MAX_MESSAGE = 1000;

    public AppException(String message) {
        super(shorten(message));
    }

    public AppException(String message, Throwable cause) {
        super(shorten(message), cause);
    }

    /** A message of at most {@link #MAX_MESSAGE} characters: its start and its end around an ellipsis. */
    public static String shorten(String message) {
        if (message == null || message.length() <= MAX_MESSAGE) {
            return message;
        }
        int tail = MAX_MESSAGE / 4;
        int head = MAX_MESSAGE - tail - 3;
        if (Character.isHighSurrogate(message.charAt(head - 1))) {
            head--;
        }
        int from = message.length() - tail;
        if (Character.isLowSurrogate(message.charAt(from))) {
            from++;
        }
        return message.substring(0, head) + " … " + message.substring(from);
    }
}
