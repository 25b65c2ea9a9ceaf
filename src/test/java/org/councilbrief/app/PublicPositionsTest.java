package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.councilbrief.SharedData;
import org.councilbrief.db.Database;
import org.councilbrief.ingest.ImportOptions;
import org.councilbrief.ingest.Imports;
import org.councilbrief.statement.Position;
import org.councilbrief.statement.StatementRepository;
import org.councilbrief.statement.StatementRepository.StoredPosition;
import org.councilbrief.theme.Taxonomy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing unreviewed is public: a meeting record and a press summary imported (their positions proposed), one position
 * accepted, one rejected and the rest left proposed; every page the server links to from its home page, every
 * download, the feed and every file of the static export ({@code publish --out DIR}) show the accepted one only.
 */
class PublicPositionsTest {
    private static final Path RECORD = SharedData.root().resolve("data/council-speeches/meetings/SPV.8703.txt");
    private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]*)\"");
    private static final Pattern ENTITY = Pattern.compile("&#(x?)([0-9a-fA-F]+);");

    @Test
    void onlyAcceptedPositionsReachAnyPublicPageTheFeedOrTheStaticExport(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_DELAY=0";
        StoredPosition accepted;
        List<StoredPosition> hidden = new ArrayList<>();
        Map<String, String> served = new LinkedHashMap<>();
        try (Database database = Database.open(url)) {
            Application application = Application.start(database, true);
            Imports imports = new Imports(database);
            imports.importFile(RECORD, "meeting-record", new ImportOptions("mali", null, LocalDate.of(2020, 1, 15)));
            imports.importBytes("sc99999.txt", Files.readAllBytes(Path.of(PublicPositionsTest.class
                    .getResource("/press/sc99999.txt").toURI())), "press-release", new ImportOptions("mali", null,
                    null));
            StatementRepository statements = new StatementRepository(database.jdbi());
            List<StoredPosition> all = new ArrayList<>(statements.storedPositions("S/PV.8703"));
            all.addAll(statements.storedPositions("S/PV.9999"));
            assertThat(all).hasSizeGreaterThan(20)
                    .allSatisfy(p -> assertThat(p.position().status()).isEqualTo(Position.Status.PROPOSED));

            // The editors accept one position of the record, reject one of the press summary and leave the rest.
            accepted = all.stream().filter(p -> p.pressRelease() == null && Taxonomy.council()
                    .label(p.position().theme()).isPresent()).findFirst().orElseThrow();
            String evidence = accepted.position().evidence();
            StoredPosition rejected = all.stream().filter(p -> p.pressRelease() != null
                    && !p.position().evidence().equals(evidence)).findFirst().orElseThrow();
            assertThat(statements.review(accepted.id(), Position.Status.ACCEPTED, null, null, "edith")).isTrue();
            assertThat(statements.review(rejected.id(), Position.Status.REJECTED, null, null, "edith")).isTrue();
            // An editor accepts a quote of Mali, which spoke without sitting on the Council: no Council position.
            var council = org.councilbrief.council.Membership.shipped().on(LocalDate.of(2020, 1, 15)).codes();
            StoredPosition notAMember = all.stream().filter(p -> !council.contains(p.position().stateCode())
                    && !p.position().evidence().equals(evidence)).findFirst().orElseThrow();
            assertThat(statements.review(notAMember.id(), Position.Status.ACCEPTED, null, null, "edith")).isTrue();
            List<StoredPosition> decided = new ArrayList<>(statements.storedPositions("S/PV.8703"));
            decided.addAll(statements.storedPositions("S/PV.9999"));
            for (StoredPosition p : decided) {
                if (p.id() != accepted.id()) {
                    hidden.add(p);
                }
            }

            WebTest.test(WebServer.create(application), (server, client) -> {
                Deque<String> todo = new ArrayDeque<>(List.of("/"));
                Set<String> seen = new HashSet<>(todo);
                while (!todo.isEmpty()) {
                    String path = todo.poll();
                    try (okhttp3.Response response = client.get(path)) {
                        assertThat(response.code()).as(path).isEqualTo(200);
                        String type = String.valueOf(response.header("Content-Type"));
                        byte[] bytes = response.body().bytes();
                        String text = text(path, type, bytes);
                        served.put(path, text);
                        if (!type.startsWith("text/html")) {
                            continue;
                        }
                        Matcher m = LINK.matcher(new String(bytes, StandardCharsets.UTF_8));
                        while (m.find()) {
                            String href = m.group(1).replace("&amp;", "&");
                            if (href.startsWith("http://") || href.startsWith("https://") || href.startsWith("#")) {
                                continue;
                            }
                            URI target = URI.create("http://site" + path).resolve(href);
                            String next = target.getPath();
                            // The workspace and its doors are not public pages.
                            if (!next.startsWith("/workspace") && !next.equals("/logout") && seen.add(next)) {
                                todo.add(next);
                            }
                        }
                    }
                }
            });
        }
        assertThat(served).containsKeys("/", "/feed.atom", "/briefs/mali.html", "/briefs/mali.pdf",
                "/briefs/mali.docx", "/briefs/mali.json", "/members/FRA.html", "/themes/accountability.html",
                "/login");
        assertThat(served).hasSizeGreaterThan(150);
        assertPublic("served", served, accepted, hidden);

        Path out = dir.resolve("site");
        CliRun publish = CliRun.of("publish", "--out", out.toString(), "--db", url, "--date", LocalDate.now()
                .toString());
        assertThat(publish.code()).as(publish.err()).isZero();
        Map<String, String> exported = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String path = "/" + out.relativize(file).toString().replace('\\', '/');
                exported.put(path, text(path, path.endsWith(".html") ? "text/html" : "", Files.readAllBytes(file)));
            }
        }
        assertThat(exported.keySet()).containsAll(served.keySet().stream().filter(p -> !p.equals("/")
                && !p.equals("/login") && !p.equals("/briefs/mali")).toList());
        assertPublic("exported", exported, accepted, hidden);
        // The export has no login page, so it does not link to one; the server's pages do.
        assertThat(exported.get("/index.html")).doesNotContain("Log in");
        assertThat(served.get("/")).contains("Log in");
    }

    /**
     * The accepted position on its member's and its theme's pages, said to be reviewed; no other position's evidence
     * on any file, and none of a sentence within the accepted one's on another member's or theme's page.
     */
    private static void assertPublic(String where, Map<String, String> files, StoredPosition accepted,
            List<StoredPosition> hidden) {
        String evidence = normal(accepted.position().evidence());
        String memberPage = files.keySet().stream().filter(p -> p.endsWith("members/" + accepted.position()
                .stateCode() + ".html")).findFirst().orElseThrow();
        String themePage = files.keySet().stream().filter(p -> p.endsWith("themes/" + accepted.position().theme()
                + ".html")).findFirst().orElseThrow();
        for (String page : List.of(memberPage, themePage)) {
            assertThat(files.get(page)).as(where + " " + page).contains(evidence)
                    .contains("Positions reviewed by the editors").doesNotContain("not yet reviewed");
        }
        int checked = 0;
        for (StoredPosition p : hidden) {
            String text = normal(p.position().evidence());
            if (!evidence.contains(text)) {
                checked++;
                files.forEach((path, content) -> assertThat(content).as(where + " " + path + " shows the "
                        + p.position().status() + " position " + p.id()).doesNotContain(text));
            } else {
                if (!p.position().stateCode().equals(accepted.position().stateCode())) {
                    String other = files.keySet().stream().filter(f -> f.endsWith("members/" + p.position()
                            .stateCode() + ".html")).findFirst().orElse(null);
                    if (other != null) {
                        assertThat(files.get(other)).as(where + " " + other).doesNotContain(text);
                    }
                }
                if (!p.position().theme().equals(accepted.position().theme())) {
                    String other = files.keySet().stream().filter(f -> f.endsWith("themes/" + p.position().theme()
                            + ".html")).findFirst().orElse(null);
                    if (other != null) {
                        assertThat(files.get(other)).as(where + " " + other).doesNotContain(text);
                    }
                }
            }
        }
        assertThat(checked).as("positions whose evidence is their own").isGreaterThan(10);
        assertThat(hidden).anySatisfy(p -> assertThat(p.position().status()).isEqualTo(Position.Status.REJECTED));
    }

    /** A file's text as a reader gets it: PDF and Word files extracted, HTML entities read, spaces made one. */
    private static String text(String path, String type, byte[] bytes) throws IOException {
        String text;
        if (path.endsWith(".pdf")) {
            try (var pdf = org.apache.pdfbox.Loader.loadPDF(bytes)) {
                text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            }
        } else if (path.endsWith(".docx")) {
            try (var docx = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(bytes));
                    var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(docx)) {
                text = extractor.getText();
            }
        } else {
            text = new String(bytes, StandardCharsets.UTF_8);
            if (type.startsWith("text/html") || path.endsWith(".atom")) {
                text = unescape(text);
            }
        }
        return normal(text);
    }

    private static String unescape(String html) {
        Matcher m = ENTITY.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int code = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
            m.appendReplacement(out, Matcher.quoteReplacement(Character.toString(code)));
        }
        m.appendTail(out);
        return out.toString().replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String normal(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
