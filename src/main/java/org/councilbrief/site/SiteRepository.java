package org.councilbrief.site;

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
}
