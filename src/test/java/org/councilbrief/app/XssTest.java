package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
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
            JavalinTest.test(WebServer.create(application), (server, client) -> {
                String page = client.request(new Request.Builder().url(client.getOrigin()
                        + "/workspace/briefs/mali?item=comments-2").header("Cookie", "cb_session=" + session.id())
                        .build()).body().string();
                assertThat(page).contains("Edit: Title")
                        .doesNotContainIgnoringCase("<script>alert").doesNotContainIgnoringCase("<img src=x");
            });
        }
    }
}
