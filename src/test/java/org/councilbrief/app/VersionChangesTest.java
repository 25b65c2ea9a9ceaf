package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.councilbrief.account.Accounts;
import org.councilbrief.account.Role;
import org.councilbrief.account.Session;
import org.councilbrief.brief.Brief;
import org.councilbrief.brief.BriefComposer;
import org.councilbrief.brief.BriefRenderers;
import org.councilbrief.brief.BriefWorkflow;
import org.councilbrief.brief.LcsDiff;
import org.councilbrief.brief.TextDiff;
import org.councilbrief.db.Database;
import org.junit.jupiter.api.Test;

/**
 * The changes between two versions, as an editor reads them on the brief's workspace page after following the
 * "changes" link of a version in its history: the same removed and added lines as the diff the page showed before
 * java-diff-utils (decision 0034), in no more separate changes, with "…" where unchanged lines are left out.
 */
class VersionChangesTest {
    private static final Pattern CHANGES_LINK = Pattern.compile(
            "Version 2,[^<]*<a href=\"([^\"]*)\">changes</a>");
    private static final Pattern DIFF = Pattern.compile("<pre class=\"diff\">(.*?)</pre>", Pattern.DOTALL);

    private static String get(WebClient client, String url, Session session) throws Exception {
        try (Response response = client.request(new Request.Builder().url(url)
                .header("Cookie", "cb_session=" + session.id()).build())) {
            assertThat(response.code()).as(url).isEqualTo(200);
            return response.body().string();
        }
    }

    private static String text(Brief brief, Application application) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BriefRenderers.require("text").render(new BriefComposer(application.membership()).compose(brief), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String unescape(String html) {
        return html.replace("&#34;", "\"").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }

    private static int runs(List<String> lines) {
        int runs = 0;
        boolean inRun = false;
        for (String line : lines) {
            boolean changed = line.startsWith("- ") || line.startsWith("+ ");
            runs += changed && !inRun ? 1 : 0;
            inRun = changed;
        }
        return runs;
    }

    @Test
    void theVersionsPageShowsTheOldDiffsChangedLinesAndMarksWhatItLeavesOut() throws Exception {
        try (Database database = Database.inMemory("version-changes-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            Accounts accounts = new Accounts(database);
            accounts.add("edith", "an editor's long password", Role.EDITOR);
            Session edith = accounts.login("edith", "an editor's long password");
            BriefWorkflow workflow = new BriefWorkflow(database, application.membership());
            String before = text(workflow.current("mali").brief(), application);
            workflow.editItem("mali", 0, "consider-1", "A new title", LocalDate.of(2023, 7, 1),
                    "A new first paragraph.\n\nA second one.", "edith");
            String after = text(workflow.current("mali").brief(), application);

            WebTest.test(WebServer.create(application), (server, client) -> {
                String page = get(client, client.getOrigin() + "/workspace/briefs/mali", edith);
                Matcher link = CHANGES_LINK.matcher(page);
                assertThat(link.find()).as("the history links version 2 to its changes").isTrue();
                HttpUrl target = HttpUrl.get(client.getOrigin() + "/workspace/briefs/mali")
                        .resolve(unescape(link.group(1)));
                String changes = get(client, target.toString(), edith);
                Matcher pre = DIFF.matcher(changes);
                assertThat(pre.find()).as("the page shows the changes").isTrue();
                List<String> shown = List.of(unescape(pre.group(1)).split("\n"));

                List<String> old = new ArrayList<>();
                LcsDiff.changes(before, after).forEach(l -> old.add(l.kind() + " " + l.text()));
                // The same removed and added lines as the old diff showed, in as few separate changes or fewer.
                assertThat(shown.stream().filter(l -> l.startsWith("- ") || l.startsWith("+ ")).toList())
                        .containsExactlyInAnyOrderElementsOf(old.stream()
                                .filter(l -> l.startsWith("- ") || l.startsWith("+ ")).toList());
                assertThat(runs(shown)).isLessThanOrEqualTo(runs(old));
                assertThat(shown).anyMatch(l -> l.startsWith("+ ") && l.contains("A new first paragraph."))
                        .anyMatch(l -> l.startsWith("- "));
                // The brief's first lines (its date, the introduction) did not change and are left out, said so.
                assertThat(shown.getFirst()).isEqualTo("… ");
                assertThat(old.getFirst()).doesNotStartWith("…");
            });
        }
    }
}
