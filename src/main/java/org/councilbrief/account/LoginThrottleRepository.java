package org.councilbrief.account;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Counts of login attempts in the database, one row per scope key and fixed window. An attempt is reserved by one
 * conditional {@code update} that adds one only while the count is under the limit (or starts a new window when the
 * old one has passed): the database's row lock orders parallel attempts, on one instance or several, so no two of them
 * can both take the last place.
 */
final class LoginThrottleRepository {
    private final Jdbi jdbi;

    LoginThrottleRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Takes a place in the key's window if one is left: true when it was taken. */
    boolean reserve(String key, int limit, Duration window, Instant now) {
        if (update(key, limit, window, now)) {
            return true;
        }
        try {
            jdbi.useHandle(h -> h.createUpdate("insert into login_throttle (scope_key, attempts, window_start)"
                    + " values (?, 1, ?)").bind(0, key).bind(1, utc(now)).execute());
            return true;
        } catch (UnableToExecuteStatementException e) {
            // The row exists (over its limit, or just inserted by a parallel attempt): ask the update again.
            return update(key, limit, window, now);
        }
    }

    private boolean update(String key, int limit, Duration window, Instant now) {
        LocalDateTime expired = utc(now.minus(window));
        return jdbi.withHandle(h -> h.createUpdate("update login_throttle set"
                + " attempts = case when window_start <= :expired then 1 else attempts + 1 end,"
                + " window_start = case when window_start <= :expired then :now else window_start end"
                + " where scope_key = :key and (window_start <= :expired or attempts < :limit)")
                .bind("expired", expired).bind("now", utc(now)).bind("key", key).bind("limit", limit)
                .execute()) == 1;
    }

    /** Gives back places taken by {@link #reserve}: attempts that did not fail. */
    void release(String key, int places) {
        jdbi.useHandle(h -> h.createUpdate("update login_throttle set attempts = case when attempts > :n"
                + " then attempts - :n else 0 end where scope_key = :key").bind("n", places).bind("key", key)
                .execute());
    }

    /** When the key's current window began, if it has one. */
    Optional<Instant> windowStart(String key) {
        return jdbi.withHandle(h -> h.createQuery("select window_start from login_throttle where scope_key = :key")
                .bind("key", key).mapTo(LocalDateTime.class).findOne().map(t -> t.toInstant(ZoneOffset.UTC)));
    }

    /** Deletes the windows that began before {@code before}: they no longer count. */
    int purge(Instant before) {
        return jdbi.withHandle(h -> h.createUpdate("delete from login_throttle where window_start < ?")
                .bind(0, utc(before)).execute());
    }
}
