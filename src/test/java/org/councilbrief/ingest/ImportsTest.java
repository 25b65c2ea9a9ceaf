package org.councilbrief.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.councilbrief.AppException;
import org.councilbrief.SharedData;
import org.councilbrief.council.Membership;
import org.councilbrief.council.StateRepository;
import org.councilbrief.db.Database;
import org.councilbrief.db.TestDatabases;
import org.councilbrief.document.InputException;
import org.councilbrief.document.ResolutionRepository;
import org.councilbrief.statement.Position;
import org.councilbrief.statement.StatementRepository;
import org.councilbrief.upr.UprRepository;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of import on H2 and PostgreSQL: what is stored, twice changes nothing, a bad file writes nothing. */
class ImportsTest {
    private static final Path DATA = SharedData.root().resolve("data");
    private static final List<String> TABLES = List.of("upr_review", "upr_recommendation", "upr_recommendation_state",
            "meeting", "statement", "press_release", "press_paragraph", "document", "resolution_paragraph",
            "import_log");

    static Stream<Database> databases() {
        return TestDatabases.all().peek(db -> new StateRepository(db.jdbi()).syncShipped(Membership.shipped()));
    }

    private static Map<String, Integer> counts(Jdbi jdbi) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbi.withHandle(h -> h.createQuery("select count(*) from " + table)
                    .mapTo(Integer.class).one()));
        }
        return counts;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void importsEachKindAndASecondImportChangesNothing(Database db) throws AppException {
        try (db) {
            Imports importer = new Imports(db);
            ImportResult report = importer.importFile(DATA.resolve("upr-reports/reports/lithuania2011.txt"),
                    "upr-report", ImportOptions.none());
            assertThat(report.target()).isEqualTo("UPR review LTU-S12");
            assertThat(report.counts()).containsEntry("recommendations", 119);
            ImportResult meeting = importer.importFile(DATA.resolve("council-speeches/meetings/SPV.8703.txt"),
                    "meeting-record", new ImportOptions(null, null, LocalDate.of(2020, 1, 15)));
            assertThat(meeting.counts()).containsEntry("speeches", 18);
            importer.importFile(DATA.resolve("pages/seed_sources/sc15398_press_release_28aug2023_excerpt.txt"),
                    "press-release", ImportOptions.none());
            importer.importFile(DATA.resolve("pages/seed_sources/res2690_2023_text_partial.txt"),
                    "resolution", ImportOptions.none());
            Map<String, Integer> after = counts(db.jdbi());

            assertThat(new UprRepository(db.jdbi()).find("LTU-S12")).hasValueSatisfying(review -> {
                assertThat(review.report()).isEqualTo("A/HRC/19/15");
                assertThat(review.recommendations()).hasSize(119);
                assertThat(review.recommendations().get(0).paragraph()).isEqualTo("88.1");
                assertThat(review.recommendations().get(0).recommendingStates()).containsExactly("CHE");
                assertThat(review.recommendations().get(0).response()).isEqualTo("supported");
            });
            assertThat(new StatementRepository(db.jdbi()).statements("S/PV.8703")).hasSize(18)
                    .anySatisfy(s -> assertThat(s.stateCode()).isEqualTo("VNM")); // the President, for Viet Nam
            assertThat(new ResolutionRepository(db.jdbi()).cite("S/RES/2690 (2023), PP2"))
                    .startsWith("Reaffirming its commitment to the sovereignty");

            ImportResult again = importer.importFile(DATA.resolve("upr-reports/reports/lithuania2011.txt"),
                    "upr-report", ImportOptions.none());
            assertThat(again.unchanged()).isTrue();
            importer.importFile(DATA.resolve("council-speeches/meetings/SPV.8703.txt"), "meeting-record",
                    new ImportOptions(null, null, LocalDate.of(2020, 1, 15)));
            assertThat(counts(db.jdbi())).isEqualTo(after);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aMeetingRecordIsImportedWithProposalsAndAReimportKeepsWhatEditorsDecided(Database db) throws Exception {
        try (db) {
            Imports importer = new Imports(db);
            StatementRepository statements = new StatementRepository(db.jdbi());
            byte[] record = java.nio.file.Files.readAllBytes(DATA.resolve("council-speeches/meetings/SPV.8703.txt"));
            ImportOptions options = new ImportOptions(null, null, LocalDate.of(2020, 1, 15));
            importer.importBytes("SPV.8703.txt", record, "meeting-record", options, "edith");
            List<StatementRepository.StoredPosition> proposed = statements.storedPositions("S/PV.8703");
            assertThat(proposed).isNotEmpty().allSatisfy(p -> assertThat(p.position().status())
                    .isEqualTo(Position.Status.PROPOSED));

            // An editor accepts one with a corrected theme and rejects another.
            var accepted = proposed.get(0);
            var rejected = proposed.get(proposed.size() - 1);
            statements.review(accepted.id(), Position.Status.ACCEPTED, null, "accountability", "edith");
            statements.review(rejected.id(), Position.Status.REJECTED, null, null, "edith");

            // A corrected record (a typo fixed elsewhere): both decisions come back, nothing else is decided.
            String text = new String(record, java.nio.charset.StandardCharsets.UTF_8);
            byte[] corrected = text.replace("Ticebile", "Tiebile").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ImportResult again = importer.importBytes("SPV.8703.txt", corrected, "meeting-record", options, "edith");
            assertThat(new org.councilbrief.audit.ChangeLogRepository(db.jdbi()).of("import", "S/PV.8703"))
                    .hasSize(2).allSatisfy(c -> {
                        assertThat(c.user()).isEqualTo("edith");
                        assertThat(c.detail()).startsWith("meeting-record from SPV.8703.txt").contains("speeches=18");
                    });
            assertThat(again.unchanged()).isFalse();
            List<StatementRepository.StoredPosition> after = statements.storedPositions("S/PV.8703");
            assertThat(after).hasSameSizeAs(proposed);
            assertThat(after).filteredOn(p -> p.position().status() != Position.Status.PROPOSED)
                    .extracting(p -> p.position().stateCode() + " " + p.position().theme() + " "
                            + p.position().status() + " " + p.position().evidence())
                    .containsExactlyInAnyOrder(accepted.position().stateCode() + " accountability ACCEPTED "
                            + accepted.position().evidence(), rejected.position().stateCode() + " "
                            + rejected.position().theme() + " REJECTED " + rejected.position().evidence());

            // A record where the accepted sentence is gone: the import says so and the log keeps it whole.
            String evidence = accepted.position().evidence();
            byte[] without = text.replace(evidence, "This sentence replaces the evidence.")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ImportResult third = importer.importBytes("SPV.8703.txt", without, "meeting-record", options, "edith");
            assertThat(third.warnings()).anySatisfy(w -> assertThat(w).contains("no longer in the record")
                    .contains(evidence));
            assertThat(new org.councilbrief.audit.ChangeLogRepository(db.jdbi()).of("position", "S/PV.8703"))
                    .anySatisfy(c -> assertThat(c.detail()).contains(evidence).contains("(accepted)"));
        }
    }

    /** A press summary in the UN's layout, written for the tests: the stored releases stop before the members speak. */
    static final String PRESS = resource("/press/sc99999.txt");

    private static String resource(String name) {
        try (var in = ImportsTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aPressSummaryIsImportedWithProposalsForItsMeetingAndAReimportKeepsWhatEditorsDecided(Database db)
            throws Exception {
        try (db) {
            db.jdbi().useHandle(h -> h.execute("insert into situation (id, name, state_code) values "
                    + "('mali', 'Mali', 'MLI')"));
            Imports importer = new Imports(db);
            StatementRepository statements = new StatementRepository(db.jdbi());
            ImportResult first = importer.importBytes("sc99999.txt", PRESS.getBytes(StandardCharsets.UTF_8),
                    "press-release", new ImportOptions("mali", null, null), "edith");
            assertThat(first.warnings()).isEmpty();
            // The meeting is known from its release alone: dated from the release, on the situation named.
            assertThat(statements.findMeeting("S/PV.9999")).hasValueSatisfying(m -> {
                assertThat(m.date()).isEqualTo(LocalDate.of(2023, 6, 30));
                assertThat(m.situation()).isEqualTo("mali");
                assertThat(m.pressRelease()).isEqualTo("SC/99999");
            });
            List<StatementRepository.StoredPosition> proposed = statements.storedPositions("S/PV.9999");
            assertThat(proposed).extracting(p -> p.where() + " " + p.position().stateCode() + " "
                    + p.position().act().id() + " " + p.position().theme() + " " + p.position().status())
                    .contains("SC/99999, paragraph 2 GHA calls-for accountability PROPOSED",
                            "SC/99999, paragraph 2 MOZ calls-for accountability PROPOSED",
                            "SC/99999, paragraph 3 FRA condemns sexual-violence PROPOSED");
            var french = proposed.stream().filter(p -> p.position().stateCode().equals("FRA")
                    && p.position().act().id().equals("condemns")).findFirst().orElseThrow();
            var ghana = proposed.stream().filter(p -> p.position().stateCode().equals("GHA")
                    && p.position().theme().equals("accountability")).findFirst().orElseThrow();
            statements.review(french.id(), Position.Status.ACCEPTED, null, null, "edith");
            statements.review(ghana.id(), Position.Status.REJECTED, null, null, "edith");
            assertThat(statements.publicPositions()).extracting(p -> p.source() + " " + p.position().stateCode() + " "
                    + p.position().theme()).contains("SC/99999 FRA sexual-violence",
                            "SC/99999 MOZ accountability").doesNotContain("SC/99999 GHA accountability");

            // The release corrected elsewhere: both decisions come back.
            String corrected = PRESS.replace("a briefing on the situation", "a briefing on the grave situation");
            importer.importBytes("sc99999.txt", corrected.getBytes(StandardCharsets.UTF_8), "press-release",
                    new ImportOptions("mali", null, null), "edith");
            assertThat(statements.storedPositions("S/PV.9999")).hasSameSizeAs(proposed)
                    .filteredOn(p -> p.position().status() != Position.Status.PROPOSED)
                    .extracting(p -> p.position().stateCode() + " " + p.position().status())
                    .containsExactlyInAnyOrder("FRA ACCEPTED", "GHA REJECTED");

            // The meeting's record imported afterwards keeps the release's positions, situation and link.
            String record = """
                    The President: I thank Mr. Wane for his briefing. I now give the floor to the representative of \
                    France.

                    Mr. de Rivière (France) (spoke in French): France calls for accountability for the massacre in \
                    Moura. We condemn the attacks against civilians.
                    """;
            importer.importBytes("S-PV.9999.txt", record.getBytes(StandardCharsets.UTF_8), "meeting-record",
                    new ImportOptions(null, "S/PV.9999", LocalDate.of(2023, 6, 30)), "edith");
            assertThat(statements.findMeeting("S/PV.9999")).hasValueSatisfying(m -> {
                assertThat(m.situation()).isEqualTo("mali");
                assertThat(m.pressRelease()).isEqualTo("SC/99999");
            });
            List<StatementRepository.StoredPosition> both = statements.storedPositions("S/PV.9999");
            assertThat(both).anySatisfy(p -> assertThat(p.where()).isEqualTo("speech 2"));
            assertThat(both).filteredOn(p -> p.pressRelease() != null).hasSameSizeAs(proposed);

            // A release where the accepted sentence is gone: the import says so and the log keeps it whole.
            String without = PRESS.replace("condemned the sexual violence recorded in April and ", "");
            ImportResult third = importer.importBytes("sc99999.txt", without.getBytes(StandardCharsets.UTF_8),
                    "press-release", new ImportOptions("mali", null, null), "edith");
            assertThat(third.warnings()).anySatisfy(w -> assertThat(w).contains("no longer in the release SC/99999")
                    .contains(french.position().evidence()));
            assertThat(new org.councilbrief.audit.ChangeLogRepository(db.jdbi()).of("position", "SC/99999"))
                    .anySatisfy(c -> assertThat(c.detail()).contains("(accepted)"));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aPressSummaryWithoutItsDateWarnsThatItsPositionsWaitForTheMeeting(Database db) throws Exception {
        try (db) {
            String undated = PRESS.replace("30 June 2023\n", "");
            ImportResult result = new Imports(db).importBytes("sc99999.txt",
                    undated.getBytes(StandardCharsets.UTF_8), "press-release", ImportOptions.none(), "edith");
            assertThat(result.warnings()).singleElement().asString().contains("S/PV.9999").contains("--date");
            StatementRepository statements = new StatementRepository(db.jdbi());
            assertThat(statements.findMeeting("S/PV.9999")).isEmpty();
            assertThat(statements.storedPositions("S/PV.9999")).isNotEmpty(); // kept, for the list and review
            assertThat(statements.publicPositions()).isEmpty(); // but on no page until the meeting has a date
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFourthCycleReportWithItsAddendumStoresTheAnswers(Database db) throws AppException {
        try (db) {
            Path slovenia = DATA.resolve("upr-reports/slovenia_4th_cycle");
            ImportResult result = new Imports(db).importFile(
                    slovenia.resolve("reports/slovenia2025_A-HRC-59-15.txt"), "upr-report",
                    new ImportOptions(null, null, null, slovenia.resolve("source/cycle4__extracted__g2505828.txt")));
            assertThat(result.target()).isEqualTo("UPR review SVN-S48");
            assertThat(result.counts()).containsEntry("recommendations", 254).containsEntry("answered", 254);
            assertThat(new UprRepository(db.jdbi()).find("SVN-S48")).hasValueSatisfying(r -> {
                assertThat(r.report()).isEqualTo("A/HRC/59/15");
                assertThat(r.cycle()).isEqualTo(4);
                assertThat(r.recommendations()).filteredOn(rec -> "noted".equals(rec.response())).hasSize(37);
            });
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theSameContentUnderAnotherNameIsAlsoUnchanged(Database db) throws AppException {
        try (db) {
            Imports importer = new Imports(db);
            byte[] csv = """
                    id,session,to,from,text,issues,response,action
                    1,1,Algeria,France,"Ratify the Convention, soon",Treaties,Accepted,5
                    2,1,Algeria,Brazil,"Ratify the Convention, soon",Treaties,Accepted,5
                    3,1,Algeria,St Lucia,Protect journalists,"Freedom of expression,Media",Noted,4
                    """.getBytes(StandardCharsets.UTF_8);
            ImportResult first = importer.importBytes("a.csv", csv, "upr-csv", ImportOptions.none());
            assertThat(first.counts()).containsEntry("rows", 3).containsEntry("recommendations", 2);
            Map<String, Integer> after = counts(db.jdbi());
            assertThat(importer.importBytes("b.csv", csv, "upr-csv", ImportOptions.none()).unchanged())
                    .isTrue();
            assertThat(counts(db.jdbi())).isEqualTo(after);
            assertThat(new UprRepository(db.jdbi()).find("DZA-S1")).hasValueSatisfying(r -> {
                assertThat(r.recommendations().get(0).recommendingStates()).containsExactly("FRA", "BRA");
                assertThat(r.recommendations().get(1).issues()).containsExactly("Freedom of expression", "Media");
                assertThat(r.recommendations().get(1).response()).isEqualTo("noted");
                assertThat(r.date()).isEqualTo(LocalDate.of(2008, 4, 7));
            });
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFileThatIsNotItsKindIsRejectedWithFileLineAndReasonAndNothingIsWritten(Database db) {
        try (db) {
            Imports importer = new Imports(db);
            Map<String, Integer> before = counts(db.jdbi());
            Path resolution = DATA.resolve("pages/seed_sources/res2690_2023_text_partial.txt");
            Path meeting = DATA.resolve("council-speeches/meetings/SPV.8703.txt");
            assertThatThrownBy(() -> importer.importFile(resolution, "meeting-record", ImportOptions.none()))
                    .isInstanceOf(InputException.class).hasMessageContaining(resolution.toString())
                    .hasMessageContaining("no speech found");
            assertThatThrownBy(() -> importer.importFile(meeting, "upr-report", ImportOptions.none()))
                    .isInstanceOf(InputException.class).hasMessageContaining("does not look like a UPR")
                    .hasMessageEndingWith("(it looks like: meeting-record)");
            assertThatThrownBy(() -> importer.importFile(meeting, "resolution", ImportOptions.none()))
                    .isInstanceOf(InputException.class).hasMessageContaining("not a resolution");
            assertThatThrownBy(() -> importer.importFile(meeting, "press-release", ImportOptions.none()))
                    .isInstanceOf(InputException.class).hasMessageContaining("not a press-release");
            assertThatThrownBy(() -> importer.importFile(meeting, "upr-csv", ImportOptions.none()))
                    .isInstanceOf(InputException.class).hasMessageContaining(":1: no column for");
            assertThatThrownBy(() -> importer.importBytes("bad.csv", """
                    id,session,to,from,text
                    1,1,Algeria,France,Ratify
                    2,1,Atlantis,France,Ratify
                    """.getBytes(StandardCharsets.UTF_8), "upr-csv", ImportOptions.none()))
                    .isInstanceOf(InputException.class).hasMessage("bad.csv:3: unknown state under review 'Atlantis'");
            assertThatThrownBy(() -> importer.importFile(Path.of("no/such/file.txt"), "resolution",
                    ImportOptions.none())).isInstanceOf(InputException.class).hasMessageContaining("no such file");
            assertThatThrownBy(() -> importer.importFile(meeting, "meeting-record",
                    new ImportOptions("atlantis", null, null))).hasMessageContaining("no situation 'atlantis'");
            assertThat(counts(db.jdbi())).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFailureWhileWritingLeavesNothingBehind(Database db) {
        try (db) {
            // Break the state table so that the third review's recommending state cannot be stored.
            db.jdbi().useHandle(h -> h.execute("delete from council_term where state_code = 'LCA'"));
            db.jdbi().useHandle(h -> h.execute("delete from state where code = 'LCA'"));
            Map<String, Integer> before = counts(db.jdbi());
            byte[] csv = """
                    id,session,to,from,text
                    1,1,Algeria,France,Ratify
                    2,2,Brazil,France,Protect
                    3,3,Chad,St Lucia,Educate
                    """.getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> new Imports(db).importBytes("c.csv", csv, "upr-csv",
                    ImportOptions.none())).isInstanceOf(RuntimeException.class);
            assertThat(counts(db.jdbi())).isEqualTo(before);
        }
    }

    /** UPR Info's columns for {@code rows} recommendations on three states, each recommended by two states. */
    private static byte[] largeCsv(int rows, String suffix) {
        StringBuilder csv = new StringBuilder("id,session,to,from,text,issues,response,action\n");
        String[] under = {"Algeria", "Brazil", "Chad"};
        for (int i = 0; i < rows; i++) {
            csv.append(i).append(",1,").append(under[i % 3]).append(",France,Recommendation ").append(i)
                    .append(suffix).append(",Treaties,Accepted,5\n");
            csv.append(i).append(",1,").append(under[i % 3]).append(",Brazil,Recommendation ").append(i)
                    .append(suffix).append(",Treaties,Accepted,5\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    @org.junit.jupiter.api.Test
    void aLargeImportIntoTheEmbeddedFileRunsUnderItsJournalAndLeavesNothingBehind(
            @org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
        Path marker = folder.resolve("councilbrief.journal");
        try (Database db = Database.open("jdbc:h2:file:" + folder.resolve("councilbrief") + ";AUTO_SERVER=FALSE")) {
            new StateRepository(db.jdbi()).syncShipped(Membership.shipped());
            Imports importer = new Imports(db);
            importer.importBytes("small.csv", largeCsv(3, ""), "upr-csv", ImportOptions.none());
            // Watched from another thread: the journal's marker is there while the large import writes.
            java.util.concurrent.atomic.AtomicBoolean seen = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
            Thread watcher = Thread.ofPlatform().start(() -> {
                while (!done.get()) {
                    seen.compareAndSet(false, java.nio.file.Files.exists(marker));
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            ImportResult large = importer.importBytes("large.csv", largeCsv(3_000, " again"), "upr-csv",
                    ImportOptions.none());
            done.set(true);
            watcher.join();
            assertThat(seen).as("the journal's marker during the import").isTrue();
            assertThat(large.counts()).containsEntry("recommendations", 3_000);
            assertThat(counts(db.jdbi())).containsEntry("upr_recommendation", 3_000)
                    .containsEntry("upr_recommendation_state", 6_000).containsEntry("import_log", 2);
        }
        assertThat(marker).doesNotExist();
        assertThat(folder.resolve("councilbrief.journal.zip")).doesNotExist();
    }

    @org.junit.jupiter.api.Test
    void onlyImportsOfManyRowsAreJournaled() {
        java.util.function.IntFunction<ParsedImport> reviews = n -> new ParsedImport.Reviews("DZA", List.of(
                new org.councilbrief.upr.UprReview("DZA-S1", "DZA", 1, 1, LocalDate.of(2008, 4, 7), null,
                        java.util.Collections.nCopies(n, new org.councilbrief.upr.UprRecommendation("1", "Ratify",
                                List.of("FRA"), "accepted", List.of())), List.of(), null)), Map.of(), List.of());
        assertThat(ImportRepository.journaled(reviews.apply(100))).isFalse();
        assertThat(ImportRepository.journaled(reviews.apply(ImportRepository.JOURNALED_ROWS / 2))).isTrue();
    }
}
