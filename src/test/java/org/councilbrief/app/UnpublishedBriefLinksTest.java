package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Response;
import org.councilbrief.brief.BriefWorkflow;
import org.councilbrief.db.Database;
import org.councilbrief.statement.Meeting;
import org.councilbrief.statement.Statement;
import org.councilbrief.statement.StatementRepository;
import org.junit.jupiter.api.Test;

/**
 * The public pages link to a situation's brief only once it is published: a brief started in the workspace and never
 * published has no public page, so nothing links to it (the meeting page names the situation without a link); the
 * links the public pages do give all lead to a page.
 */
class UnpublishedBriefLinksTest {
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

    private static String get(WebClient client, String path) throws Exception {
        try (Response response = client.get(path)) {
            assertThat(response.code()).as(path).isEqualTo(200);
            return response.body().string();
        }
    }

    /** Every link of the page to a brief leads to a page (200), not to a 404. */
    private static void briefLinksResolve(WebClient client, String path, String html) throws Exception {
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            String href = m.group(1);
            if (href.contains("briefs/") && !href.startsWith("http")) {
                String target = okhttp3.HttpUrl.get(client.getOrigin() + path).resolve(href).encodedPath();
                try (Response response = client.get(target)) {
                    assertThat(response.code()).as(href + " on " + path).isEqualTo(200);
                }
            }
        }
    }

    @Test
    void aMeetingOnASituationWhoseBriefWasNeverPublishedNamesItWithoutALink() throws Exception {
        try (Database database = Database.inMemory("unpublished-links-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            BriefWorkflow workflow = new BriefWorkflow(database, application.membership());
            workflow.create("chad", "Chad", "TCD", LocalDate.of(2023, 9, 25), "edith");
            new StatementRepository(database.jdbi()).saveMeeting(new Meeting("S/PV.9400", "chad",
                    LocalDate.of(2023, 9, 1), "Chad", null), List.of(new Statement("S/PV.9400", 1, "The President",
                            null, null, null, "The Council met on Chad.")));
            WebTest.test(WebServer.create(application, java.time.Duration.ZERO), (server, client) -> {
                try (Response unpublished = client.get("/briefs/chad.html")) {
                    assertThat(unpublished.code()).isEqualTo(404);
                }
                String meeting = get(client, "/meetings/S_PV.9400.html");
                assertThat(meeting).contains("Situation: Chad").doesNotContain("briefs/chad");
                briefLinksResolve(client, "/meetings/S_PV.9400.html", meeting);

                // A meeting on Mali, whose brief is published, links to it.
                String mali = get(client, "/meetings/S_PV.9365.html");
                assertThat(mali).contains("briefs/mali.html");
                briefLinksResolve(client, "/meetings/S_PV.9365.html", mali);

                // The other public pages that link to briefs: none links to Chad's.
                for (String path : List.of("/", "/calendar.html", "/members/FRA.html", "/themes/accountability.html",
                        "/situations/mali.html", "/search?q=Chad", "/search?q=Mali")) {
                    String html = get(client, path);
                    assertThat(html).as(path).doesNotContain("briefs/chad");
                    briefLinksResolve(client, path, html);
                }
            });
        }
    }
}
