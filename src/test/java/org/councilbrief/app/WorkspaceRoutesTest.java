package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import okhttp3.FormBody;
import okhttp3.Request;
import okhttp3.Response;
import org.councilbrief.account.Accounts;
import org.councilbrief.account.Role;
import org.councilbrief.account.Session;
import org.councilbrief.brief.BriefWorkflow;
import org.councilbrief.brief.Item;
import org.councilbrief.brief.SectionKind;
import org.councilbrief.db.Database;
import org.junit.jupiter.api.Test;

/** The workspace's forms for items, the situation and its planned meetings, and the activity page. */
class WorkspaceRoutesTest {
    private static final String PASSWORD = "an editor's long password";

    @Test
    void anEditorEditsEveryFieldOfAnItemPlansAMeetingAndEveryChangeIsListed() throws Exception {
        try (Database database = Database.inMemory("workspace-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            Accounts accounts = new Accounts(database);
            accounts.add("ada", "an admin's long password", Role.ADMIN);
            Session admin = accounts.login("ada", "an admin's long password");
            BriefWorkflow workflow = new BriefWorkflow(database, application.membership());
            WebTest.test(WebServer.create(application), (server, client) -> {
                String origin = client.getOrigin();
                // The admin creates an editor on the page; the editor logs in.
                assertThat(post(client, origin + "/workspace/users", admin, List.of("username", "edith",
                        "password", PASSWORD, "role", "editor")).code()).isEqualTo(200);
                Session edith = accounts.login("edith", PASSWORD);

                String form = get(client, origin + "/workspace/briefs/mali?item=consider-1", edith);
                assertThat(form).contains("name=\"subHeading\"").contains("name=\"sources\"")
                        .contains("<option value=\"consider\" selected>");
                try (Response saved = post(client, origin + "/workspace/briefs/mali/items/consider-1", edith,
                        List.of("base", "0", "section", "familiar", "title", "HRW statement", "date", "2023-07-24",
                                "subHeading", "Civil society", "body", "Human Rights Watch reported abuses.",
                                "sources", "https://www.hrw.org/news/2023/07/24/mali\nS/2023/638, para 12"))) {
                    assertThat(saved.code()).isEqualTo(200); // followed the redirect to the brief's page
                }
                Item moved = workflow.current("mali").brief().section(SectionKind.FAMILIAR).items().getLast();
                assertThat(moved.title()).isEqualTo("HRW statement");
                assertThat(moved.subHeading()).isEqualTo("Civil society");
                assertThat(moved.sources()).extracting(s -> s.symbol() + " " + s.paragraph() + " " + s.url())
                        .containsExactly("null null https://www.hrw.org/news/2023/07/24/mali",
                                "S/2023/638 para 12 null");
                int version = workflow.current("mali").version();

                // A bad source is refused with the reason, and the text typed is still there; the page shown at the
                // address the form was sent to still sends its forms to the right places.
                try (Response bad = post(client, origin + "/workspace/briefs/mali/items/" + moved.id(), edith,
                        List.of("base", String.valueOf(version), "title", "T", "date", "2023-07-24", "body",
                                "Text kept.", "sources", "not a symbol"))) {
                    assertThat(bad.code()).isEqualTo(400);
                    String page = bad.body().string();
                    assertThat(page).contains("role=\"alert\"").contains("Text kept.");
                    java.util.regex.Matcher action = java.util.regex.Pattern.compile("action=\"([^\"]*/items/"
                            + moved.id() + ")\"").matcher(page);
                    assertThat(action.find()).isTrue();
                    assertThat(bad.request().url().resolve(action.group(1)).encodedPath())
                            .isEqualTo("/workspace/briefs/mali/items/" + moved.id());
                }
                // Removing an item goes back to the brief's page.
                workflow.addItem("mali", version, SectionKind.CONSIDER, "To remove", java.time.LocalDate.of(2023, 7,
                        1), null, "A text.", "S/PV.9350", "edith");
                String last = workflow.current("mali").brief().section(SectionKind.CONSIDER).items().getLast().id();
                try (Response removed = post(client, origin + "/workspace/briefs/mali/items/" + last + "/remove",
                        edith, List.of("base", String.valueOf(version + 1)))) {
                    assertThat(removed.request().url().encodedPath()).isEqualTo("/workspace/briefs/mali");
                }
                assertThat(workflow.current("mali").brief().section(SectionKind.CONSIDER).items())
                        .extracting(Item::id).doesNotContain(last);
                version = workflow.current("mali").version();

                // A member list typed out of a brief's order is saved in order, and the editor is told.
                try (Response added = post(client, origin + "/workspace/briefs/mali/items", edith, List.of("base",
                        String.valueOf(version), "section", "comments", "title", "Meeting", "date", "2023-06-16",
                        "body", "The US and France called for accountability.", "sources", "S/PV.9351"))) {
                    assertThat(added.code()).isEqualTo(200);
                    assertThat(added.body().string()).contains("role=\"status\"").contains("Saved.")
                            .contains("Saved. Note: the member list 'The US and France' is not in a brief's order");
                }
                Item listed = workflow.current("mali").brief().section(SectionKind.COMMENTS).items().getLast();
                assertThat(listed.paragraphs().get(0).segments().get(0).members()).containsExactlyInAnyOrder("FRA",
                        "USA");
                var view = application.composer().compose(workflow.current("mali").brief());
                assertThat(view.sections().stream().flatMap(sec -> sec.blocks().stream())
                        .flatMap(b -> b.paragraphs().stream()).map(p -> p.text()))
                        .contains("France and the US called for accountability.");
                version = workflow.current("mali").version();

                // The Up button moves an item before the one above it.
                List<String> order = workflow.current("mali").brief().section(SectionKind.FAMILIAR).items().stream()
                        .map(Item::id).toList();
                String lastFamiliar = order.getLast();
                try (Response up = post(client, origin + "/workspace/briefs/mali/items/" + lastFamiliar + "/move",
                        edith, List.of("base", String.valueOf(version), "direction", "up"))) {
                    assertThat(up.request().url().encodedPath()).isEqualTo("/workspace/briefs/mali");
                }
                assertThat(workflow.current("mali").brief().section(SectionKind.FAMILIAR).items()).extracting(Item::id)
                        .endsWith(lastFamiliar, order.get(order.size() - 2));
                version = workflow.current("mali").version();

                // A planned meeting shows on the home page as the next known meeting; removing it takes it away.
                assertThat(get(client, origin + "/", null)).contains("next known meeting: none known");
                try (Response planned = post(client, origin + "/workspace/briefs/mali/meetings", edith, List.of(
                        "base", String.valueOf(version), "date", "2099-03-02", "title", "Briefing on Mali",
                        "source", "S/2026/1"))) {
                    assertThat(planned.code()).isEqualTo(200);
                }
                assertThat(get(client, origin + "/", null)).contains("next known meeting: 2 March 2099, Briefing on"
                        + " Mali");
                try (Response badSource = post(client, origin + "/workspace/briefs/mali/meetings", edith, List.of(
                        "base", String.valueOf(version), "date", "2099-04-01", "title", "T", "source",
                        "javascript:alert(1)"))) {
                    assertThat(badSource.code()).isEqualTo(400);
                }
                long meeting = new org.councilbrief.situation.SituationRepository(database.jdbi()).planned("mali")
                        .get(0).id();
                try (Response removed = post(client, origin + "/workspace/briefs/mali/meetings/" + meeting + "/remove",
                        edith, List.of("base", String.valueOf(version)))) {
                    assertThat(removed.code()).isEqualTo(200);
                    assertThat(removed.request().url().encodedPath()).isEqualTo("/workspace/briefs/mali");
                }
                assertThat(get(client, origin + "/", null)).contains("next known meeting: none known");

                // The situation renamed: a new draft, the public keeps the published name until it is published.
                try (Response renamed = post(client, origin + "/workspace/briefs/mali/situation", edith, List.of(
                        "base", String.valueOf(version), "name", "Mali (Republic of)", "state", "Mali", "intro",
                        "A new introduction."))) {
                    assertThat(renamed.request().url().encodedPath()).isEqualTo("/workspace/briefs/mali");
                }
                assertThat(workflow.current("mali").brief().intro()).containsExactly("A new introduction.");
                assertThat(workflow.current("mali").brief().situationName()).isEqualTo("Mali (Republic of)");
                assertThat(get(client, origin + "/briefs/mali", null)).doesNotContain("Mali (Republic of)");
                assertThat(get(client, origin + "/", null)).doesNotContain("Mali (Republic of)");
                assertThat(get(client, origin + "/feed.atom", null)).doesNotContain("Mali (Republic of)");

                // An editor may not publish: refused with 403, and the reason shown.
                try (Response refused = post(client, origin + "/workspace/briefs/mali/publish", edith, List.of("base",
                        String.valueOf(workflow.current("mali").version())))) {
                    assertThat(refused.code()).isEqualTo(403);
                    assertThat(refused.body().string()).containsIgnoringCase("only a reviewer or an admin publishes");
                }

                // Readers do not see the activity; editors see every change with who made it.
                assertThat(get(client, origin + "/workspace/activity", null)).contains("Log in");
                String activity = get(client, origin + "/workspace/activity", edith);
                assertThat(activity).contains("user edith created").contains("role editor")
                        .contains("planned-meeting " + meeting + " planned").contains("planned-meeting " + meeting
                                + " removed")
                        .contains("edited item consider-1, moved to familiar as " + moved.id())
                        .contains("named the situation Mali (Republic of) (MLI); new introduction")
                        .contains("moved item " + lastFamiliar + " up");
                assertThat(activity.indexOf("named the situation")).isLessThan(activity.indexOf("edited item"));
            });
        }
    }

    private static String get(WebClient client, String url, Session session) throws Exception {
        Request.Builder request = new Request.Builder().url(url);
        if (session != null) {
            request.header("Cookie", "cb_session=" + session.id());
        }
        try (Response response = client.request(request.build())) {
            return response.body().string();
        }
    }

    private static Response post(WebClient client, String url, Session session,
            List<String> fields) {
        FormBody.Builder form = new FormBody.Builder().add("_csrf", session.csrfToken());
        for (int i = 0; i < fields.size(); i += 2) {
            form.add(fields.get(i), fields.get(i + 1));
        }
        return client.request(new Request.Builder().url(url).header("Cookie", "cb_session=" + session.id())
                .post(form.build()).build());
    }
}
