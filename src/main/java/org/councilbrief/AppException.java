package org.councilbrief;

/**
 * An expected failure with a message meant for the person using councilbrief: a file that is not a brief, an unknown
 * symbol, a date that cannot be read. The command line maps it to exit code 2, the web application to a 4xx answer.
 */
public class AppException extends Exception {
    public AppException(String message) {
        super(message);
    }

    public AppException(String message, Throwable cause) {
        super(message, cause);
    }
}
