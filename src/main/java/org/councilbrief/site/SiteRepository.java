package org.councilbrief.site;

import java.time.LocalDate;
import java.util.List;
import org.councilbrief.statement.Meeting;
import org.jdbi.v3.core.Jdbi;

/**
 * What the site is made from, summed up in one stamp that changes whenever a page could change: counts and latest ids
 * of what is added or removed, and the latest entry of the change log, which every change in place (a position
 * decided) writes.
 */
final class SiteRepository {
    private final Jdbi jdbi;

    SiteRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    String stamp() {
        return jdbi.withHandle(handle -> handle.createQuery("""
                select (select count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(max(as_of), date '1900-01-01') from brief)
                || '/' || (select count(*) || ':' || coalesce(max(id), 0) from position)
                || '/' || (select count(*) || ':' || coalesce(max(id), 0) from upr_recommendation)
                || '/' || (select count(*) from meeting) || '/' || (select count(*) from situation)
                || '/' || (select count(*) from brief_revision)
                || '/' || (select count(*) || ':' || coalesce(max(id), 0) from planned_meeting)
                || '/' || (select coalesce(max(id), 0) from change_log)
                || '/' || (select count(*) || ':' || coalesce(max(id), 0) from import_log)""")
                .mapTo(String.class).one());
    }

    /** The meetings on a situation, oldest first (by day, then by symbol). */
    List<Meeting> meetings(String situation) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                select symbol, meeting_date, topic, press_release from meeting where situation_id = :s
                order by meeting_date, symbol""").bind("s", situation)
                .map((rs, ctx) -> new Meeting(rs.getString(1), situation, rs.getObject(2, LocalDate.class),
                        rs.getString(3), rs.getString(4))).list());
    }
}
