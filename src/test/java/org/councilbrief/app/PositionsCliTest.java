package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.councilbrief.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** positions extract / propose / list / review and member compare, from the command line. */
class PositionsCliTest {
    private static final Path RECORD = SharedData.root().resolve("data/council-speeches/meetings/SPV.8703.txt");

    @Test
    void extractPrintsOnePositionPerLineWithItsEvidence() {
        CliRun run = CliRun.of("positions", "extract", RECORD.toString(), "--date", "2020-01-15");
        assertThat(run.code()).isZero();
        List<JsonNode> positions = run.json();
        assertThat(positions).isNotEmpty().allSatisfy(p -> {
            assertThat(p.get("speechIndex").asInt()).isPositive();
            assertThat(p.get("countryCode").asText()).hasSize(3);
            assertThat(p.get("act").asText()).isIn("calls-for", "condemns", "welcomes", "expresses-concern",
                    "rejects", "notes");
            assertThat(p.get("evidence").asText()).isNotBlank();
        });
        // The Niger spoke for the three African members: each of them gets the position.
        assertThat(positions).filteredOn(p -> p.get("speechIndex").asInt() == 5)
                .extracting(p -> p.get("countryCode").asText()).contains("NER", "TUN", "ZAF");
    }

    @Test
    void extractReadsAPressSummaryAndGivesAJointStatementToEveryMember(@TempDir Path dir) throws Exception {
        Path press = dir.resolve("sc99999.txt");
        java.nio.file.Files.writeString(press, """
                9999th Meeting (AM)
                SC/99999

                Council Hears Briefing on Mali

                The representative of Ghana, also speaking for Gabon and Mozambique, said the three African members \
                were deeply concerned about the attacks on civilians in central Mali. She called for accountability \
                for all violations of human rights.

                The representative of France said his country condemned the sexual violence recorded in April and \
                called on the transitional authorities to cooperate with the United Nations mechanisms.
                """);
        CliRun run = CliRun.of("positions", "extract", press.toString());
        assertThat(run.code()).as(run.err()).isZero();
        List<JsonNode> positions = run.json();
        assertThat(positions).allSatisfy(p -> assertThat(p.get("pressRelease").asText()).isEqualTo("SC/99999"));
        assertThat(positions).extracting(p -> p.get("paragraph").asInt() + " " + p.get("countryCode").asText() + " "
                + p.get("act").asText() + " " + p.get("theme").asText())
                .contains("1 GHA calls-for accountability", "1 GAB calls-for accountability",
                        "1 MOZ calls-for accountability", "2 FRA condemns conflict-related-sexual-violence");
        assertThat(CliRun.of("positions", "extract", press.toString(), "--kind", "meeting-record").code())
                .isEqualTo(2);
        assertThat(CliRun.of("positions", "extract", press.toString(), "--kind", "minutes").err())
                .contains("unknown --kind 'minutes'");
    }

    @Test
    void proposeReviewAndCompareAgainstTheDatabase(@TempDir Path dir) {
        String db = "jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_DELAY=0";
        assertThat(CliRun.of("brief", "load", writeReferenceBrief(dir).toString(), "--db", db).code()).isZero();
        assertThat(CliRun.of("import", RECORD.toString(), "--kind", "meeting-record", "--date", "2020-01-15",
                "--situation", "mali", "--db", db).code()).isZero();
        CliRun propose = CliRun.of("positions", "propose", "--meeting", "S/PV.8703", "--db", db);
        assertThat(propose.code()).isZero();
        List<JsonNode> lines = propose.json();
        assertThat(lines.get(lines.size() - 1).get("kind").asText()).isEqualTo("key-topic");
        assertThat(lines.get(0).get("text").asText()).endsWith(".").contains(" and ");

        List<JsonNode> stored = CliRun.of("positions", "list", "--meeting", "S/PV.8703", "--db", db).json();
        long id = stored.get(0).get("id").asLong();
        CliRun review = CliRun.of("positions", "review", String.valueOf(id), "--status", "rejected", "--db", db);
        assertThat(review.code()).isZero();
        assertThat(CliRun.of("positions", "list", "--meeting", "S/PV.8703", "--db", db).json().get(0).get("status")
                .asText()).isEqualTo("rejected");
        long french = stored.stream().filter(p -> p.get("countryCode").asText().equals("FRA")).findFirst().orElseThrow()
                .get("id").asLong();
        CliRun accept = CliRun.of("positions", "review", String.valueOf(french), "--status", "accepted", "--theme",
                "accountability", "--db", db);
        assertThat(accept.code()).isZero();
        List<JsonNode> published = CliRun.of("positions", "propose", "--meeting", "S/PV.8703", "--accepted-only",
                "--db", db).json();
        assertThat(published).hasSize(2); // one sentence from the one accepted position, and the key-topic line
        assertThat(published.get(0).get("theme").asText()).isEqualTo("accountability");
        assertThat(published.get(0).get("text").asText()).startsWith("France ").endsWith("accountability.");
        assertThat(published.get(0).get("members").toString()).isEqualTo("[\"FRA\"]");
        CliRun badTheme = CliRun.of("positions", "review", String.valueOf(id), "--status", "accepted", "--theme",
                "astrology", "--db", db);
        assertThat(badTheme.code()).isEqualTo(2);
        assertThat(badTheme.err()).contains("'astrology' is not a theme of the Council scheme");

        CliRun compare = CliRun.of("member", "compare", "--member", "GBR", "--situation", "mali", "--db", db);
        assertThat(compare.code()).isZero();
        assertThat(compare.json()).anySatisfy(row -> {
            assertThat(row.get("where").asText()).isEqualTo("both");
            assertThat(row.get("geneva")).isNotEmpty();
            assertThat(row.get("newYork")).isNotEmpty();
        });
        CliRun unknown = CliRun.of("member", "compare", "--member", "Atlantis", "--situation", "mali", "--db", db);
        assertThat(unknown.code()).isEqualTo(2);
    }

    private static Path writeReferenceBrief(Path dir) {
        CliRun json = CliRun.of("brief", "import-text", SharedData.referenceBrief().toString());
        Path file = dir.resolve("mali.json");
        try {
            java.nio.file.Files.writeString(file, json.out());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file;
    }
}
