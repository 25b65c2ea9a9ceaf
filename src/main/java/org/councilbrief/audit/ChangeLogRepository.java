package org.councilbrief.audit;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The log of changes. Writers call {@link #record(Handle, String, String, String, String, String)} inside the
 * transaction of the change itself, so that a change is never kept without its entry, nor an entry without its change.
 */
public final class ChangeLogRepository {
    private static final int DETAIL_LIMIT = 2000;
    private final Jdbi jdbi;

    public ChangeLogRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Who a change made on the command line is logged as: "cli:" and the system user who ran the command. */
    public static String commandLineUser() {
        return "cli:" + System.getProperty("user.name");
    }

    public static void record(Handle handle, String user, String entity, String entityId, String action,
            String detail) {
        String d = detail == null || detail.length() <= DETAIL_LIMIT ? detail
                : detail.substring(0, DETAIL_LIMIT - 1) + "…";
        handle.createUpdate("""
                insert into change_log (changed_at, username, entity, entity_id, action, detail)
                values (:at, :user, :entity, :entityId, :action, :detail)""")
                .bind("at", LocalDateTime.now(ZoneOffset.UTC)).bind("user", user).bind("entity", entity)
                .bind("entityId", entityId).bind("action", action).bind("detail", d).execute();
    }

    /** The newest changes first, at most {@code limit}. */
    public List<Change> recent(int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                select changed_at, username, entity, entity_id, action, detail from change_log
                order by id desc""").setMaxRows(limit).map((rs, ctx) -> new Change(
                        rs.getObject(1, LocalDateTime.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6))).list());
    }

    /** The changes to one thing, oldest first. */
    public List<Change> of(String entity, String entityId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                select changed_at, username, entity, entity_id, action, detail from change_log
                where entity = :entity and entity_id = :id order by id""").bind("entity", entity)
                .bind("id", entityId).map((rs, ctx) -> new Change(rs.getObject(1, LocalDateTime.class),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)))
                .list());
    }
}
