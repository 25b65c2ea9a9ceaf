package org.councilbrief.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.councilbrief.council.Membership;
import org.councilbrief.council.StateRepository;
import org.councilbrief.db.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;

/**
 * Finding the stale briefs costs a fixed number of statements, whatever the number of briefs and of items imported
 * since their publication: the workspace and every poll of the feed ask for it.
 */
class StaleBriefsQueriesTest {
    private static final LocalDateTime PUBLISHED = LocalDateTime.of(2023, 6, 1, 9, 0);

    @Test
    void theStatementsRunDoNotGrowWithTheBriefsOrTheirNews() {
        int one = statements(1);
        int fifty = statements(50);
        // The briefs with their publications, the items with what places them, the situations (for the reviews).
        assertThat(fifty).isEqualTo(one).isEqualTo(3);
    }

    /** Statements run to find why {@code briefs} briefs are stale, each for a record, a summary and a review. */
    private static int statements(int briefs) {
        try (Database database = Database.inMemory("stale-queries-" + briefs + "-" + System.nanoTime())) {
            new StateRepository(database.jdbi()).syncShipped(Membership.shipped());
            List<String> states = database.jdbi().withHandle(h -> h.createQuery("select code from state order by code")
                    .mapTo(String.class).list()).subList(0, briefs);
            database.jdbi().useTransaction(h -> {
                for (int i = 0; i < briefs; i++) {
                    situationWithNews(h, i, states.get(i));
                }
            });
            AtomicInteger count = new AtomicInteger();
            database.jdbi().setSqlLogger(new SqlLogger() {
                @Override
                public void logBeforeExecution(StatementContext context) {
                    count.incrementAndGet();
                }
            });
            Map<String, List<StaleBriefs.Reason>> reasons = new StaleBriefs(new CalendarRepository(database.jdbi()))
                    .reasons(LocalDate.of(2023, 6, 20), 30);
            database.jdbi().setSqlLogger(SqlLogger.NOP_SQL_LOGGER);
            // Every brief is stale for its three items, each named: the count is of a complete answer.
            assertThat(reasons).hasSize(briefs);
            reasons.forEach((situation, list) -> assertThat(list).extracting(StaleBriefs.Reason::label)
                    .containsExactlyInAnyOrder("S/PV." + (9000 + Integer.parseInt(situation.substring(1))),
                            "SC/" + (15000 + Integer.parseInt(situation.substring(1))),
                            "UPR review " + states.get(Integer.parseInt(situation.substring(1))) + "-S40"));
            reasons.forEach((situation, list) -> assertThat(list).filteredOn(r -> r.label().startsWith("SC/"))
                    .singleElement().extracting(StaleBriefs.Reason::href)
                    .isEqualTo("workspace/positions?meeting=S%2FPV."
                            + (9000 + Integer.parseInt(situation.substring(1)))));
            return count.get();
        }
    }

    /** Situation {@code s<i>} with a brief published on 1 June 2023 and, on 5 June, a record, a summary, a review. */
    private static void situationWithNews(Handle h, int i, String state) {
        String id = "s" + i;
        String meeting = "S/PV." + (9000 + i);
        h.execute("insert into situation (id, name, state_code) values (?, ?, ?)", id, "Situation " + i, state);
        h.execute("insert into brief (situation_id, as_of, status, version) values (?, ?, 'published', 1)", id,
                LocalDate.of(2023, 6, 1));
        h.execute("insert into brief_revision (situation_id, version, status, body, author, created_at) values (?, 1,"
                + " 'published', '{}', 'edith', ?)", id, PUBLISHED);
        h.execute("insert into meeting (symbol, situation_id, meeting_date) values (?, ?, ?)", meeting, id,
                LocalDate.of(2023, 6, 2));
        h.execute("insert into press_release (number, meeting_symbol) values (?, ?)", "SC/" + (15000 + i), meeting);
        h.execute("insert into upr_review (id, state_under_review, cycle, session, review_date) values (?, ?, 4, 40,"
                + " ?)", state + "-S40", state, LocalDate.of(2022, 1, 20));
        String[][] items = {{"meeting", meeting}, {"press-release", "SC/" + (15000 + i)},
            {"upr-review", state + "-S40"}};
        for (String[] item : items) {
            long log = h.createUpdate("insert into import_log (kind, content_hash, file_name, target, imported_at)"
                    + " values (?, ?, ?, ?, ?)").bind(0, item[0]).bind(1, Integer.toHexString(item[1].hashCode()) + i)
                    .bind(2, item[1] + ".txt").bind(3, item[1]).bind(4, PUBLISHED.plusDays(4))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.execute("insert into import_log_item (import_id, position, kind, item_key) values (?, 0, ?, ?)", log,
                    item[0], item[1]);
        }
    }
}
