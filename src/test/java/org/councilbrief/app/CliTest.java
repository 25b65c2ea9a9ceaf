package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.councilbrief.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /** A database of its own for a command that reads one, instead of the embedded one under ./data. */
    private static String db() {
        return "jdbc:h2:mem:cli-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    }

    @Test
    void printsTheFifteenMembersOnADateAsJsonLines() {
        CliRun run = run("council", "members", "--date", "2023-06-16", "--db", db());
        assertThat(run.code()).isZero();
        assertThat(run.out().lines()).hasSize(15).contains("{\"code\":\"GBR\",\"name\":\"United Kingdom of Great Britain "
                + "and Northern Ireland\",\"shortName\":\"the UK\",\"seat\":\"permanent\",\"groupings\":[\"P5\"]}");
        assertThat(run.out()).contains("{\"code\":\"GAB\",\"name\":\"Gabon\",\"shortName\":\"Gabon\",\"seat\":\"elected\","
                + "\"groupings\":[\"E10\",\"A3\"]}");
    }

    @Test
    void badInputExitsWithTwoAndAMessage() {
        CliRun date = run("council", "members", "--date", "16/06/2023", "--db", db());
        assertThat(date.code()).isEqualTo(2);
        assertThat(date.err()).contains("not a date of the form YYYY-MM-DD");
        CliRun early = run("council", "members", "--date", "1900-01-01", "--db", db());
        assertThat(early.code()).isEqualTo(2);
        assertThat(early.err()).contains("1946");
    }

    @Test
    void theHelpAndAMistypedCommandNameEveryCommandAndOneNamedHasItsOwnHelp() {
        List<String> commands = List.of("serve", "council", "brief", "upr", "speeches", "resolution", "import",
                "fetch", "themes", "positions", "member", "publish", "user", "backup", "restore", "export");
        CliRun help = CliRun.of("--help");
        assertThat(help.code()).isZero();
        assertThat(commands).allSatisfy(c -> assertThat(help.out()).containsPattern("(?m)^  " + c + " "));
        CliRun typo = CliRun.of("exprot");
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err()).contains("Did you mean: councilbrief export");
        CliRun export = CliRun.of("export", "--help");
        assertThat(export.code()).isZero();
        assertThat(export.out()).startsWith("Usage: councilbrief export").contains("--format");
    }

    @Test
    void importTextPrintsTheBriefAndWarnsOnStderr() {
        CliRun run = run("brief", "import-text", SharedData.referenceBrief().toString());
        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("{").contains("\"situation\" : \"mali\"");
        assertThat(run.err()).contains("warning:").contains("has no date");
    }

    @Test
    void importOfSomethingThatIsNotABriefExitsWithTwoNamingTheFileAndLineAndPrintsNothing(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("bad.txt");
        Files.writeString(file, SharedData.read(SharedData.referenceBrief()).replace("(24 July 2023).", "(24 Jly 2023)."));
        CliRun run = run("brief", "import-text", file.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).matches("(?s)councilbrief: " + java.util.regex.Pattern.quote(file.toString())
                + ": line \\d+: cannot read the date.*");
    }

    @Test
    void rendersFromTheJsonForm(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("brief.json");
        Files.writeString(json, run("brief", "import-text", SharedData.referenceBrief().toString()).out());
        Path md = dir.resolve("brief.md");
        CliRun run = run("brief", "render", "--from", json.toString(), "--format", "md", "--out", md.toString());
        assertThat(run.code()).isZero();
        assertThat(Files.readString(md)).contains("## Information familiar to the Security Council \\[513 words\\]");
        assertThat(run("brief", "render", "--from", json.toString(), "--format", "odt").code()).isEqualTo(2);
        assertThat(run("brief", "render", "--from", dir.resolve("missing.json").toString(), "--format", "md").err())
                .contains("no such file");
    }

    @Test
    void loadsABriefIntoTheDatabaseAndRendersItFromThereAsOfADate(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("brief.json");
        Files.writeString(json, run("brief", "import-text", SharedData.referenceBrief().toString()).out());
        String db = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
        assertThat(run("brief", "load", json.toString(), "--db", db).code()).isZero();

        Path text = dir.resolve("brief.txt");
        CliRun render = run("brief", "render", "mali", "--as-of", "2023-06-30", "--format", "text", "--out",
                text.toString(), "--db", db);
        assertThat(render.code()).as(render.err()).isZero();
        String rendered = Files.readString(text);
        assertThat(rendered).doesNotContain("Reporting by Human Rights Watch").contains(
                "Relevant information for the Security Council to consider [36 words]");
        assertThat(run("brief", "render", "haiti", "--format", "text", "--db", db).err())
                .contains("no brief for the situation 'haiti'");
    }

    @Test
    void aBriefRenderedFromTheDatabaseCarriesItsPicturesAndOneFromAFileNone(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("mali.json");
        try (var in = CliTest.class.getResourceAsStream("/org/councilbrief/demo/mali.json")) {
            Files.write(json, in.readAllBytes());
        }
        String db = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
        assertThat(run("brief", "load", json.toString(), "--db", db).code()).isZero();
        try (org.councilbrief.db.Database database = org.councilbrief.db.Database.openOrDefault(db)) {
            DemoData.loadMeeting(new org.councilbrief.statement.StatementRepository(database.jdbi()));
        }

        Path html = dir.resolve("mali.html");
        CliRun page = run("brief", "render", "mali", "--format", "html", "--out", html.toString(), "--db", db);
        assertThat(page.code()).as(page.err()).isZero();
        assertThat(Files.readString(html)).contains("<figure class=\"picture\" id=\"who-said-what\">")
                .contains("data-member=\"ALB\" data-theme=\"foreign-security-personnel\"")
                .contains("id=\"upr-mli-2023-05-02-picture\"");
        Path pdf = dir.resolve("mali.pdf");
        assertThat(run("brief", "render", "mali", "--format", "pdf", "--out", pdf.toString(), "--db", db).code())
                .isZero();
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains("Who said what");
        }
        Path plain = dir.resolve("plain.html");
        assertThat(run("brief", "render", "--from", json.toString(), "--format", "html", "--out", plain.toString())
                .code()).isZero();
        assertThat(Files.readString(plain)).doesNotContain("<figure").contains("UPR recommendations for Mali");
    }

    @Test
    void aDatabaseHeldByARunningServerIsNamedInOneLineWithWhatToDo(@TempDir Path dir) throws Exception {
        // A server in another JVM holds the H2 file, as `./councilbrief serve` does.
        String db = "jdbc:h2:file:" + dir.resolve("held").toAbsolutePath();
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.councilbrief.app.Main", "serve", "--port", "0", "--db", db)
                .redirectErrorStream(true).start();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(server.getInputStream()))) {
            String line;
            do {
                line = lines.readLine();
            } while (line != null && !line.contains("is serving at"));
            assertThat(line).as("the server started").isNotNull();
            CliRun run = run("publish", "--out", dir.resolve("site").toString(), "--db", db);
            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err().strip()).startsWith("councilbrief: the database ").contains("is in use by another"
                    + " councilbrief").doesNotContain("\tat ").doesNotContain("Exception");
            assertThat(run.out()).isEmpty();
        } finally {
            server.destroy();
            server.waitFor();
        }
        CliRun refused = run("publish", "--out", dir.resolve("site").toString(), "--db",
                "jdbc:postgresql://127.0.0.1:1/none?user=x&password=secret");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).startsWith("councilbrief: cannot open the database").doesNotContain("secret");
    }
}
