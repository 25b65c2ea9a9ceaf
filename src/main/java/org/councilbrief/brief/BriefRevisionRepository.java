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
        return handle.createQuery("select situation_id, version, status, body, author, created_at, note,"
                + " review_comment from brief_revision where situation_id = :s"
                + (status == null ? "" : " and status = :status")
                + " order by version desc").bind("s", situation).bind("status", status).setMaxRows(1)
                .map((rs, ctx) -> new BriefRevision(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDateTime.class), rs.getString(7), rs.getString(8)))
                .findFirst();
    }

    public Optional<BriefRevision> latest(String situation) {
        return jdbi.withHandle(h -> latest(h, situation, null));
    }

    public Optional<BriefRevision> latestPublished(String situation) {
        return jdbi.withHandle(h -> latest(h, situation, BriefRevision.PUBLISHED));
    }

    /**
     * A published version and what its pictures were drawn from when it was published (decision 0049).
     *
     * @param pictures the data {@link BriefPictures.Maker#record} gave at publication, or null when none was kept
     */
    public record Published(BriefRevision revision, String pictures) {
    }

    /** The latest published version with the data of its pictures, read together. */
    public Optional<Published> latestPublishedWithPictures(String situation) {
        return jdbi.withHandle(h -> h.createQuery("select situation_id, version, status, body, author, created_at,"
                + " note, review_comment, pictures from brief_revision where situation_id = :s and status = :status"
                + " order by version desc").bind("s", situation).bind("status", BriefRevision.PUBLISHED)
                .setMaxRows(1).map((rs, ctx) -> new Published(new BriefRevision(rs.getString(1), rs.getInt(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, LocalDateTime.class),
                        rs.getString(7), rs.getString(8)), rs.getString(9))).findFirst());
    }

    public Optional<BriefRevision> version(String situation, int version) {
        return jdbi.withHandle(h -> h.createQuery("select situation_id, version, status, body, author, created_at,"
                + " note, review_comment from brief_revision where situation_id = :s and version = :v")
                .bind("s", situation).bind("v", version)
                .map((rs, ctx) -> new BriefRevision(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDateTime.class), rs.getString(7), rs.getString(8)))
                .findOne());
    }

    /** The history, newest first, without the bodies. */
    public List<BriefRevision> history(String situation) {
        return jdbi.withHandle(h -> h.createQuery("select situation_id, version, status, author, created_at, note,"
                + " review_comment from brief_revision where situation_id = :s order by version desc")
                .bind("s", situation)
                .map((rs, ctx) -> new BriefRevision(rs.getString(1), rs.getInt(2), rs.getString(3), null,
                        rs.getString(4), rs.getObject(5, LocalDateTime.class), rs.getString(6), rs.getString(7)))
                .list());
    }

    /** The item that the "Add an item" form with this token added to the situation's brief, if one did. */
    public Optional<String> itemOfToken(String situation, String token) {
        return jdbi.withHandle(h -> h.createQuery("select item_key from brief_form_token where situation_id = :s"
                + " and token = :t").bind("s", situation).bind("t", token).mapTo(String.class).findOne());
    }

    /** The newest versions of every brief, without the bodies. */
    public List<BriefRevision> recent(int limit) {
        return jdbi.withHandle(h -> h.createQuery("select situation_id, version, status, author, created_at, note,"
                + " review_comment from brief_revision order by created_at desc, id desc").setMaxRows(limit)
                .map((rs, ctx) -> new BriefRevision(rs.getString(1), rs.getInt(2), rs.getString(3), null,
                        rs.getString(4), rs.getObject(5, LocalDateTime.class), rs.getString(6), rs.getString(7)))
                .list());
    }

    static void insert(Handle handle, BriefRevision r) {
        handle.createUpdate("insert into brief_revision (situation_id, version, status, body, author, created_at,"
                + " note, review_comment) values (?, ?, ?, ?, ?, ?, ?, ?)").bind(0, r.situation())
                .bind(1, r.version()).bind(2, r.status()).bind(3, r.body()).bind(4, r.author()).bind(5, r.at())
                .bind(6, r.note()).bind(7, r.comment()).execute();
    }

    /**
     * What a version records besides the brief: a reviewer's comment, and the token of the form that added an item.
     *
     * @param comment what a reviewer who sent the brief back asks, or null
     * @param token the token of the "Add an item" form, or null
     * @param item the item that form added, or null
     * @param pictures what a published version's pictures are drawn from (decision 0049), or null
     */
    public record Extra(String comment, String token, String item, String pictures) {
        public static final Extra NONE = new Extra(null, null, null);

        public Extra(String comment, String token, String item) {
            this(comment, token, item, null);
        }

        /** The same, with the data of a published version's pictures. */
        public Extra withPictures(String data) {
            return new Extra(comment, token, item, data);
        }
    }

    /**
     * Adds a version in one transaction: checks that the latest version is still {@code base} (0 when there is none),
     * writes the revision and, when {@code working} is given, the working copy of the brief. Returns the new version.
     */
    public int add(String situation, int base, String status, Brief working, String stateCode, String body,
            String author, String note) throws org.councilbrief.AppException {
        return add(situation, base, status, working, stateCode, body, author, note, Extra.NONE);
    }

    /**
     * Adds a version as {@link #add(String, int, String, Brief, String, String, String, String)} does, with what else
     * it records, in the same transaction: a second save of the same form's token fails as a conflict does.
     */
    public int add(String situation, int base, String status, Brief working, String stateCode, String body,
            String author, String note, Extra extra) throws org.councilbrief.AppException {
        try {
            return jdbi.inTransaction(handle -> {
                int current = latest(handle, situation, null).map(BriefRevision::version).orElse(0);
                if (current != base) {
                    throw new BriefConflictException(base, current);
                }
                if (working != null) {
                    BriefRepository.save(handle, working, stateCode);
                }
                LocalDateTime now = LocalDateTime.now(java.time.ZoneOffset.UTC);
                insert(handle, new BriefRevision(situation, current + 1, status, body, author, now, note,
                        extra.comment()));
                if (extra.pictures() != null) {
                    handle.createUpdate("update brief_revision set pictures = ? where situation_id = ? and version = ?")
                            .bind(0, extra.pictures()).bind(1, situation).bind(2, current + 1).execute();
                }
                if (extra.token() != null) {
                    handle.createUpdate("insert into brief_form_token (situation_id, token, item_key, created_at)"
                            + " values (?, ?, ?, ?)").bind(0, situation).bind(1, extra.token())
                            .bind(2, extra.item()).bind(3, now).execute();
                }
                return current + 1;
            });
        } catch (RuntimeException e) {
            if (e.getCause() instanceof BriefConflictException conflict) {
                throw conflict;
            }
            String state = sqlState(e);
            if (state != null && (state.equals(UNIQUE_VIOLATION) || state.startsWith(TRANSACTION_ROLLBACK))) {
                // Two saves of the same version at once: the unique (situation, version) key stops the second (or
                // the database chose it as the one to roll back). Only this is a conflict; anything else is not.
                throw new BriefConflictException(base, base + 1);
            }
            if (state != null && state.startsWith(DATA_EXCEPTION)) {
                throw new BriefSaveException("the brief was not saved: a text in it is longer than the database keeps,"
                        + " or holds a character it refuses; nothing was saved", e);
            }
            throw e;
        }
    }

    /** SQLSTATE of a unique key's violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";
    /** SQLSTATE class of a transaction rolled back by the database (serialization failure, deadlock). */
    private static final String TRANSACTION_ROLLBACK = "40";
    /** SQLSTATE class of a value the database refuses: too long (22001), a NUL on PostgreSQL (22021), … */
    private static final String DATA_EXCEPTION = "22";

    /** The SQLSTATE of the statement that failed under {@code e}, or null when no statement failed. */
    static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** A version not saved because the database refused a value in it; nothing was written. */
    public static final class BriefSaveException extends org.councilbrief.AppException {
        BriefSaveException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
