package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.FormBody;
import okhttp3.Request;
import okhttp3.Response;
import org.councilbrief.account.Accounts;
import org.councilbrief.account.Role;
import org.councilbrief.account.Session;
import org.councilbrief.brief.BriefWorkflow;
import org.councilbrief.db.Database;
import org.councilbrief.document.PdfText;
import org.councilbrief.site.SiteBuilder;
import org.councilbrief.statement.Act;
import org.councilbrief.statement.Position;
import org.councilbrief.statement.StatementRepository;
import org.junit.jupiter.api.Test;

/**
 * A published brief's pictures are those of its publication (decision 0049): an editor deciding a position after it
 * changes the workspace's preview, not the public page, its PDF or the static export, until the next publication.
 */
class PublishedPicturesTest {
    private static final String EDITOR = "an editor's long password";
    private static final String REVIEWER = "a reviewer's long password";
    private static final Pattern GRID = Pattern.compile(
            "<figure class=\"picture\" id=\"who-said-what\".*?</figure>", Pattern.DOTALL);

    /** The test's client, patient: the first PDF of a process draws with Batik, slow on a loaded machine. */
    private static okhttp3.OkHttpClient http(WebClient client) {
        return client.getOkHttp().newBuilder().readTimeout(java.time.Duration.ofSeconds(180)).build();
    }

    private static String get(WebClient client, String path, Session session) throws Exception {
        Request.Builder request = new Request.Builder().url(client.getOrigin() + path);
        if (session != null) {
            request.header("Cookie", "cb_session=" + session.id());
        }
        try (Response response = http(client).newCall(request.build()).execute()) {
            assertThat(response.code()).as(path).isEqualTo(200);
            return response.body().string();
        }
    }

    private static byte[] bytes(WebClient client, String path) throws Exception {
        try (Response response = http(client).newCall(new Request.Builder().url(client.getOrigin() + path).build())
                .execute()) {
            assertThat(response.code()).as(path).isEqualTo(200);
            return response.body().bytes();
        }
    }

    /**
     * What a PDF draws, as a digest: the content of its pages and of the forms they draw (the picture's vectors), not
     * the embedded fonts and identifiers, which differ from one rendering to the next.
     */
    private static String pdf(byte[] bytes) throws Exception {
        java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(bytes)) {
            for (org.apache.pdfbox.pdmodel.PDPage page : document.getPages()) {
                try (java.io.InputStream in = page.getContents()) {
                    digest.update(in.readAllBytes());
                }
                for (org.apache.pdfbox.cos.COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name)
                            instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form) {
                        try (java.io.InputStream in = form.getContents()) {
                            digest.update(in.readAllBytes());
                        }
                    }
                }
            }
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    private static String post(WebClient client, String path, Session session, String... fields) throws Exception {
        FormBody.Builder form = new FormBody.Builder().add("_csrf", session.csrfToken());
        for (int i = 0; i < fields.length; i += 2) {
            form.add(fields[i], fields[i + 1]);
        }
        try (Response response = http(client).newCall(new Request.Builder().url(client.getOrigin() + path)
                .header("Cookie", "cb_session=" + session.id()).post(form.build()).build()).execute()) {
            assertThat(response.code()).as(path).isEqualTo(200);
            return response.body().string();
        }
    }

    /** The who-said-what figure of a page (its picture and its table), or "" when the page has none. */
    private static String grid(String html) {
        Matcher m = GRID.matcher(html);
        return m.find() ? m.group() : "";
    }

    /** The PDF's text: the grid's caption names the meeting, and its figures are drawn; the bytes are compared too. */
    private static String pdfText(byte[] pdf) throws Exception {
        return PdfText.extract(pdf, "mali.pdf");
    }

    /** An editor changes an item and sends the brief for review; a reviewer publishes it, by the page's forms. */
    private static void editAndPublish(WebClient client, BriefWorkflow workflow, Session edith, Session rita,
            String body) throws Exception {
        post(client, "/workspace/briefs/mali/items/consider-1", edith, "base",
                String.valueOf(workflow.current("mali").version()), "title", "HRW on the army", "date",
                "2023-07-24", "body", body, "sources", "https://www.hrw.org/x");
        post(client, "/workspace/briefs/mali/submit", edith, "base", String.valueOf(workflow.current("mali")
                .version()));
        String published = post(client, "/workspace/briefs/mali/publish", rita, "base",
                String.valueOf(workflow.current("mali").version()));
        assertThat(published).contains("<strong>published</strong>");
    }

    private static String export(Database database, Application application, String path) throws Exception {
        return new String(new SiteBuilder(database, application.membership(), application.today()).render(path)
                .orElseThrow().bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void thePublishedGridStaysAsPublishedUntilTheNextPublication() throws Exception {
        try (Database database = Database.inMemory("published-pictures-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            Accounts accounts = new Accounts(database);
            accounts.add("edith", EDITOR, Role.EDITOR);
            accounts.add("rita", REVIEWER, Role.REVIEWER);
            Session edith = accounts.login("edith", EDITOR);
            Session rita = accounts.login("rita", REVIEWER);
            BriefWorkflow workflow = new BriefWorkflow(database, application.membership());
            StatementRepository statements = new StatementRepository(database.jdbi());
            WebTest.test(WebServer.create(application), (server, client) -> {
                editAndPublish(client, workflow, edith, rita, "Human Rights Watch reported.");
                String published = grid(get(client, "/briefs/mali.html", null));
                assertThat(published).contains("data-member=\"USA\"").doesNotContain("noted")
                        .doesNotContain("condemned");
                byte[] pdfBytes = bytes(client, "/briefs/mali.pdf");
                String pdf = pdf(pdfBytes);
                assertThat(grid(export(database, application, "briefs/mali.html"))).isEqualTo(published);

                // After publication an editor accepts Albania's condemnation and its note, rejected before, and
                // rejects every US position there.
                for (StatementRepository.StoredPosition p : statements.storedPositions(DemoData.MEETING)) {
                    if (p.position().stateCode().equals("ALB") && (p.position().act() == Act.CONDEMNS
                            || p.position().act() == Act.NOTES)) {
                        assertThat(statements.review(p.id(), Position.Status.ACCEPTED, null, null, "edith")).isTrue();
                    }
                    if (p.position().stateCode().equals("USA")) {
                        assertThat(statements.review(p.id(), Position.Status.REJECTED, null, null, "edith")).isTrue();
                    }
                }
                String preview = grid(get(client, "/workspace/briefs/mali/preview", edith));
                assertThat(preview).as("the workspace's preview shows the positions as decided now")
                        .isNotEqualTo(published).doesNotContain("data-member=\"USA\"")
                        .contains("condemned").contains("noted");

                assertThat(grid(get(client, "/briefs/mali.html", null))).as("the public page")
                        .isEqualTo(published);
                assertThat(pdfText(bytes(client, "/briefs/mali.pdf"))).as("the PDF").isEqualTo(pdfText(pdfBytes));
                assertThat(pdf(bytes(client, "/briefs/mali.pdf"))).as("the PDF").isEqualTo(pdf);
                assertThat(grid(export(database, application, "briefs/mali.html"))).as("the static export")
                        .isEqualTo(published);
                assertThat(pdf(new SiteBuilder(database, application.membership(), application.today())
                        .render("briefs/mali.pdf").orElseThrow().bytes())).as("the static export's PDF")
                        .isEqualTo(pdf);

                // The next publication shows the positions as decided then, everywhere.
                editAndPublish(client, workflow, edith, rita, "Human Rights Watch reported again.");
                String republished = grid(get(client, "/briefs/mali.html", null));
                assertThat(republished).isEqualTo(preview);
                assertThat(grid(export(database, application, "briefs/mali.html"))).isEqualTo(preview);
                assertThat(pdf(bytes(client, "/briefs/mali.pdf"))).isNotEqualTo(pdf);
            });
        }
    }
}
