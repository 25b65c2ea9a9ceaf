package org.councilbrief.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.councilbrief.AppException;
import org.councilbrief.council.Membership;
import org.councilbrief.council.StateRepository;
import org.councilbrief.db.Database;
import org.councilbrief.document.ResolutionRepository;
import org.councilbrief.statement.StatementRepository;
import org.councilbrief.upr.UprRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents fetched by symbol are imported as uploaded ones: the kind their symbol says, the same checks, and a second
 * fetch changes nothing. Against {@link DocumentServer} on 127.0.0.1.
 */
class FetchesTest {
    @TempDir
    Path cache;

    private Fetches fetches(Database db, DocumentServer server) throws AppException {
        FetchSettings settings = FetchSettings.of(server.template(), cache, Map.of()).withTries(2,
                Duration.ofMillis(1), Duration.ofSeconds(10));
        return new Fetches(new DocumentFetcher(settings, d -> { }, RandomGenerator.getDefault()), new Imports(db));
    }

    @Test
    void eachSymbolIsReadByTheImporterOfItsSeries() throws AppException {
        assertThat(Fetches.wanted(List.of("S/PV.9365", "s/res/2690(2023)", "A/HRC/54/9", "SC/15341", "S/PV.9365")))
                .extracting(w -> w.symbol() + " " + w.kind()).containsExactly("S/PV.9365 meeting-record",
                        "S/RES/2690 (2023) resolution", "A/HRC/54/9 upr-report", "SC/15341 press-release");
        assertThatThrownBy(() -> Fetches.wanted(List.of("S/PV.9365", "S/2023/402", "not a symbol")))
                .hasMessageContaining("S/2023/402: councilbrief imports meeting records")
                .hasMessageContaining("not the Council's reports and letters")
                .hasMessageContaining("'not a symbol' is not a document symbol")
                .hasMessageEndingWith("nothing was fetched");
        assertThatThrownBy(() -> Fetches.wanted("A/HRC/54/9/Add.1")).hasMessageContaining("is an addendum");
    }

    @Test
    void fetchedDocumentsAreImportedAndASecondFetchChangesNothing() throws Exception {
        try (Database db = Database.inMemory("fetches-" + System.nanoTime());
                DocumentServer server = DocumentServer.withDocuments()) {
            new StateRepository(db.jdbi()).syncShipped(Membership.shipped());
            Fetches fetches = fetches(db, server);
            Fetches.Done record = fetches.fetchAndImport(Fetches.wanted("S/PV.8703"), "en", false, null, "edith");
            assertThat(record.result().target()).isEqualTo("S/PV.8703");
            assertThat(record.result().counts()).containsEntry("speeches", 18);
            assertThat(record.result().file()).isEqualTo("S_PV.8703.pdf");
            assertThat(new StatementRepository(db.jdbi()).statements("S/PV.8703")).hasSize(18);

            Fetches.Done report = fetches.fetchAndImport(Fetches.wanted("A/HRC/19/15"), "en", false, null, "edith");
            assertThat(report.result().target()).isEqualTo("UPR review LTU-S12");
            assertThat(new UprRepository(db.jdbi()).find("LTU-S12")).hasValueSatisfying(r -> {
                assertThat(r.report()).isEqualTo("A/HRC/19/15");
                assertThat(r.recommendations()).hasSize(119);
            });

            Fetches.Done resolution = fetches.fetchAndImport(Fetches.wanted("S/RES/2690 (2023)"), "en", false, null,
                    "edith");
            assertThat(resolution.result().target()).isEqualTo("S/RES/2690 (2023)");
            assertThat(new ResolutionRepository(db.jdbi()).cite("S/RES/2690 (2023), PP2"))
                    .startsWith("Reaffirming its commitment to the sovereignty");

            Fetches.Done press = fetches.fetchAndImport(Fetches.wanted("SC/15398"), "en", false, null, "edith");
            assertThat(press.result().kind()).isEqualTo("press-release");
            assertThat(server.requests()).hasSize(4);

            // Again, from the kept copies: no request, nothing changed; again from the system: nothing changed either.
            for (String s : List.of("S/PV.8703", "A/HRC/19/15", "S/RES/2690 (2023)", "SC/15398")) {
                Fetches.Done again = fetches.fetchAndImport(Fetches.wanted(s), "en", false, null, "edith");
                assertThat(again.fetched().cached()).isTrue();
                assertThat(again.result().unchanged()).as(s).isTrue();
            }
            assertThat(server.requests()).hasSize(4);
            assertThat(fetches.fetchAndImport(Fetches.wanted("S/PV.8703"), "en", true, null, "edith").result()
                    .unchanged()).isTrue();
            assertThat(server.requests()).hasSize(5);
        }
    }

    @Test
    void aDocumentWhoseHeaderNamesAnotherSymbolIsRefusedAndNothingIsWritten() throws Exception {
        try (Database db = Database.inMemory("fetches-" + System.nanoTime());
                DocumentServer server = new DocumentServer()) {
            new StateRepository(db.jdbi()).syncShipped(Membership.shipped());
            // the system answers S/PV.8704 with the record of S/PV.8703, and A/HRC/19/16 with the report A/HRC/19/15
            server.serve("S/PV.8704", "en", DocumentServer.documents().get("S/PV.8703"));
            server.serve("A/HRC/19/16", "en", DocumentServer.documents().get("A/HRC/19/15"));
            Fetches fetches = fetches(db, server);
            assertThatThrownBy(() -> fetches.fetchAndImport(Fetches.wanted("S/PV.8704"), "en", false, null, "edith"))
                    .hasMessageContaining("the symbol given says S/PV.8704").hasMessageContaining("S/PV.8703");
            assertThatThrownBy(() -> fetches.fetchAndImport(Fetches.wanted("A/HRC/19/16"), "en", false, null,
                    "edith")).hasMessageContaining("the symbol given says A/HRC/19/16")
                    .hasMessageContaining("says A/HRC/19/15");
            assertThat(new StatementRepository(db.jdbi()).statements("S/PV.8703")).isEmpty();
            assertThat(new UprRepository(db.jdbi()).find("LTU-S12")).isEmpty();
        }
    }
}
