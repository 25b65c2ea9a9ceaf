package org.councilbrief.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.councilbrief.statement.Position;
import org.councilbrief.statement.StatementRepository;
import org.councilbrief.theme.Taxonomy;
import org.councilbrief.theme.ThemeLabel;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Migration V10 (decision 0024): a database written while the Council scheme used its former theme ids comes out with
 * DESIGN.md's fixed ids, every position with its status, and the change log with the editors' decisions in the same
 * ids. The database is first migrated only as far as V6, the last version before V10 in this branch.
 */
class CouncilThemeIdsMigrationTest {
    static Stream<String> databases() {
        return TestDatabases.urls();
    }

    private static Jdbi jdbi(String url) {
        return url.startsWith("jdbc:h2:") ? Jdbi.create(url, "sa", "") : Jdbi.create(url);
    }

    private static void migrateTo(String url, String version) {
        boolean h2 = url.startsWith("jdbc:h2:");
        Flyway.configure().dataSource(url, h2 ? "sa" : null, h2 ? "" : null).locations("classpath:db/migration")
                .target(version).load().migrate();
    }

    /** What an editor left in a database before V10: positions under the former ids, decided or not, and their log. */
    private static void givenPositionsUnderTheFormerIds(Handle h) {
        for (String code : List.of("FRA", "GBR")) {
            h.execute("insert into state (code, name, short_name, label, regional_group, status, aliases)"
                    + " values (?, ?, ?, ?, 'WEOG', 'member', '')", code, code, code, code);
        }
        h.execute("insert into situation (id, name, state_code) values ('mali', 'Mali', null)");
        h.execute("insert into meeting (symbol, situation_id, meeting_date) values ('S/PV.9350', 'mali', ?)",
                java.time.LocalDate.of(2023, 6, 16));
        h.execute("insert into statement (meeting_symbol, speech_index, speaker, state_code, body)"
                + " values ('S/PV.9350', 4, 'Mr. de Rivière', 'FRA', 'We condemn sexual violence.')");
        long statement = h.createQuery("select id from statement").mapTo(Long.class).one();
        h.execute("insert into press_release (number, meeting_symbol, headline)"
                + " values ('SC/15341', 'S/PV.9350', 'Mali')");
        h.execute("insert into press_paragraph (press_release, position, speaker, state_code, body)"
                + " values ('SC/15341', 7, 'The representative of the United Kingdom', 'GBR', 'She was concerned.')");
        String fromSpeech = "insert into position (statement_id, state_code, act, theme, evidence, status)"
                + " values (?, 'FRA', ?, ?, ?, ?)";
        h.execute(fromSpeech, statement, "condemns", "conflict-related-sexual-violence", "We condemn sexual violence.",
                "ACCEPTED");
        h.execute(fromSpeech, statement, "calls-for", "children-and-armed-conflict", "Children must be protected.",
                "REJECTED");
        h.execute(fromSpeech, statement, "calls-for", "cooperation-with-un-mechanisms", "We call for cooperation.",
                "PROPOSED");
        h.execute(fromSpeech, statement, "calls-for", "accountability", "We call for accountability.", "ACCEPTED");
        h.execute("insert into position (press_release, press_paragraph, state_code, act, theme, evidence, status)"
                + " values ('SC/15341', 7, 'GBR', 'expresses-concern', 'children-and-armed-conflict',"
                + " 'She was concerned.', 'ACCEPTED')");
        String log = "insert into change_log (changed_at, username, entity, entity_id, action, detail)"
                + " values (?, 'editor', ?, ?, ?, ?)";
        java.time.LocalDateTime at = java.time.LocalDateTime.of(2026, 11, 20, 10, 0);
        h.execute(log, at, "position", "2", "rejected",
                "FRA calls-for children-and-armed-conflict (proposed) -> FRA calls-for children-and-armed-conflict"
                        + " (rejected)");
        h.execute(log, at, "position", "5", "accepted",
                "GBR notes accountability (proposed) -> GBR expresses-concern children-and-armed-conflict (accepted)");
        h.execute(log, at, "position", "S/PV.9350", "dropped on re-import",
                "FRA welcomes cooperation-with-un-mechanisms (accepted), speech 4: We welcome the"
                        + " conflict-related-sexual-violence team.");
        h.execute(log, at, "situation", "mali", "renamed", "children-and-armed-conflict (x) -> Mali");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void movesStoredPositionsToTheFixedIdsWithTheirStatusAndDecisions(String url) {
        migrateTo(url, "6");
        jdbi(url).useHandle(CouncilThemeIdsMigrationTest::givenPositionsUnderTheFormerIds);

        try (Database db = Database.open(url)) {
            List<String> positions = db.jdbi().withHandle(h -> h.createQuery("""
                    select id, state_code, act, theme, status, evidence from position order by id""")
                    .map((rs, ctx) -> rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                            + rs.getString(4) + " " + rs.getString(5) + " | " + rs.getString(6))
                    .list());
            assertThat(positions).containsExactly(
                    "1 FRA condemns sexual-violence ACCEPTED | We condemn sexual violence.",
                    "2 FRA calls-for children REJECTED | Children must be protected.",
                    "3 FRA calls-for cooperation-with-un PROPOSED | We call for cooperation.",
                    "4 FRA calls-for accountability ACCEPTED | We call for accountability.",
                    "5 GBR expresses-concern children ACCEPTED | She was concerned.");

            // As the application reads them: every theme is a label of the scheme by its own id.
            List<StatementRepository.StoredPosition> stored = new StatementRepository(db.jdbi())
                    .storedPositions("S/PV.9350");
            assertThat(stored).hasSize(5).allSatisfy(p -> assertThat(Taxonomy.council().label(p.position().theme()))
                    .map(ThemeLabel::id).contains(p.position().theme()));
            assertThat(stored).filteredOn(p -> p.pressRelease() != null).singleElement()
                    .satisfies(p -> assertThat(p.where()).isEqualTo("SC/15341, paragraph 7"));

            List<String> log = db.jdbi().withHandle(h -> h.createQuery("""
                    select entity, entity_id, detail from change_log order by id""")
                    .map((rs, ctx) -> rs.getString(1) + " " + rs.getString(2) + ": " + rs.getString(3)).list());
            assertThat(log).startsWith(
                    "position 2: FRA calls-for children (proposed) -> FRA calls-for children (rejected)",
                    "position 5: GBR notes accountability (proposed) -> GBR expresses-concern children (accepted)",
                    // the evidence quoted is the speaker's, whatever it says
                    "position S/PV.9350: FRA welcomes cooperation-with-un (accepted), speech 4: We welcome the"
                            + " conflict-related-sexual-violence team.",
                    "situation mali: children-and-armed-conflict (x) -> Mali");
            assertThat(log.get(4)).startsWith("scheme council: Positions and their log entries moved")
                    .endsWith("(4 positions)");

            // An editor decides on a migrated position as on any other.
            assertThat(new StatementRepository(db.jdbi()).review(3, Position.Status.ACCEPTED, null, null, "editor"))
                    .isTrue();
            String decided = db.jdbi().withHandle(h -> h.createQuery("select detail from change_log order by id desc")
                    .setMaxRows(1).mapTo(String.class).one());
            assertThat(decided).isEqualTo("FRA calls-for cooperation-with-un (proposed) -> FRA calls-for cooperation-with-un"
                            + " (accepted)");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDatabaseWithNothingUnderTheFormerIdsLogsNoRewrite(String url) {
        try (Database db = Database.open(url)) {
            int logged = db.jdbi().withHandle(h -> h.createQuery("select count(*) from change_log")
                    .mapTo(Integer.class).one());
            assertThat(logged).isZero();
        }
    }
}
