package org.councilbrief.situation;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Situations in the database. */
public final class SituationRepository {
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
}
