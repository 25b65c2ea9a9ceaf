package org.councilbrief.situation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.councilbrief.audit.ChangeLogRepository;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Situations in the database. */
public final class SituationRepository {
    private static final String PLANNED = "select id, situation_id, meeting_date, title, source from planned_meeting";
    private final Jdbi jdbi;

    public SituationRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void save(Situation situation) {
        jdbi.useTransaction(handle -> save(handle, situation));
    }

    /** Inserts or updates a situation inside the caller's transaction. */
    public static void save(Handle handle, Situation situation) {
        int updated = handle.createUpdate("update situation set name = :name, state_code = :stateCode where id = :id")
                .bindMethods(situation).execute();
        if (updated == 0) {
            handle.createUpdate("insert into situation (id, name, state_code) values (:id, :name, :stateCode)")
                    .bindMethods(situation).execute();
        }
    }

    public Optional<Situation> find(String id) {
        return jdbi.withHandle(handle -> handle.createQuery("select id, name, state_code from situation where id = :id")
                .bind("id", id).map((rs, ctx) -> new Situation(rs.getString(1), rs.getString(2), rs.getString(3)))
                .findOne());
    }

    public List<Situation> all() {
        return jdbi.withHandle(handle -> handle.createQuery("select id, name, state_code from situation order by name")
                .map((rs, ctx) -> new Situation(rs.getString(1), rs.getString(2), rs.getString(3))).list());
    }

    /** Plans a meeting, with the change-log entry that says who, in one transaction; returns its id. */
    public long plan(String situation, LocalDate date, String title, String source, String user) {
        return jdbi.inTransaction(handle -> {
            long id = handle.createUpdate("""
                    insert into planned_meeting (situation_id, meeting_date, title, source, created_by, created_at)
                    values (:s, :d, :t, :src, :u, :at)""").bind("s", situation).bind("d", date).bind("t", title)
                    .bind("src", source).bind("u", user).bind("at", LocalDateTime.now(ZoneOffset.UTC))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            ChangeLogRepository.record(handle, user, "planned-meeting", String.valueOf(id), "planned",
                    situation + " " + date + " " + title + (source == null ? "" : " (" + source + ")"));
            return id;
        });
    }

    /** Removes a planned meeting of a situation (when it is cancelled or was entered by mistake). */
    public boolean unplan(String situation, long id, String user) {
        return jdbi.inTransaction(handle -> {
            Optional<PlannedMeeting> meeting = handle.createQuery(PLANNED + " where id = :id and situation_id = :s")
                    .bind("id", id).bind("s", situation).map(SituationRepository::planned).findOne();
            if (meeting.isEmpty()) {
                return false;
            }
            handle.createUpdate("delete from planned_meeting where id = :id").bind("id", id).execute();
            ChangeLogRepository.record(handle, user, "planned-meeting", String.valueOf(id), "removed",
                    situation + " " + meeting.get().date() + " " + meeting.get().title());
            return true;
        });
    }

    /** The meetings planned on a situation, soonest first. */
    public List<PlannedMeeting> planned(String situation) {
        return jdbi.withHandle(handle -> handle.createQuery(PLANNED + " where situation_id = :s order by meeting_date,"
                + " id").bind("s", situation).map(SituationRepository::planned).list());
    }

    /** For each situation with one, its first planned meeting on or after {@code from}. */
    public Map<String, PlannedMeeting> nextMeetings(LocalDate from) {
        Map<String, PlannedMeeting> next = new LinkedHashMap<>();
        jdbi.withHandle(handle -> handle.createQuery(PLANNED + " where meeting_date >= :from order by meeting_date,"
                + " id").bind("from", from).map(SituationRepository::planned).list())
                .forEach(m -> next.putIfAbsent(m.situation(), m));
        return next;
    }

    private static PlannedMeeting planned(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new PlannedMeeting(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4),
                rs.getString(5));
    }
}
