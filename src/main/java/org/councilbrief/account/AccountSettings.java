package org.councilbrief.account;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.councilbrief.AppException;

/**
 * How an office runs its accounts, set when the server starts.
 *
 * @param sessionIdle a session ends after this long without a request
 * @param sessionMax a session ends this long after its login, used or not
 * @param publishOwnChanges whether a reviewer or admin may publish a version whose last change they made themselves
 *     (off by default: a second person reads every change before the public does)
 * @param behindProxy whether the server is reached through a reverse proxy on the same machine or network, whose
 *     {@code X-Forwarded-For} header names the client: login attempts are then counted per that client, not per
 *     the proxy
 */
public record AccountSettings(Duration sessionIdle, Duration sessionMax, boolean publishOwnChanges,
        boolean behindProxy) {
    public static final Duration DEFAULT_IDLE = Duration.ofHours(2);
    public static final Duration DEFAULT_MAX = Duration.ofHours(12);
    private static final Pattern SHORT = Pattern.compile("(\\d{1,6})\\s*(s|m|min|h|d)");

    public AccountSettings {
        if (sessionIdle.isNegative() || sessionIdle.isZero() || sessionMax.isNegative() || sessionMax.isZero()) {
            throw new IllegalArgumentException("session times must be positive");
        }
    }

    public static AccountSettings defaults() {
        return new AccountSettings(DEFAULT_IDLE, DEFAULT_MAX, false, false);
    }

    /**
     * Reads a length of time as an office writes it: {@code 90m}, {@code 2h}, {@code 1d}, {@code 45s}, or ISO-8601
     * ({@code PT2H}).
     *
     * @param what what the time is, for the message when it cannot be read
     */
    public static Duration duration(String text, String what) throws AppException {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(t);
        Duration d;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m", "min" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (java.time.format.DateTimeParseException e) {
                throw new AppException(what + ": '" + shortened(text) + "' is not a length of time; write it as 90m, 2h"
                        + " or 1d");
            }
        }
        if (d.isNegative() || d.isZero()) {
            throw new AppException(what + " must be longer than zero");
        }
        return d;
    }

    private static String shortened(String text) {
        String t = String.valueOf(text);
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }
}
