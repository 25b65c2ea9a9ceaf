package org.councilbrief.account;

import java.time.Instant;

/**
 * A logged-in session: its id (the cookie's value), the user, the token every form must send back (CSRF), and when it
 * ends.
 */
public record Session(String id, User user, String csrfToken, Instant expiresAt) {
}
