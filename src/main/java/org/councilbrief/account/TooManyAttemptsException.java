package org.councilbrief.account;

import java.time.Duration;
import org.councilbrief.AppException;

/** A login refused before its password was checked: too many failed attempts; try again after {@link #retryAfter}. */
public final class TooManyAttemptsException extends AppException {
    private final Duration retryAfter;

    TooManyAttemptsException(Duration retryAfter) {
        super("too many failed logins for this username or from this network; try again in " + words(retryAfter));
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    private static String words(Duration d) {
        long minutes = (d.toSeconds() + 59) / 60;
        return minutes <= 1 ? "a minute" : minutes + " minutes";
    }
}
