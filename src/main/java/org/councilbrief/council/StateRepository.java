package org.councilbrief.council;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** States in the database, written from the data shipped with the application. */
public final class StateRepository {
    private final Jdbi jdbi;

    public StateRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Writes the shipped states, replacing what differs, and the shipped Council terms not yet recorded (decision
     * 0026); one transaction. Instances starting at once on one database take turns (the {@code shipped-data} row of
     * {@code app_lock}, held until the commit), and one that finds the data already written writes nothing, so
     * simultaneous starts neither fail on a duplicate key nor wait on each other's writes.
     */
    public void syncShipped(Membership membership) {
        jdbi.useTransaction(handle -> {
            handle.createQuery("select name from app_lock where name = 'shipped-data' for update")
                    .mapTo(String.class).list();
            java.util.Map<String, List<String>> stored = new java.util.HashMap<>();
            handle.createQuery("select code, name, short_name, label, regional_group, status, aliases from state")
                    .map((rs, ctx) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)))
                    .forEach(row -> stored.put(row.get(0), row));
            // Two batches (new states, changed ones) rather than a statement or two per state: a fresh database is
            // filled in one round trip.
            var insert = handle.prepareBatch("insert into state (name, short_name, label, regional_group, status,"
                    + " aliases, code) values (?, ?, ?, ?, ?, ?, ?)");
            var update = handle.prepareBatch("update state set name = ?, short_name = ?, label = ?,"
                    + " regional_group = ?, status = ?, aliases = ? where code = ?");
            for (State state : membership.states().all()) {
                List<String> row = List.of(state.code(), state.name(), state.shortName(), state.label(), state.group(),
                        state.status().name(), String.join(";", state.aliases()));
                List<String> before = stored.get(state.code());
                if (row.equals(before)) {
                    continue;
                }
                var batch = before != null ? update : insert;
                batch.add(state.name(), state.shortName(), state.label(), state.group(), state.status().name(),
                        String.join(";", state.aliases()), state.code());
            }
            if (insert.size() > 0) {
                insert.execute();
            }
            if (update.size() > 0) {
                update.execute();
            }
            // The Council's terms are the admin's to record (decision 0026): the shipped ones only fill what is not
            // recorded, and never bring back a term an admin removed.
            CouncilRepository.seedShipped(handle, membership);
        });
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

    /** Elected members' terms covering a year, as recorded. */
    public List<Term> termsIn(int year) {
        return new CouncilRepository(jdbi).terms().stream().filter(t -> t.seat() == Seat.ELECTED && t.covers(year))
                .toList();
    }
}
