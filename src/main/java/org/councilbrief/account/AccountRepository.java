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
    record Stored(User user, String hash) {
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
            long key = h.createUpdate("insert into app_user (username, password_hash, role, created_at)"
                    + " values (?, ?, ?, ?)").bind(0, username).bind(1, hash).bind(2, role.id())
                    .bind(3, utc(now)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            ChangeLogRepository.record(h, by, "user", username, "created", "role " + role.id());
            return key;
        });
        return new User(id, username, role);
    }

    Optional<Stored> find(String username) {
        return jdbi.withHandle(h -> h.createQuery("select id, username, role, password_hash from app_user"
                + " where username = :u").bind("u", username)
                .map((rs, ctx) -> new Stored(new User(rs.getLong(1), rs.getString(2),
                        Role.valueOf(rs.getString(3).toUpperCase(java.util.Locale.ROOT))), rs.getString(4)))
                .findOne());
    }

    List<User> users() {
        return jdbi.withHandle(h -> h.createQuery("select id, username, role from app_user order by username")
                .map((rs, ctx) -> new User(rs.getLong(1), rs.getString(2),
                        Role.valueOf(rs.getString(3).toUpperCase(java.util.Locale.ROOT)))).list());
    }

    void insertSession(Session session, Instant now) {
        jdbi.useHandle(h -> h.createUpdate("insert into app_session (id, user_id, csrf_token, created_at, expires_at,"
                + " last_seen_at) values (?, ?, ?, ?, ?, ?)").bind(0, session.id()).bind(1, session.user().id())
                .bind(2, session.csrfToken()).bind(3, utc(now)).bind(4, utc(session.expiresAt())).bind(5, utc(now))
                .execute());
    }

    /**
     * The session if it has not ended: before its fixed end, and last used after {@code idleSince}. Its last use is
     * then moved to now, at most once every {@code touchEvery}, so that reading pages does not write on every request.
     */
    Optional<Session> session(String id, Instant now, Instant idleSince, java.time.Duration touchEvery) {
        Optional<Session> found = jdbi.withHandle(h -> h.createQuery("select s.id, u.id, u.username, u.role,"
                + " s.csrf_token, s.expires_at from app_session s join app_user u on u.id = s.user_id"
                + " where s.id = :id and s.expires_at > :now and s.last_seen_at > :idle")
                .bind("id", id).bind("now", utc(now)).bind("idle", utc(idleSince))
                .map((rs, ctx) -> new Session(rs.getString(1), new User(rs.getLong(2), rs.getString(3),
                        Role.valueOf(rs.getString(4).toUpperCase(java.util.Locale.ROOT))), rs.getString(5),
                        rs.getObject(6, LocalDateTime.class).toInstant(ZoneOffset.UTC)))
                .findOne());
        if (found.isPresent()) {
            jdbi.useHandle(h -> h.createUpdate("update app_session set last_seen_at = ? where id = ?"
                    + " and last_seen_at < ?").bind(0, utc(now)).bind(1, id).bind(2, utc(now.minus(touchEvery)))
                    .execute());
        }
        return found;
    }

    void deleteSession(String id) {
        jdbi.useHandle(h -> h.createUpdate("delete from app_session where id = ?").bind(0, id).execute());
    }

    /** Deletes the sessions that have ended, at their fixed end or for want of use since {@code idleSince}. */
    int deleteExpired(Instant now, Instant idleSince) {
        return jdbi.withHandle(h -> h.createUpdate("delete from app_session where expires_at <= ? or last_seen_at <= ?")
                .bind(0, utc(now)).bind(1, utc(idleSince)).execute());
    }
}
