package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.FormBody;
import okhttp3.Request;
import okhttp3.Response;
import org.councilbrief.account.Role;
import org.councilbrief.account.Session;
import org.councilbrief.brief.BriefWorkflow;
import org.councilbrief.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application after 1 January 2027, with clocks fixed in 2027 and 2030: the Council page speaks for the clock's
 * day and says which elected members are not recorded yet, showing those that are; items and briefs dated in the new
 * year are accepted and render with their UPR block; recording the year with {@code council import} completes the
 * pages the running server shows (decision 0026).
 */
class NewYearTest {
    private static final String PASSWORD = "an editor's long password";
    private static final String GAP_2027 = "The elected members for 2027 are not all recorded yet: 5 of the 10 elected"
            + " seats are known.";

    private static Clock on(String day) {
        return Clock.fixed(Instant.parse(day + "T09:00:00Z"), ZoneOffset.UTC);
    }

    private static String body(WebClient client, String path) throws Exception {
        try (Response response = client.get(path)) {
            assertThat(response.code()).as("GET " + path).isEqualTo(200);
            return response.body().string();
        }
    }

    private static int code(WebClient client, String path) throws Exception {
        try (Response response = client.get(path)) {
            return response.code();
        }
    }

    /** Adds an item through the workspace's form, as an editor does, and answers the page the editor lands on. */
    private static Response addItem(WebClient client, Session editor, String date) throws Exception {
        FormBody form = new FormBody.Builder().add("_csrf", editor.csrfToken()).add("base", "0")
                .add("token", "0123456789abcdef0123456789abcdef").add("section", "consider")
                .add("title", "OHCHR on detentions").add("date", date)
                .add("body", "OHCHR reported arbitrary detentions in the centre of the country.")
                .add("sources", "https://www.ohchr.org/en/countries/mali").build();
        return client.request(new Request.Builder().url(client.getOrigin() + "/workspace/briefs/mali/items")
                .header("Cookie", "cb_session=" + editor.id()).post(form).build());
    }

    @Test
    void on15January2027TheSiteSaysWhatIsKnownAcceptsTheNewYearAndIsCompletedByRecordingIt(@TempDir Path dir)
            throws Exception {
        String name = "new-year-" + System.nanoTime();
        try (Database database = Database.inMemory(name)) {
            Clock clock = on("2027-01-15");
            Application application = Application.start(database, true, clock);
            application.accounts().add("edith", PASSWORD, Role.EDITOR);
            application.accounts().add("rita", PASSWORD, Role.REVIEWER);
            Session edith = application.accounts().login("edith", PASSWORD);
            BriefWorkflow workflow = new BriefWorkflow(database, application.council(), clock);
            WebTest.test(WebServer.create(application), (server, client) -> {
                String council = body(client, "/council/index.html");
                assertThat(council).contains("<h1>The Security Council on 15 January 2027</h1>")
                        .doesNotContain("31 December 2026").contains(GAP_2027)
                        .contains("Its members recorded so far: the five permanent members and 5 of the 10 elected")
                        .contains("href=\"../members/LVA.html\"").contains("href=\"../members/CHN.html\"")
                        .doesNotContain("href=\"../members/GRC.html\"") // elected for 2025-2026
                        .contains("href=\"2027.html\"").doesNotContain("href=\"2028.html\"");
                assertThat(body(client, "/council/2027.html")).contains("<h1>The Security Council in 2027</h1>")
                        .contains("The elected members for 2027 are not all recorded yet");
                assertThat(body(client, "/council/2026.html")).contains("Its 15 members")
                        .doesNotContain("not all recorded");
                assertThat(code(client, "/council/2028.html")).isEqualTo(404);
                assertThat(body(client, "/members/LVA.html")).contains("A member of the Security Council on 15 January"
                        + " 2027.");
                assertThat(body(client, "/members/GRC.html")).contains("Not among the members of the Security Council"
                        + " recorded for 15 January 2027: the elected members for 2027 are not all recorded yet.");

                // An item dated in the new year is accepted, and moves the brief's date into it.
                try (Response added = addItem(client, edith, "2027-01-12")) {
                    assertThat(added.code()).isEqualTo(200);
                    assertThat(added.body().string()).doesNotContain("class=\"error-summary\"")
                            .contains("OHCHR on detentions");
                }
                BriefWorkflow.Current current = workflow.current("mali");
                assertThat(current.brief().asOf()).hasToString("2027-01-12");
                workflow.publish("mali", workflow.submit("mali", current.version(), "edith"), "rita", true);

                // The brief dated 2027 renders in every format, its UPR block from the members recorded.
                String brief = body(client, "/briefs/mali.html");
                assertThat(brief).contains("Updated: 12 January 2027").contains("<p class=\"note\">" + GAP_2027)
                        .contains("id=\"upr-FRA\"").doesNotContain("id=\"upr-BRA\"");
                try (Response pdf = client.get("/briefs/mali.pdf")) {
                    assertThat(pdf.body().bytes()).startsWith("%PDF".getBytes());
                }
                assertThat(body(client, "/briefs/mali.md")).contains("*" + GAP_2027);
                assertThat(body(client, "/briefs/mali.txt")).contains(GAP_2027);
                // The Word file, rendered as the server does but without its HTTP client's ten-second wait (the first
                // Word file of a process loads POI, slow on a busy machine).
                byte[] docx = application.site().render("briefs/mali.docx").orElseThrow().bytes();
                try (var word = new org.apache.poi.xwpf.usermodel.XWPFDocument(
                        new java.io.ByteArrayInputStream(docx))) {
                    assertThat(word.getParagraphs()).extracting(p -> p.getText())
                            .anySatisfy(text -> assertThat(text).startsWith(GAP_2027));
                }

                // An admin records the members elected for 2027-2028 from a list, while the server runs.
                Path list = dir.resolve("elected-2027.csv");
                Files.writeString(list, """
                        country,year,seat,term
                        Australia,2027,elected,2027-2028
                        Brazil,2027,elected,2027-2028
                        Egypt,2027,elected,2027-2028
                        India,2027,elected,2027-2028
                        Norway,2027,elected,2027-2028
                        Latvia,2027,elected,2026-2027
                        """);
                CliRun recorded = CliRun.of("council", "import", list.toString(), "--db",
                        "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
                assertThat(recorded.code()).as(recorded.err()).isZero();
                assertThat(recorded.out().strip()).isEqualTo("{\"file\":\"elected-2027.csv\",\"added\":5,"
                        + "\"unchanged\":1}");

                long deadline = System.nanoTime() + 10_000_000_000L;
                String complete = body(client, "/council/index.html");
                while (complete.contains("The elected members for 2027") && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                    complete = body(client, "/council/index.html");
                }
                assertThat(complete).contains("<h1>The Security Council on 15 January 2027</h1>")
                        .contains("Its 15 members: the five permanent members and the 10 elected")
                        .doesNotContain("The elected members for 2027").contains("href=\"../members/NOR.html\"")
                        .contains("A3</span>")
                        // 2028 has a page now, with the five members elected for 2027-2028 recorded so far.
                        .contains("<a href=\"2028.html\">2028</a> <span class=\"detail\">elected members not all"
                                + " recorded yet</span>")
                        .contains("<a href=\"2027.html\">2027</a></li>");
                assertThat(body(client, "/briefs/mali.html")).doesNotContain(GAP_2027).contains("id=\"upr-BRA\"");
                assertThat(body(client, "/members/GRC.html")).contains("Not a member of the Security Council on 15"
                        + " January 2027.");
            });
        }
    }

    @Test
    void in2030TheCouncilPageShowsThePermanentFiveAndEveryYearSinceHasAPage() throws Exception {
        try (Database database = Database.inMemory("year-2030-" + System.nanoTime())) {
            Clock clock = on("2030-03-01");
            Application application = Application.start(database, true, clock);
            application.accounts().add("edith", PASSWORD, Role.EDITOR);
            Session edith = application.accounts().login("edith", PASSWORD);
            WebTest.test(WebServer.create(application), (server, client) -> {
                String council = body(client, "/council/index.html");
                assertThat(council).contains("<h1>The Security Council on 1 March 2030</h1>")
                        .contains("The elected members for 2030 are not all recorded yet: none of the 10 elected seats"
                                + " are known. Shown are the five permanent members.")
                        .contains("href=\"2030.html\"");
                assertThat(council.split("href=\"\\.\\./members/", -1)).as("links to members").hasSize(6);
                assertThat(body(client, "/council/2029.html")).contains("The elected members for 2029 are not all"
                        + " recorded yet");
                assertThat(body(client, "/council/2028.html")).contains("The Security Council in 2028");
                assertThat(code(client, "/council/2031.html")).isEqualTo(404);

                try (Response added = addItem(client, edith, "2030-02-20")) {
                    assertThat(added.code()).isEqualTo(200);
                    assertThat(added.body().string()).doesNotContain("class=\"error-summary\"");
                }
                assertThat(new BriefWorkflow(database, application.council(), clock).current("mali").brief().asOf())
                        .hasToString("2030-02-20");
            });
        }
    }
}
