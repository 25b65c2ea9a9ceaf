package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.councilbrief.ingest.DocumentServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code councilbrief fetch SYMBOL…} against a stand-in of the document system on 127.0.0.1: documents imported, one
 * JSON line each; a symbol the system does not have said on stderr while the others go on (exit 2); a symbol that is
 * not one refused before any request; a second run takes the kept copies and changes nothing.
 */
class FetchCliTest {
    @TempDir
    Path folder;

    private CliRun fetch(DocumentServer server, String db, String... symbols) {
        List<String> args = new java.util.ArrayList<>(List.of("fetch", "--documents-url", server.template(),
                "--documents-cache", folder.resolve("documents").toString(), "--db", db));
        args.addAll(List.of(symbols));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void fetchesAndImportsSeveralSymbolsAndSaysWhichItCouldNot() throws Exception {
        String db = "jdbc:h2:file:" + folder.resolve("db").toAbsolutePath();
        try (DocumentServer server = DocumentServer.withDocuments()) {
            CliRun run = fetch(server, db, "S/PV.8703", "S/PV.9999", "S/RES/2690 (2023)");
            assertThat(run.code()).as(run.err()).isEqualTo(Cli.BAD_INPUT);
            List<JsonNode> lines = run.json();
            assertThat(lines).extracting(n -> n.get("symbol").asText() + " " + n.get("kind").asText() + " "
                    + n.get("target").asText() + " " + n.get("cached").asBoolean() + " "
                    + n.get("unchanged").asBoolean()).containsExactly(
                            "S/PV.8703 meeting-record S/PV.8703 false false",
                            "S/RES/2690 (2023) resolution S/RES/2690 (2023) false false");
            assertThat(lines.get(0).get("counts").get("speeches").asInt()).isEqualTo(18);
            assertThat(lines.get(0).get("url").asText()).isEqualTo(server.template()
                    .replace("{symbol}", "S%2FPV.8703").replace("{language}", "en"));
            assertThat(Path.of(lines.get(1).get("file").asText())).isRegularFile()
                    .hasFileName("S_RES_2690(2023).pdf");
            assertThat(run.err()).contains("councilbrief: S/PV.9999: the UN's document system has no English"
                    + " document S/PV.9999").contains("S/PV.8703 (fetched) imported as S/PV.8703")
                    .contains("2 of 3 documents imported; not imported: S/PV.9999");
            assertThat(server.requests()).hasSize(3);

            CliRun again = fetch(server, db, "S/PV.8703", "S/RES/2690(2023)");
            assertThat(again.code()).as(again.err()).isZero();
            assertThat(again.json()).allSatisfy(n -> {
                assertThat(n.get("cached").asBoolean()).isTrue();
                assertThat(n.get("unchanged").asBoolean()).isTrue();
            });
            assertThat(again.err()).contains("S/PV.8703 (kept copy) was imported before; nothing changed");
            assertThat(server.requests()).hasSize(3);
        }
    }

    @Test
    void symbolsAreCheckedBeforeAnyRequest() throws Exception {
        try (DocumentServer server = DocumentServer.withDocuments()) {
            CliRun run = fetch(server, "jdbc:h2:mem:fetch-cli-" + System.nanoTime(), "S/PV.8703", "S/PRST/2023/1",
                    "S-PV-1");
            assertThat(run.code()).isEqualTo(Cli.BAD_INPUT);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("S/PRST/2023/1: councilbrief imports meeting records")
                    .contains("'S-PV-1' is not a document symbol").contains("nothing was fetched");
            CliRun language = CliRun.of("fetch", "--language", "de", "S/PV.8703");
            assertThat(language.err()).contains("'de' is not a language documents are fetched in");
            CliRun template = CliRun.of("fetch", "--documents-url", "https://documents.example/none", "S/PV.8703");
            assertThat(template.err()).contains("has no {symbol} placeholder");
            assertThat(server.requests()).isEmpty();
            assertThat(Files.exists(folder.resolve("documents"))).isFalse();
        }
    }

    @Test
    void theHelpNamesTheOptionsAndTheEnvironmentVariable() {
        CliRun help = CliRun.of("fetch", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--language").contains("--documents-url").contains("--documents-cache")
                .contains("--refresh").contains("COUNCILBRIEF_DOCUMENTS_URL");
        assertThat(CliRun.of("serve", "--help").out()).contains("--documents-url");
    }
}
