package org.councilbrief.account;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.councilbrief.audit.ChangeLogRepository;
import org.jdbi.v3.core.Jdbi;

/** Users and sessions in the database. */
final class AccountRepository {
    private final Jdbi jdbi;

    AccountRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A user with what logging in checks. */
    record Stored(User user, String hash, int failedAttempts, Instant lockedUntil) {
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    boolean exists(String username) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from app_user where username = :u")
                .bind("u", username).mapTo(Integer.class).one() > 0);
    }

    /** Inserts a user and the change-log entry that says who created it, in one transaction. */
    User insert(String username, String hash, Role role, Instant now, String by) {
        long id = jdbi.inTransaction(h -> {
            long key = h.createUpdate("insert into app_user (username, password_hash, role, failed_attempts,"
                    + " created_at) values (?, ?, ?, 0, ?)").bind(0, username).bind(1, hash).bind(2, role.id())
                    .bind(3, utc(now)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            ChangeLogRepository.record(h, by, "user", username, "created", "role " + role.id());
            return key;
        });
        return new User(id, username, role);
    }

    Optional<Stored> find(String username) {
        return jdbi.withHandle(h -> h.createQuery("select id, username, role, password_hash, failed_attempts,"
                + " locked_until from app_user where username = :u").bind("u", username)
                .map((rs, ctx) -> new Stored(new User(rs.getLong(1), rs.getString(2),
                        Role.valueOf(rs.getString(3).toUpperCase(java.util.Locale.ROOT))), rs.getString(4),
                        rs.getInt(5), rs.getObject(6, LocalDateTime.class) == null ? null
                                : rs.getObject(6, LocalDateTime.class).toInstant(ZoneOffset.UTC)))
                .findOne());
    }

    List<User> users() {
        return jdbi.withHandle(h -> h.createQuery("select id, username, role from app_user order by username")
                .map((rs, ctx) -> new User(rs.getLong(1), rs.getString(2),
                        Role.valueOf(rs.getString(3).toUpperCase(java.util.Locale.ROOT)))).list());
    }

    void failed(long userId, int attempts, Instant lockedUntil) {
        jdbi.useHandle(h -> h.createUpdate("update app_user set failed_attempts = ?, locked_until = ? where id = ?")
                .bind(0, attempts).bind(1, lockedUntil == null ? null : utc(lockedUntil)).bind(2, userId).execute());
    }

    void succeeded(long userId) {
        jdbi.useHandle(h -> h.createUpdate("update app_user set failed_attempts = 0, locked_until = null where id = ?")
                .bind(0, userId).execute());
    }

    void insertSession(Session session, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("insert into app_session (id, user_id, csrf_token, created_at, expires_at)"
                + " values (?, ?, ?, ?, ?)").bind(0, session.id()).bind(1, session.user().id())
                .bind(2, session.csrfToken()).bind(3, utc(now)).bind(4, utc(session.expiresAt())).execute());
    }

    Optional<Session> session(String id, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("select s.id, u.id, u.username, u.role, s.csrf_token, s.expires_at"
                + " from app_session s join app_user u on u.id = s.user_id where s.id = :id and s.expires_at > :now")
                .bind("id", id).bind("now", utc(now))
                .map((rs, ctx) -> new Session(rs.getString(1), new User(rs.getLong(2), rs.getString(3),
                        Role.valueOf(rs.getString(4).toUpperCase(java.util.Locale.ROOT))), rs.getString(5),
                        rs.getObject(6, LocalDateTime.class).toInstant(ZoneOffset.UTC)))
                .findOne());
    }

    void deleteSession(String id) {
        jdbi.useHandle(h -> h.createUpdate("delete from app_session where id = ?").bind(0, id).execute());
    }

    void deleteExpired(Instant now) {
        jdbi.useHandle(h -> h.createUpdate("delete from app_session where expires_at <= ?").bind(0, utc(now))
                .execute());
    }
}
