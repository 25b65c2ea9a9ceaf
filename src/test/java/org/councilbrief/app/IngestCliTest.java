package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.councilbrief.SharedData;
import org.councilbrief.document.TestPdfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingestion commands' contracts: JSON Lines on stdout, messages on stderr, exit codes 0 and 2. */
class IngestCliTest {
    private static final Path DATA = SharedData.root().resolve("data");

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void uprExtractPrintsOneObjectPerRecommendationFromTextOrPdf(@TempDir Path dir) throws Exception {
        Path report = DATA.resolve("upr-reports/slovenia_4th_cycle/reports/slovenia2025_A-HRC-59-15.txt");
        Path responses = DATA.resolve("upr-reports/slovenia_4th_cycle/source/cycle4__extracted__g2505828.txt");
        CliRun run = run("upr", "extract", report.toString(), "--responses", responses.toString());
        assertThat(run.code()).isZero();
        List<JsonNode> recs = run.json();
        assertThat(recs).hasSize(254);
        assertThat(recs.get(0).get("paragraph").asText()).isEqualTo("140.1");
        assertThat(recs.get(0).get("recommendingStateCodes").toString())
                .isEqualTo("[\"DZA\",\"CPV\",\"PRY\",\"SSD\",\"LKA\",\"TGO\",\"URY\",\"VEN\"]");
        assertThat(recs.get(0).get("response").asText()).isEqualTo("noted");
        assertThat(recs.get(6).get("response").asText()).isEqualTo("supported");

        Path pdf = dir.resolve("report.pdf");
        Files.write(pdf, TestPdfs.fromPages(SharedData.read(report)));
        CliRun fromPdf = run("upr", "extract", pdf.toString());
        assertThat(fromPdf.code()).isZero();
        assertThat(fromPdf.json()).hasSize(254);
    }

    @Test
    void speechesSplitFollowsTheContract() {
        CliRun run = run("speeches", "split", DATA.resolve("council-speeches/meetings/SPV.8703.txt").toString());
        assertThat(run.code()).isZero();
        List<JsonNode> speeches = run.json();
        assertThat(speeches).hasSize(18);
        JsonNode uk = speeches.stream().filter(s -> "GBR".equals(s.get("countryCode").asText(null))).findFirst()
                .orElseThrow();
        assertThat(uk.get("speaker").asText()).isEqualTo("Mr. Allen");
        assertThat(uk.get("country").asText()).isEqualTo("United Kingdom");
        assertThat(uk.get("index").asInt()).isEqualTo(15);
        assertThat(speeches.get(1).get("countryCode").isNull()).isTrue(); // a briefer
    }

    @Test
    void aFileOfTheWrongKindExitsWithTwoNamingFileAndReasonAndPrintsNothing(@TempDir Path dir) {
        String db = "jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_DELAY=0";
        Path meeting = DATA.resolve("council-speeches/meetings/SPV.8703.txt");
        CliRun wrong = run("import", meeting.toString(), "--kind", "upr-report", "--db", db);
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.out()).isEmpty();
        assertThat(wrong.err()).contains(meeting.toString()).contains("does not look like a UPR Working Group report");
        CliRun kind = run("import", meeting.toString(), "--kind", "novel", "--db", db);
        assertThat(kind.code()).isEqualTo(2);
        assertThat(kind.err()).contains("unknown kind 'novel'").contains("upr-report, meeting-record");
        CliRun notPv = run("speeches", "split", DATA.resolve("pages/seed_sources/res2690_2023_text_partial.txt").toString());
        assertThat(notPv.code()).isEqualTo(2);
        assertThat(notPv.out()).isEmpty();
    }

    @Test
    void importTwiceThenCiteTheResolution(@TempDir Path dir) {
        String db = "jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_DELAY=0";
        Path resolution = DATA.resolve("pages/seed_sources/res2690_2023_text_partial.txt");
        CliRun first = run("import", resolution.toString(), "--kind", "resolution", "--db", db);
        assertThat(first.code()).isZero();
        assertThat(first.json()).singleElement().satisfies(n -> {
            assertThat(n.get("target").asText()).isEqualTo("S/RES/2690 (2023)");
            assertThat(n.get("unchanged").asBoolean()).isFalse();
        });
        CliRun second = run("import", resolution.toString(), "--kind", "resolution", "--db", db);
        assertThat(second.json().get(0).get("unchanged").asBoolean()).isTrue();
        assertThat(second.err()).contains("nothing changed");
        CliRun cite = run("resolution", "cite", "S/RES/2690 (2023), PP2", "--db", db);
        assertThat(cite.code()).isZero();
        assertThat(cite.json().get(0).get("text").asText()).startsWith("Reaffirming its commitment");
        CliRun missing = run("resolution", "cite", "S/RES/2374 (2017), OP8", "--db", db);
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("S/RES/2374 (2017) is not in the database");
    }
}
