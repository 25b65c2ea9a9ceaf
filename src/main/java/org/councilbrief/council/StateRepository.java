package org.councilbrief.council;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** States in the database, written from the data shipped with the application. */
public final class StateRepository {
    private final Jdbi jdbi;

    public StateRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Writes the shipped states and Council terms, replacing what differs; one transaction. */
    public void syncShipped(Membership membership) {
        jdbi.useTransaction(handle -> {
            for (State state : membership.states().all()) {
                upsert(handle, state);
            }
            handle.execute("delete from council_term");
            var batch = handle.prepareBatch("insert into council_term (state_code, from_year, to_year) values (?, ?, ?)");
            for (Term term : membership.terms()) {
                batch.add(term.code(), term.fromYear(), term.toYear());
            }
            batch.execute();
        });
    }

    private static void upsert(Handle handle, State state) {
        int updated = handle.createUpdate("""
                update state set name = :name, short_name = :shortName, label = :label, regional_group = :group,
                status = :status, aliases = :aliases where code = :code""")
                .bindMethods(state).bind("status", state.status().name()).bind("aliases", String.join(";", state.aliases()))
                .execute();
        if (updated == 0) {
            handle.createUpdate("""
                    insert into state (code, name, short_name, label, regional_group, status, aliases)
                    values (:code, :name, :shortName, :label, :group, :status, :aliases)""")
                    .bindMethods(state).bind("status", state.status().name())
                    .bind("aliases", String.join(";", state.aliases())).execute();
        }
    }

    public Optional<State> findByCode(String code) {
        return jdbi.withHandle(handle -> handle.createQuery("select * from state where code = :code")
                .bind("code", code).map((rs, ctx) -> new State(rs.getString("code"), rs.getString("name"),
                        rs.getString("short_name"), rs.getString("label"), rs.getString("regional_group"),
                        State.Status.valueOf(rs.getString("status")),
                        rs.getString("aliases").isEmpty() ? List.of() : List.of(rs.getString("aliases").split(";"))))
                .findOne());
    }

    public int count() {
        return jdbi.withHandle(handle -> handle.createQuery("select count(*) from state").mapTo(Integer.class).one());
    }

    /** Elected members' terms covering a year. */
    public List<Term> termsIn(int year) {
        return jdbi.withHandle(handle -> handle.createQuery(
                "select state_code, from_year, to_year from council_term where from_year <= :y and to_year >= :y "
                        + "order by state_code")
                .bind("y", year)
                .map((rs, ctx) -> new Term(rs.getString(1), rs.getInt(2), rs.getInt(3))).list());
    }
}
