package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.councilbrief.db.Database;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code councilbrief export}: every matching row, JSON Lines or CSV, on stdout or into a file; bad input exits 2. */
class ExportCliTest {
    @TempDir
    static Path dir;
    private static String db;
    private static long recommendations;

    /** Texts a spreadsheet would run as formulas, each the start of a recommendation of a made-up 1999 review. */
    static final List<String> FORMULAS = List.of("=HYPERLINK(\"http://evil\")", "+1+2", "-2+3", "@SUM(A1)",
            "\tTabbed", "\rReturned");

    @BeforeAll
    static void load() throws Exception {
        db = "jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_DELAY=0";
        try (Database database = Database.open(db)) {
            ApiData.load(database);
            database.jdbi().useTransaction(h -> {
                h.execute("insert into upr_review (id, state_under_review, cycle, session, review_date) values"
                        + " ('TST-S1', 'MLI', 1, 1, ?)", LocalDate.of(1999, 3, 1));
                for (int i = 0; i < FORMULAS.size(); i++) {
                    long id = h.createUpdate("insert into upr_recommendation (review_id, position, paragraph, body)"
                            + " values ('TST-S1', :i, :p, :b)").bind("i", i).bind("p", "-" + i)
                            .bind("b", FORMULAS.get(i)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                    h.execute("insert into upr_recommendation_state values (?, 0, 'FRA')", id);
                }
            });
            recommendations = database.jdbi().withHandle(h -> h.createQuery("select count(*) from upr_recommendation")
                    .mapTo(Long.class).one());
        }
    }

    private static List<CSVRecord> csv(String text) throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))
                .getRecords();
    }

    @Test
    void jsonLinesOnStdoutByDefaultEveryRowAndTheCountOnStderr() {
        CliRun run = CliRun.of("export", "recommendations", "--db", db);
        assertThat(run.code()).as(run.err()).isZero();
        List<JsonNode> rows = run.json();
        assertThat((long) rows.size()).isEqualTo(recommendations).isGreaterThan(150);
        assertThat(rows).extracting(r -> r.get("id").asLong()).isSorted().doesNotHaveDuplicates();
        assertThat(rows.get(0).get("recommendingStates").isArray()).isTrue();
        assertThat(run.err()).isEqualTo("councilbrief: exported " + org.councilbrief.Forms.number(recommendations)
                + " recommendations" + System.lineSeparator());
    }

    @Test
    void csvHasAHeaderAndTheSameRowsAsJsonLines() throws Exception {
        CliRun json = CliRun.of("export", "recommendations", "--db", db);
        CliRun csv = CliRun.of("export", "recommendations", "--format", "csv", "--db", db);
        assertThat(csv.code()).isZero();
        assertThat(csv.out().lines().findFirst().orElseThrow()).isEqualTo("id,review,stateUnderReview,cycle,session,"
                + "reviewDate,report,paragraph,text,recommendingStates,response,issues");
        List<CSVRecord> records = csv(csv.out());
        List<JsonNode> rows = json.json();
        assertThat(records).hasSameSizeAs(rows);
        for (int i = 0; i < rows.size(); i += 17) {
            JsonNode row = rows.get(i);
            CSVRecord record = records.get(i);
            assertThat(record.get("id")).isEqualTo(row.get("id").asText());
            assertThat(record.get("recommendingStates")).isEqualTo(String.join(";", JsonList.of(
                    row.get("recommendingStates"))));
            if (!row.get("text").asText().isEmpty() && "=+-@\t\r".indexOf(row.get("text").asText().charAt(0)) < 0) {
                assertThat(record.get("text")).isEqualTo(row.get("text").asText());
            }
        }
    }

    @Test
    void eachRowCarriesItsRecommendingStatesInOrderWhetherEveryRowOrAFewAreAsked() throws Exception {
        // Read apart from the export: a recommendation made by several states (in the order the review gives them)
        // and one whose states are not recorded.
        java.util.Map<Long, List<String>> expected = new java.util.HashMap<>();
        try (Database database = Database.open(db)) {
            database.jdbi().useHandle(h -> {
                long several = h.createUpdate("insert into upr_recommendation (review_id, position, body) values"
                        + " ('TST-S1', 100, 'Several states')").executeAndReturnGeneratedKeys("id").mapTo(Long.class)
                        .one();
                h.execute("insert into upr_recommendation_state values (?, 0, 'NOR'), (?, 1, 'BRA'), (?, 2, 'FRA')",
                        several, several, several);
                h.execute("insert into upr_recommendation (review_id, position, body) values ('TST-S1', 101, 'None')");
                h.createQuery("select r.id, s.state_code from upr_recommendation r left join upr_recommendation_state"
                        + " s on s.recommendation_id = r.id order by r.id, s.position").map((rs, ctx) -> {
                            List<String> states = expected.computeIfAbsent(rs.getLong(1), id -> new java.util.ArrayList<>());
                            if (rs.getString(2) != null) {
                                states.add(rs.getString(2));
                            }
                            return null;
                        }).list();
            });
        }
        try {
            List<JsonNode> every = CliRun.of("export", "recommendations", "--db", db).json();
            List<JsonNode> year = CliRun.of("export", "recommendations", "--year", "1999", "--db", db).json();
            assertThat(every).hasSize(expected.size());
            assertThat(year).hasSize(FORMULAS.size() + 2);
            for (List<JsonNode> rows : List.of(every, year)) {
                for (JsonNode row : rows) {
                    assertThat(JsonList.of(row.get("recommendingStates"))).as("states of %s", row.get("id"))
                            .isEqualTo(expected.get(row.get("id").asLong()));
                }
            }
            assertThat(year).extracting(r -> JsonList.of(r.get("recommendingStates"))).contains(List.of("NOR", "BRA",
                    "FRA"), List.of());
        } finally {
            try (Database database = Database.open(db)) {
                database.jdbi().useHandle(h -> h.execute("delete from upr_recommendation where review_id = 'TST-S1'"
                        + " and position >= 100"));
            }
        }
    }

    /** A JSON array of strings as a list. */
    private static final class JsonList {
        static List<String> of(JsonNode array) {
            List<String> items = new java.util.ArrayList<>();
            array.forEach(n -> items.add(n.asText()));
            return items;
        }
    }

    @Test
    void formulaCellsAreEscapedInCsvAndKeptAsTheyAreInJsonLines() throws Exception {
        CliRun csv = CliRun.of("export", "recommendations", "--format", "csv", "--year", "1999", "--db", db);
        List<CSVRecord> records = csv(csv.out());
        assertThat(records).extracting(r -> r.get("text")).containsExactlyElementsOf(FORMULAS.stream()
                .map(f -> "'" + f).toList());
        assertThat(records).extracting(r -> r.get("paragraph")).allSatisfy(p -> assertThat(p).startsWith("'-"));
        CliRun json = CliRun.of("export", "recommendations", "--year", "1999", "--db", db);
        assertThat(json.json()).extracting(r -> r.get("text").asText()).containsExactlyElementsOf(FORMULAS);
    }

    @Test
    void filtersNarrowEachKindOfRow() {
        List<JsonNode> france = CliRun.of("export", "recommendations", "--member", "France", "--db", db).json();
        assertThat(france).isNotEmpty().allSatisfy(r -> assertThat(r.get("recommendingStates").toString())
                .contains("\"FRA\""));
        List<JsonNode> mali = CliRun.of("export", "recommendations", "--situation", "mali", "--year", "2008",
                "--db", db).json();
        assertThat(mali).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("stateUnderReview").asText()).isEqualTo("MLI");
            assertThat(r.get("reviewDate").asText()).startsWith("2008");
        });
        List<JsonNode> women = CliRun.of("export", "recommendations", "--q", "Women VIOLENCE", "--db", db).json();
        assertThat(women).isNotEmpty().allSatisfy(r -> assertThat(r.get("text").asText().toLowerCase())
                .contains("women").contains("violence"));

        List<JsonNode> positions = CliRun.of("export", "positions", "--db", db).json();
        assertThat(positions).isNotEmpty();
        String theme = positions.get(0).get("theme").asText();
        String member = positions.get(0).get("member").asText();
        assertThat(CliRun.of("export", "positions", "--theme", theme, "--db", db).json()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.get("theme").asText()).isEqualTo(theme));
        assertThat(CliRun.of("export", "positions", "--member", member, "--situation", "mali", "--db", db).json())
                .isNotEmpty().allSatisfy(p -> assertThat(p.get("member").asText()).isEqualTo(member));
        assertThat(CliRun.of("export", "positions", "--year", "2021", "--db", db).json()).isEmpty();

        List<JsonNode> uk = CliRun.of("export", "statements", "--member", "GBR", "--db", db).json();
        assertThat(uk).singleElement().satisfies(s -> assertThat(s.get("speaker").asText()).isEqualTo("Mr. Allen"));
        List<JsonNode> onTheme = CliRun.of("export", "statements", "--theme", theme, "--db", db).json();
        assertThat(onTheme).isNotEmpty().hasSizeLessThan(19);
        assertThat(positions.stream().filter(p -> p.get("theme").asText().equals(theme))
                .map(p -> p.get("index").asInt()).distinct().count()).isEqualTo(onTheme.size());
    }

    @Test
    void outWritesTheFileWholeAndBadInputExitsWithTwoLeavingItAsItWas() throws Exception {
        Path out = dir.resolve("statements.csv");
        CliRun run = CliRun.of("export", "statements", "--format", "csv", "--out", out.toString(), "--db", db);
        assertThat(run.code()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("exported 18 statements to " + out);
        List<CSVRecord> records = csv(Files.readString(out, StandardCharsets.UTF_8));
        assertThat(records).hasSize(18);
        assertThat(records.get(14).get("member")).isEqualTo("GBR");
        byte[] before = Files.readAllBytes(out);
        for (String[] bad : List.of(new String[] {"export", "speeches"}, new String[] {"export", "positions",
                "--format", "xlsx"}, new String[] {"export", "positions", "--member", "Atlantis"},
                new String[] {"export", "positions", "--theme", "weather"},
                new String[] {"export", "positions", "--year", "last"},
                new String[] {"export", "positions", "--situation", "atlantis"})) {
            List<String> args = new java.util.ArrayList<>(List.of(bad));
            args.addAll(List.of("--out", out.toString(), "--db", db));
            CliRun refused = CliRun.of(args.toArray(String[]::new));
            assertThat(refused.code()).as(String.join(" ", bad)).isEqualTo(2);
            assertThat(refused.err()).startsWith("councilbrief: ").doesNotContain("Exception");
            assertThat(Files.readAllBytes(out)).isEqualTo(before);
        }
        CliRun noFolder = CliRun.of("export", "positions", "--out", dir.resolve("missing/x.csv").toString(), "--db",
                db);
        assertThat(noFolder.code()).isEqualTo(2);
        assertThat(noFolder.err()).contains("does not exist");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }
}
