package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import okhttp3.Request;
import org.councilbrief.account.Accounts;
import org.councilbrief.account.Role;
import org.councilbrief.account.Session;
import org.councilbrief.brief.BriefWorkflow;
import org.councilbrief.db.Database;
import org.councilbrief.site.SiteBuilder;
import org.councilbrief.site.SiteFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Script put into every field an editor can edit stays text on every page and in every export. */
class XssTest {
    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
        "<svg/onload=alert(1)>", "';alert(1);//", "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=//evil.example></iframe>", "</textarea><script>alert(1)</script>"})
    void aPayloadInATitleAndATextRendersInert(String payload) throws Exception {
        try (Database database = Database.inMemory("xss-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            Accounts accounts = new Accounts(database);
            accounts.add("edith", "an editor's long password", Role.EDITOR);
            BriefWorkflow workflow = new BriefWorkflow(database, application.membership());
            int v = workflow.editItem("mali", 0, "comments-2", "Title " + payload, LocalDate.of(2023, 6, 30),
                    "Text " + payload + "\n\nMore " + payload, "edith");
            workflow.publish("mali", workflow.submit("mali", v, "edith"), "rita", true);

            SiteBuilder site = application.site();
            for (String path : List.of("briefs/mali.html", "index.html", "feed.atom", "briefs/mali.md",
                    "briefs/mali.json", "briefs/mali.txt")) {
                SiteFile file = site.render(path).orElseThrow();
                String text = new String(file.bytes(), StandardCharsets.UTF_8);
                if (path.endsWith(".html") || path.endsWith(".atom")) {
                    // Markup in the payload must arrive escaped; a payload without markup (';alert(1);//) is text.
                    if (payload.contains("<") || payload.contains("\"")) {
                        assertThat(text).as(path).doesNotContain(payload);
                    }
                    assertThat(text).as(path).doesNotContainIgnoringCase("<script>alert")
                            .doesNotContainIgnoringCase("<img src=x").doesNotContainIgnoringCase("<svg/onload")
                            .doesNotContainIgnoringCase("<iframe");
                }
                if (path.endsWith(".md")) {
                    // The payload's "<" is escaped, so that no Markdown viewer takes it for HTML (the renderer's own
                    // anchors, <a id="…"></a>, are the only markup).
                    assertThat(text).as(path).doesNotContainPattern("(?<!\\\\)<(?:script|img|svg|iframe|/textarea)")
                            .doesNotContainPattern("(?<!\\\\)<a href");
                }
            }
            String brief = new String(site.render("briefs/mali.html").orElseThrow().bytes(), StandardCharsets.UTF_8);
            assertThat(brief).contains("Text ");
            if (payload.contains("<")) {
                assertThat(brief).contains("&lt;"); // shown as text, escaped
            }

            Session session = accounts.login("edith", "an editor's long password");
            WebTest.test(WebServer.create(application), (server, client) -> {
                String page = client.request(new Request.Builder().url(client.getOrigin()
                        + "/workspace/briefs/mali?item=comments-2").header("Cookie", "cb_session=" + session.id())
                        .build()).body().string();
                assertThat(page).contains("Edit: Title")
                        .doesNotContainIgnoringCase("<script>alert").doesNotContainIgnoringCase("<img src=x");
            });
        }
    }

    /**
     * The payload in every field an editor fills (a situation's name and introduction, an item's title, sub-heading,
     * text and source URL, a planned meeting's title and source) and in an imported meeting record and press summary
     * (their speeches and paragraphs, the positions' evidence): every file of the public site, every export (HTML, Markdown, JSON, text, PDF, Word, Atom)
     * and every workspace page shows it as text.
     */
    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
        "<svg/onload=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>", "</textarea><script>alert(1)</script>"})
    void aPayloadInEveryEditableFieldIsInertOnEveryPageAndInEveryExport(String payload) throws Exception {
        try (Database database = Database.inMemory("xss-all-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            Accounts accounts = new Accounts(database);
            accounts.add("edith", "an editor's long password", Role.EDITOR);
            BriefWorkflow workflow = new BriefWorkflow(database, application.membership());
            LocalDate day = LocalDate.of(2024, 3, 1);
            int v = workflow.create("xss", "Name " + payload, null, day, "edith");
            v = workflow.editSituation("xss", v, "Name " + payload, null, "Intro " + payload, "edith");
            v = workflow.addItem("xss", v, org.councilbrief.brief.SectionKind.COMMENTS, "Title " + payload, day,
                    "Sub " + payload, "Text " + payload, "https://example.org/" + payload + "\nS/PV.9999", "edith");
            workflow.publish("xss", workflow.submit("xss", v, "edith"), "rita", true);
            new org.councilbrief.situation.SituationRepository(database.jdbi()).plan("xss", LocalDate.now().plusDays(3),
                    "Meeting " + payload, "https://example.org/" + payload, "edith");
            String record = "The President: I give the floor to the representative of France.\n\n"
                    + "Mr. Dupont (France): We call for accountability for the crimes named " + payload + ".\n\n"
                    + "Mr. Mensah (Ghana): We condemn the attacks " + payload + " on civilians.\n";
            new org.councilbrief.ingest.Imports(database).importBytes("record " + payload + ".txt",
                    record.getBytes(StandardCharsets.UTF_8), "meeting-record", new org.councilbrief.ingest
                            .ImportOptions("xss", "S/PV.9999", day), "edith");
            String press = "1 March 2024\n9999th Meeting (AM)\nSC/99999\n\nCouncil Hears Briefing\n\nThe representative"
                    + " of France said his country condemned the raids " + payload + " on civilians.\n";
            new org.councilbrief.ingest.Imports(database).importBytes("press.txt",
                    press.getBytes(StandardCharsets.UTF_8), "press-release", new org.councilbrief.ingest
                            .ImportOptions("xss", null, null), "edith");
            // The editors accept the positions read, so that their evidence reaches the public pages.
            var statements = new org.councilbrief.statement.StatementRepository(database.jdbi());
            for (var p : statements.storedPositions("S/PV.9999")) {
                statements.review(p.id(), org.councilbrief.statement.Position.Status.ACCEPTED, null, null, "edith");
            }

            SiteBuilder site = application.site();
            List<String> paths = site.paths();
            assertThat(paths).contains("briefs/xss.html", "briefs/xss.pdf", "briefs/xss.docx", "members/FRA.html");
            int seen = 0;
            for (String path : paths) {
                SiteFile file = site.render(path).orElseThrow();
                if (path.endsWith(".pdf")) {
                    try (var pdf = org.apache.pdfbox.Loader.loadPDF(file.bytes())) {
                        String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
                        if (path.contains("xss")) {
                            assertThat(text.replaceAll("\\s+", "")).as(path)
                                    .contains(("Title " + payload).replaceAll("\\s+", "")); // printed, as text
                        }
                    }
                    continue;
                }
                if (path.endsWith(".docx")) {
                    try (var docx = new org.apache.poi.xwpf.usermodel.XWPFDocument(
                            new java.io.ByteArrayInputStream(file.bytes()));
                            var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(docx)) {
                        if (path.contains("xss")) {
                            assertThat(extractor.getText()).as(path).contains("Title " + payload);
                        }
                    }
                    continue;
                }
                String text = new String(file.bytes(), StandardCharsets.UTF_8);
                seen += text.contains("alert(1)") ? 1 : 0;
                if (path.endsWith(".html") || path.endsWith(".atom")) {
                    assertInert(path, text, payload);
                } else if (path.endsWith(".md")) {
                    assertThat(text).as(path).doesNotContainPattern("(?<!\\\\)<(?:script|img|svg|iframe|/textarea)")
                            .doesNotContainPattern("(?<!\\\\)<a href=\"javascript");
                }
            }
            assertThat(seen).as("files that show the payload").isGreaterThanOrEqualTo(6);
            assertThat(new String(site.render("members/FRA.html").orElseThrow().bytes(), StandardCharsets.UTF_8))
                    .contains("alert(1)") // the evidence of France's position, as text
                    .contains("as summarised in SC/99999"); // and of the one read in the press summary
            assertThat(new String(site.render("index.html").orElseThrow().bytes(), StandardCharsets.UTF_8))
                    .contains("Meeting ").contains("alert(1)");

            Session session = accounts.login("edith", "an editor's long password");
            long position = new org.councilbrief.statement.StatementRepository(database.jdbi())
                    .storedPositions("S/PV.9999").get(0).id();
            WebTest.test(WebServer.create(application), (server, client) -> {
                for (String path : List.of("/workspace", "/workspace/briefs/xss?item=comments-1",
                        "/workspace/briefs/xss?from=1&to=3", "/workspace/activity",
                        "/workspace/positions?meeting=S/PV.9999")) {
                    String page = client.request(new Request.Builder().url(client.getOrigin() + path)
                            .header("Cookie", "cb_session=" + session.id()).build()).body().string();
                    assertThat(page).as(path).contains("alert(1)");
                    assertInert(path, page, payload);
                }
                // An editor's correction of a position with a theme outside the scheme is refused, not stored.
                String refused = client.request(new Request.Builder().url(client.getOrigin() + "/workspace/positions/"
                        + position).header("Cookie", "cb_session=" + session.id()).post(new okhttp3.FormBody.Builder()
                        .add("_csrf", session.csrfToken()).add("meeting", "S/PV.9999").add("status", "accepted")
                        .add("act", "calls-for").add("theme", payload).build()).build()).body().string();
                assertInert("position correction", refused, payload);
                // The import page's preview of a file with the payload in its name and its speeches.
                var upload = new okhttp3.MultipartBody.Builder().setType(okhttp3.MultipartBody.FORM)
                        .addFormDataPart("_csrf", session.csrfToken()).addFormDataPart("kind", "meeting-record")
                        .addFormDataPart("symbol", "S/PV.9998").addFormDataPart("date", "2024-03-02")
                        .addFormDataPart("file", "record.txt", okhttp3.RequestBody.create(record.getBytes(
                                StandardCharsets.UTF_8), okhttp3.MediaType.get("text/plain"))).build();
                String preview = client.request(new Request.Builder().url(client.getOrigin()
                        + "/workspace/import/preview").header("Cookie", "cb_session=" + session.id()).post(upload)
                        .build()).body().string();
                assertThat(preview).contains("S/PV.9998");
                assertInert("import preview", preview, payload);
            });
        }
    }

    private static void assertInert(String where, String text, String payload) {
        if (payload.contains("<") || payload.contains("\"")) {
            assertThat(text).as(where).doesNotContain(payload);
        }
        assertThat(text).as(where).doesNotContainIgnoringCase("<script>alert").doesNotContainIgnoringCase("<img src=x")
                .doesNotContainIgnoringCase("<svg/onload").doesNotContainIgnoringCase("<iframe")
                .doesNotContainIgnoringCase("<a href=\"javascript:").doesNotContain("\"><img");
    }
}
