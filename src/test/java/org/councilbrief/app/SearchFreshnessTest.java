package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.councilbrief.SharedData;
import org.councilbrief.brief.BriefWorkflow;
import org.councilbrief.council.CouncilRepository;
import org.councilbrief.council.Term;
import org.councilbrief.db.Database;
import org.councilbrief.db.TestDatabases;
import org.councilbrief.ingest.ImportOptions;
import org.councilbrief.ingest.Imports;
import org.councilbrief.search.SearchIndex;
import org.councilbrief.search.SearchQuery;
import org.councilbrief.search.SearchRepository;
import org.councilbrief.statement.Position;
import org.councilbrief.statement.StatementRepository;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The search index's freshness stamp (decision 0039): read every second by every instance, so it must cost little
 * whatever the tables hold, and still move on every change that alters what the search finds, through the writers
 * the application has: imports of each kind, a re-import that replaces rows, positions decided and edited, a brief
 * edited and published, a Council term removed, and a change whose transaction commits after a later one.
 */
class SearchFreshnessTest {
    private static final Path DATA = SharedData.root().resolve("data");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> databases() {
        return TestDatabases.urls();
    }

    /** The SQL {@code stamp()} runs, caught as Jdbi runs it. */
    private static String stampSql(Database database, SearchRepository repository) {
        List<String> seen = new ArrayList<>();
        database.jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                seen.add(context.getRenderedSql());
            }
        });
        try {
            repository.stamp();
        } finally {
            database.jdbi().setSqlLogger(SqlLogger.NOP_SQL_LOGGER);
        }
        assertThat(seen).hasSize(1);
        return seen.get(0);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theStampReadsAFewIndexEntriesHoweverLargeTheTables(String url) throws Exception {
        int rows = 20_000;
        try (Database database = Database.open(url)) {
            Application application = Application.start(database, true);
            database.jdbi().useTransaction(h -> {
                h.execute("insert into upr_review (id, state_under_review, cycle, session, review_date)"
                        + " values ('BIG-1', 'MLI', 1, 2, date '2008-05-13')");
                var recommendations = h.prepareBatch("insert into upr_recommendation (review_id, position, body)"
                        + " values ('BIG-1', ?, ?)");
                var log = h.prepareBatch("insert into change_log (changed_at, username, entity, entity_id, action)"
                        + " values (current_timestamp, 'bench', 'test', ?, 'filled')");
                for (int i = 1; i <= rows; i++) {
                    recommendations.add(i, "Recommendation number " + i);
                    log.add(String.valueOf(i));
                }
                recommendations.execute();
                log.execute();
            });
            String sql = stampSql(database, SearchWiring.repository(application));
            long read;
            if (url.startsWith("jdbc:h2:")) {
                database.jdbi().useHandle(h -> h.execute("analyze"));
                String plan = database.jdbi().withHandle(h -> h.createQuery("explain analyze " + sql)
                        .mapTo(String.class).one());
                assertThat(plan).as("no table read row by row: " + plan).doesNotContain(".tableScan");
                read = java.util.regex.Pattern.compile("scanCount: (\\d+)").matcher(plan).results()
                        .mapToLong(m -> Long.parseLong(m.group(1))).sum();
            } else {
                database.jdbi().useHandle(h -> h.execute("analyze"));
                String plan = database.jdbi().withHandle(h -> h.createQuery("explain (analyze, format json) " + sql)
                        .mapTo(String.class).one());
                read = rowsRead(JSON.readTree(plan));
            }
            assertThat(read).as("rows and index entries the stamp reads, with " + rows + " recommendations and log"
                    + " lines").isLessThan(rows / 4);
        }
    }

    /** The rows the scans of a PostgreSQL plan read, summed over the plan. */
    private static long rowsRead(JsonNode node) {
        long sum = 0;
        if (node.isObject() && node.has("Node Type") && node.get("Node Type").asText().contains("Scan")) {
            sum += node.path("Actual Rows").asLong() * Math.max(1, node.path("Actual Loops").asLong());
        }
        for (JsonNode child : node) {
            sum += rowsRead(child);
        }
        return sum;
    }

    @Test
    void everyChangeThatAltersWhatTheSearchFindsMovesTheStamp(@TempDir Path dir) throws Exception {
        try (Database database = Database.inMemory("fresh-" + System.nanoTime());
                SearchIndex index = SearchIndex.inMemory()) {
            Application application = Application.start(database, true);
            SearchRepository source = SearchWiring.repository(application);
            index.sync(source);
            Fresh fresh = new Fresh(source, index);
            Imports imports = new Imports(database);

            fresh.after("a resolution imported", () -> imports.importFile(DATA.resolve(
                    "pages/seed_sources/res2690_2023_text_partial.txt"), "resolution", ImportOptions.none()));
            assertThat(fresh.count("\"Algiers process\"", Map.of("kind", "resolution"), true)).isPositive();
            fresh.after("a UPR report imported", () -> imports.importFile(ApiData.MALI_REPORT, "upr-report",
                    ImportOptions.none()));
            assertThat(fresh.count("", Map.of("kind", "recommendation"), true)).isPositive();
            fresh.after("a meeting record imported", () -> imports.importFile(ApiData.RECORD, "meeting-record",
                    new ImportOptions("mali", null, ApiData.MEETING_DAY)));
            assertThat(fresh.count("lodestar", Map.of("kind", "speech"), true)).isEqualTo(1);

            // A re-import replaces the meeting's rows: what it no longer says is no longer found.
            Path changed = dir.resolve("SPV.8703.txt");
            Files.writeString(changed, Files.readString(ApiData.RECORD, StandardCharsets.UTF_8)
                    .replace("lodestar", "polestar"), StandardCharsets.UTF_8);
            fresh.after("the record imported again, changed", () -> imports.importFile(changed, "meeting-record",
                    new ImportOptions("mali", null, ApiData.MEETING_DAY)));
            assertThat(fresh.count("lodestar", Map.of(), false)).isZero();
            assertThat(fresh.count("polestar", Map.of("kind", "speech"), true)).isEqualTo(1);

            // Positions accepted, edited and rejected.
            StatementRepository statements = new StatementRepository(database.jdbi());
            Set<String> council = application.membership().on(ApiData.MEETING_DAY).codes();
            var proposed = statements.storedPositions("S/PV.8703").stream().filter(p -> council.contains(
                    p.position().stateCode())).findFirst().orElseThrow();
            long before = fresh.count("", Map.of("kind", "position"), true);
            fresh.after("a position accepted", () -> statements.review(proposed.id(), Position.Status.ACCEPTED, null,
                    null, "edith"));
            assertThat(fresh.count("", Map.of("kind", "position"), true)).isEqualTo(before + 1);
            String theme = proposed.position().theme().equals("accountability") ? "protection-of-civilians"
                    : "accountability";
            long onTheme = fresh.count("", Map.of("kind", "position", "theme", theme), true);
            fresh.after("a position's theme edited", () -> statements.review(proposed.id(),
                    Position.Status.ACCEPTED, null, theme, "edith"));
            assertThat(fresh.count("", Map.of("kind", "position", "theme", theme), true)).isEqualTo(onTheme + 1);
            fresh.after("a position rejected", () -> statements.decide(List.of(proposed.id()),
                    Position.Status.REJECTED, "edith"));
            assertThat(fresh.count("", Map.of("kind", "position"), true)).isEqualTo(before);

            // A brief edited (a draft: not public yet) and then published.
            BriefWorkflow workflow = new BriefWorkflow(database, application.council(), application.clock());
            var current = workflow.current("mali");
            String name = current.brief().situationName();
            fresh.after("a brief edited", () -> workflow.editSituation("mali", current.version(), name, "MLI",
                    "Zanzibarian words in the brief's introduction.", "edith"));
            assertThat(fresh.count("zanzibarian", Map.of(), true)).isZero();
            workflow.submit("mali", workflow.current("mali").version(), "edith");
            fresh.after("a brief published", () -> workflow.publish("mali", workflow.current("mali").version(),
                    "rita", true));
            assertThat(fresh.count("zanzibarian", Map.of("kind", "brief"), true)).isEqualTo(1);

            // A Council term removed: that member's accepted positions leave the public search.
            var accepted = statements.storedPositions("S/PV.8703").stream().filter(p -> council.contains(
                    p.position().stateCode())).toList().get(1);
            statements.review(accepted.id(), Position.Status.ACCEPTED, null, null, "edith");
            index.sync(source);
            String member = accepted.position().stateCode();
            assertThat(fresh.count("", Map.of("kind", "position", "member", member), true)).isPositive();
            CouncilRepository terms = new CouncilRepository(database.jdbi());
            Term term = terms.terms().stream().filter(t -> t.code().equals(member) && t.covers(ApiData.MEETING_DAY))
                    .findFirst().orElseThrow();
            fresh.after("a Council term removed", () -> terms.remove(member, term.first(), false, "admin"));
            assertThat(fresh.count("", Map.of("kind", "position", "member", member), true)).isZero();
            assertThat(fresh.count("", Map.of("kind", "position", "member", member), false)).isPositive();
            fresh.after("the term recorded again", () -> terms.record(List.of(term), "test", "admin"));
            assertThat(fresh.count("", Map.of("kind", "position", "member", member), true)).isPositive();

            // A change whose transaction took its ids before another's and commits after it.
            var late = statements.storedPositions("S/PV.8703").stream().filter(p -> council.contains(
                    p.position().stateCode()) && p.position().status() == Position.Status.PROPOSED).toList();
            long publicBefore = fresh.count("", Map.of("kind", "position"), true);
            try (Handle slow = database.jdbi().open()) {
                slow.begin();
                slow.execute("update position set status = 'ACCEPTED' where id = ?", late.get(0).id());
                slow.execute("insert into change_log (changed_at, username, entity, entity_id, action) values"
                        + " (current_timestamp, 'slow', 'position', ?, 'accepted')", String.valueOf(late.get(0).id()));
                statements.review(late.get(1).id(), Position.Status.ACCEPTED, null, null, "edith");
                index.sync(source);
                String seen = source.stamp();
                slow.commit();
                assertThat(source.stamp()).as("the stamp after the earlier transaction commits").isNotEqualTo(seen);
            }
            index.sync(source);
            assertThat(fresh.count("", Map.of("kind", "position"), true)).isEqualTo(publicBefore + 2);
        }
    }

    /** Checks that a change moves the stamp and that the index takes it in. */
    private record Fresh(SearchRepository source, SearchIndex index) {
        interface Change {
            void run() throws Exception;
        }

        void after(String what, Change change) throws Exception {
            String before = source.stamp();
            change.run();
            assertThat(source.stamp()).as("the stamp after " + what).isNotEqualTo(before);
            assertThat(index.sync(source)).as("groups indexed again after " + what).isPositive();
        }

        long count(String q, Map<String, String> filters, boolean publicOnly) throws Exception {
            return index.search(new SearchQuery(q, filters, publicOnly, 0, 10)).total();
        }
    }
}
