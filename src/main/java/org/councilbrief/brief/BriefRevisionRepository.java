package org.councilbrief.brief;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The versions of each brief. */
public final class BriefRevisionRepository {
    private final Jdbi jdbi;

    public BriefRevisionRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    static Optional<BriefRevision> latest(Handle handle, String situation, String status) {
        return handle.createQuery("select situation_id, version, status, body, author, created_at, note from"
                + " brief_revision where situation_id = :s" + (status == null ? "" : " and status = :status")
                + " order by version desc").bind("s", situation).bind("status", status).setMaxRows(1)
                .map((rs, ctx) -> new BriefRevision(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDateTime.class), rs.getString(7)))
                .findFirst();
    }

    public Optional<BriefRevision> latest(String situation) {
        return jdbi.withHandle(h -> latest(h, situation, null));
    }

    public Optional<BriefRevision> latestPublished(String situation) {
        return jdbi.withHandle(h -> latest(h, situation, BriefRevision.PUBLISHED));
    }

    public Optional<BriefRevision> version(String situation, int version) {
        return jdbi.withHandle(h -> h.createQuery("select situation_id, version, status, body, author, created_at,"
                + " note from brief_revision where situation_id = :s and version = :v").bind("s", situation)
                .bind("v", version)
                .map((rs, ctx) -> new BriefRevision(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDateTime.class), rs.getString(7)))
                .findOne());
    }

    /** The history, newest first, without the bodies. */
    public List<BriefRevision> history(String situation) {
        return jdbi.withHandle(h -> h.createQuery("select situation_id, version, status, author, created_at, note"
                + " from brief_revision where situation_id = :s order by version desc").bind("s", situation)
                .map((rs, ctx) -> new BriefRevision(rs.getString(1), rs.getInt(2), rs.getString(3), null,
                        rs.getString(4), rs.getObject(5, LocalDateTime.class), rs.getString(6)))
                .list());
    }

    /** The newest versions of every brief, without the bodies. */
    public List<BriefRevision> recent(int limit) {
        return jdbi.withHandle(h -> h.createQuery("select situation_id, version, status, author, created_at, note"
                + " from brief_revision order by created_at desc, id desc").setMaxRows(limit)
                .map((rs, ctx) -> new BriefRevision(rs.getString(1), rs.getInt(2), rs.getString(3), null,
                        rs.getString(4), rs.getObject(5, LocalDateTime.class), rs.getString(6)))
                .list());
    }

    static void insert(Handle handle, BriefRevision r) {
        handle.createUpdate("insert into brief_revision (situation_id, version, status, body, author, created_at,"
                + " note) values (?, ?, ?, ?, ?, ?, ?)").bind(0, r.situation()).bind(1, r.version())
                .bind(2, r.status()).bind(3, r.body()).bind(4, r.author()).bind(5, r.at()).bind(6, r.note())
                .execute();
    }

    /**
     * Adds a version in one transaction: checks that the latest version is still {@code base} (0 when there is none),
     * writes the revision and, when {@code working} is given, the working copy of the brief. Returns the new version.
     */
    public int add(String situation, int base, String status, Brief working, String stateCode, String body,
            String author, String note) throws BriefConflictException {
        try {
            return jdbi.inTransaction(handle -> {
                int current = latest(handle, situation, null).map(BriefRevision::version).orElse(0);
                if (current != base) {
                    throw new BriefConflictException(base, current);
                }
                if (working != null) {
                    BriefRepository.save(handle, working, stateCode);
                }
                insert(handle, new BriefRevision(situation, current + 1, status, body, author,
                        LocalDateTime.now(java.time.ZoneOffset.UTC), note));
                return current + 1;
            });
        } catch (RuntimeException e) {
            if (e.getCause() instanceof BriefConflictException conflict) {
                throw conflict;
            }
            if (e instanceof org.jdbi.v3.core.statement.UnableToExecuteStatementException) {
                // Two saves of the same version at once: the unique (situation, version) key stops the second.
                throw new BriefConflictException(base, base + 1);
            }
            throw e;
        }
    }
}
