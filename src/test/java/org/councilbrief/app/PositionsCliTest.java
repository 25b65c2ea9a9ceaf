package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.councilbrief.SharedData;
import org.councilbrief.statement.PositionModel;
import org.councilbrief.statement.PositionReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** positions extract / propose / list / review and member compare, from the command line. */
class PositionsCliTest {
    private static final Path RECORD = SharedData.root().resolve("data/council-speeches/meetings/SPV.8703.txt");
    private static final Path PRESS = resource("/press/sc99999.txt");

    private static Path resource(String name) {
        try {
            return Path.of(PositionsCliTest.class.getResource(name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

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
        // Each position carries its probability, at least the default threshold.
        double threshold = PositionModel.shipped().threshold();
        assertThat(positions).filteredOn(p -> !p.get("probability").isNull()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.get("probability").asDouble())
                        .isBetween(Math.floor(threshold * 1000) / 1000, 1.0));
        // positions on themes added to the scheme are the rules', not measured
        assertThat(positions).filteredOn(p -> p.get("probability").isNull())
                .allSatisfy(p -> assertThat(PositionReader.THEMES).doesNotContain(p.get("theme").asText()));
        // Lowered, the threshold lets more through; the Niger spoke for the three African members: each of them
        // gets the position.
        List<JsonNode> all = CliRun.of("positions", "extract", RECORD.toString(), "--date", "2020-01-15",
                "--threshold", "0.2").json();
        assertThat(all.size()).isGreaterThan(positions.size());
        assertThat(all).filteredOn(p -> p.get("speechIndex").asInt() == 5)
                .extracting(p -> p.get("countryCode").asText()).contains("NER", "TUN", "ZAF");
        CliRun refused = CliRun.of("positions", "extract", RECORD.toString(), "--threshold", "1.5");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("--threshold is a probability from 0 to 1");
    }

    @Test
    void extractReadsAPressSummaryAndGivesAJointStatementToEveryMember(@TempDir Path dir) throws Exception {
        Path press = PRESS;
        CliRun run = CliRun.of("positions", "extract", press.toString());
        assertThat(run.code()).as(run.err()).isZero();
        List<JsonNode> positions = run.json();
        assertThat(positions).allSatisfy(p -> assertThat(p.get("pressRelease").asText()).isEqualTo("SC/99999"));
        assertThat(positions).extracting(p -> p.get("paragraph").asInt() + " " + p.get("countryCode").asText() + " "
                + p.get("act").asText() + " " + p.get("theme").asText())
                .contains("2 GHA calls-for accountability", "2 GAB calls-for accountability",
                        "2 MOZ calls-for accountability", "3 FRA condemns sexual-violence");
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

    @Test
    void positionsOfAPressSummaryAreStoredForReviewProposedAndCompared(@TempDir Path dir) {
        String db = "jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_DELAY=0";
        assertThat(CliRun.of("brief", "load", writeReferenceBrief(dir).toString(), "--db", db).code()).isZero();
        CliRun imported = CliRun.of("import", PRESS.toString(), "--kind", "press-release", "--situation", "mali",
                "--db", db);
        assertThat(imported.code()).as(imported.err()).isZero();
        CliRun none = CliRun.of("positions", "propose", "--meeting", "S/PV.9999", "--accepted-only", "--db", db);
        assertThat(none.code()).isZero();
        assertThat(none.json()).singleElement().satisfies(k -> assertThat(k.get("kind").asText())
                .isEqualTo("key-topic"));
        assertThat(none.err()).contains("S/PV.9999 has no accepted position of a Council member to write from");

        List<JsonNode> stored = CliRun.of("positions", "list", "--meeting", "S/PV.9999", "--db", db).json();
        assertThat(stored).isNotEmpty().allSatisfy(p -> {
            assertThat(p.get("pressRelease").asText()).isEqualTo("SC/99999");
            assertThat(p.has("speechIndex")).isFalse();
        });
        long french = stored.stream().filter(p -> p.get("countryCode").asText().equals("FRA")
                && p.get("act").asText().equals("condemns")).findFirst().orElseThrow().get("id").asLong();
        assertThat(CliRun.of("positions", "review", String.valueOf(french), "--status", "accepted", "--db", db)
                .code()).isZero();
        // An editor gives a position of the joint statement to the member it belongs to, by name or code.
        long gabon = stored.stream().filter(p -> p.get("countryCode").asText().equals("GAB")).findFirst()
                .orElseThrow().get("id").asLong();
        assertThat(CliRun.of("positions", "review", String.valueOf(gabon), "--status", "rejected", "--member",
                "Ghana", "--db", db).code()).isZero();
        assertThat(CliRun.of("positions", "list", "--meeting", "S/PV.9999", "--db", db).json())
                .filteredOn(p -> p.get("id").asLong() == gabon).singleElement()
                .satisfies(p -> assertThat(p.get("countryCode").asText()).isEqualTo("GHA"));
        CliRun atlantis = CliRun.of("positions", "review", String.valueOf(gabon), "--status", "rejected", "--member",
                "Atlantis", "--db", db);
        assertThat(atlantis.code()).isEqualTo(2);
        assertThat(atlantis.err()).contains("'Atlantis' is not a state");

        List<JsonNode> published = CliRun.of("positions", "propose", "--meeting", "S/PV.9999", "--accepted-only",
                "--db", db).json();
        assertThat(published.get(0).get("text").asText()).startsWith("France condemned");
        assertThat(published.get(0).get("evidence").get(0).get("paragraph").asInt()).isEqualTo(3);
        assertThat(published.get(0).get("evidence").get(0).get("pressRelease").asText()).isEqualTo("SC/99999");

        List<JsonNode> compare = CliRun.of("member", "compare", "--member", "FRA", "--situation", "mali", "--db", db)
                .json();
        assertThat(compare).filteredOn(row -> row.get("theme").asText().equals("sexual-violence"))
                .singleElement().satisfies(row -> {
                    JsonNode statement = row.get("newYork").get(0);
                    assertThat(statement.get("pressRelease").asText()).isEqualTo("SC/99999");
                    assertThat(statement.get("url").asText()).contains("press.un.org");
                });

        // The member's page on the site names the release the position was read in.
        Path site = dir.resolve("site");
        assertThat(CliRun.of("publish", "--out", site.toString(), "--db", db).code()).isZero();
        assertThat(site.resolve("members/FRA.html")).content()
                .contains("S/PV.9999 as summarised in SC/99999, 30 June 2023");
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
