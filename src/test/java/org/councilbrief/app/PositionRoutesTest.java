package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import java.time.LocalDate;
import java.util.List;
import okhttp3.FormBody;
import okhttp3.Request;
import org.councilbrief.account.Accounts;
import org.councilbrief.account.Role;
import org.councilbrief.account.Session;
import org.councilbrief.audit.ChangeLogRepository;
import org.councilbrief.db.Database;
import org.councilbrief.statement.Act;
import org.councilbrief.statement.Meeting;
import org.councilbrief.statement.Position;
import org.councilbrief.statement.Statement;
import org.councilbrief.statement.StatementRepository;
import org.junit.jupiter.api.Test;

class PositionRoutesTest {
    @Test
    void anEditorCorrectsAndAcceptsAProposalAndAReaderCannot() throws Exception {
        try (Database database = Database.inMemory("positions-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            StatementRepository statements = new StatementRepository(database.jdbi());
            statements.saveMeeting(new Meeting("S/PV.9350", "mali", LocalDate.of(2023, 6, 16), null, null), List.of(
                    new Statement("S/PV.9350", 1, "Mr. X", "FRA", null, null, "We call for justice.")));
            statements.addPositions("S/PV.9350", 1, List.of(new Position("FRA", Act.WELCOMES, "peacekeeping",
                    "We call for justice.", Position.Status.PROPOSED)));
            long id = statements.storedPositions("S/PV.9350").get(0).id();
            Accounts accounts = new Accounts(database);
            accounts.add("edith", "an editor's long password", Role.EDITOR);
            Session session = accounts.login("edith", "an editor's long password");
            JavalinTest.test(WebServer.create(application), (server, client) -> {
                String page = client.request(new Request.Builder().url(client.getOrigin()
                        + "/workspace/positions?meeting=S/PV.9350").header("Cookie", "cb_session=" + session.id())
                        .build()).body().string();
                assertThat(page).contains("We call for justice.").contains("(proposed)");
                assertThat(page).contains("<label for=\"member-" + id + "\">Member</label>")
                        .contains("<option selected>FRA</option>").contains("<option>GBR</option>"); // 2023's Council
                var post = new Request.Builder().url(client.getOrigin() + "/workspace/positions/" + id)
                        .post(new FormBody.Builder().add("_csrf", session.csrfToken()).add("meeting", "S/PV.9350")
                                .add("member", "FRA").add("act", "calls-for").add("theme", "accountability")
                                .add("status", "accepted").build());
                assertThat(client.request(post.build()).code()).isEqualTo(403); // no session cookie
                String done = client.request(post.header("Cookie", "cb_session=" + session.id()).build()).body()
                        .string();
                assertThat(done).contains("Position " + id + " is accepted.");
                // Served at /workspace/positions/{id} now: its forms and links still reach /workspace/….
                assertThat(done).contains("action=\"../positions/" + id + "\"").contains("href=\"../../workspace\"")
                        .contains("action=\"../positions\"");
            });
            // Filters: by member and by status.
            statements.addPositions("S/PV.9350", 1, List.of(new Position("FRA", Act.CONDEMNS, "accountability",
                    "We condemn the attacks.", Position.Status.PROPOSED)));
            JavalinTest.test(WebServer.create(application), (server, client) -> {
                String cookie = "cb_session=" + session.id();
                String proposed = client.request(new Request.Builder().url(client.getOrigin()
                        + "/workspace/positions?meeting=S/PV.9350&status=proposed").header("Cookie", cookie).build())
                        .body().string();
                assertThat(proposed).contains("We condemn the attacks.").doesNotContain("We call for justice.")
                        .contains("1 of 2 positions shown.");
                String none = client.request(new Request.Builder().url(client.getOrigin()
                        + "/workspace/positions?meeting=S/PV.9350&member=GBR").header("Cookie", cookie).build())
                        .body().string();
                assertThat(none).contains("No position of this meeting matches");
            });
            Position stored = statements.storedPositions("S/PV.9350").get(0).position();
            assertThat(stored.act()).isEqualTo(Act.CALLS_FOR);
            assertThat(stored.theme()).isEqualTo("accountability");
            assertThat(stored.status()).isEqualTo(Position.Status.ACCEPTED);
            // Who decided, and what the position was before and after, is kept.
            assertThat(new ChangeLogRepository(database.jdbi()).of("position", String.valueOf(id)))
                    .singleElement().satisfies(c -> {
                        assertThat(c.user()).isEqualTo("edith");
                        assertThat(c.action()).isEqualTo("accepted");
                        assertThat(c.detail()).isEqualTo("FRA welcomes peacekeeping (proposed) -> FRA calls-for"
                                + " accountability (accepted)");
                    });
        }
    }

    @Test
    void theAcceptedPositionsWriteTheMeetingsItemAndAnEditorAddsItToTheBrief() throws Exception {
        try (Database database = Database.inMemory("positions-brief-" + System.nanoTime())) {
            Application application = Application.start(database, true); // the demo brief on Mali
            // The demo brief reports this meeting in item comments-2; without it, the meeting has no comments yet
            // (the brief refuses a second item on one meeting).
            new org.councilbrief.brief.BriefWorkflow(database, application.membership()).removeItem("mali", 0,
                    "comments-2", "edith");
            StatementRepository statements = new StatementRepository(database.jdbi());
            statements.saveMeeting(new Meeting("S/PV.9350", "mali", LocalDate.of(2023, 6, 16), null, "SC/15322"),
                    List.of(new Statement("S/PV.9350", 1, "Mr. X", "FRA", null, null, "We call for accountability."),
                            new Statement("S/PV.9350", 2, "Mr. Y", "GBR", null, null, "We call for accountability."
                                    + " We condemn the attacks on civilians.")));
            statements.addPositions("S/PV.9350", 1, List.of(new Position("FRA", Act.CALLS_FOR, "accountability",
                    "We call for accountability.", Position.Status.ACCEPTED)));
            statements.addPositions("S/PV.9350", 2, List.of(new Position("GBR", Act.CALLS_FOR, "accountability",
                    "We call for accountability.", Position.Status.ACCEPTED), new Position("GBR", Act.CONDEMNS,
                    "protection-of-civilians", "We condemn the attacks on civilians.", Position.Status.PROPOSED)));
            Accounts accounts = new Accounts(database);
            accounts.add("edith", "an editor's long password", Role.EDITOR);
            Session session = accounts.login("edith", "an editor's long password");
            String cookie = "cb_session=" + session.id();
            JavalinTest.test(WebServer.create(application), (server, client) -> {
                String page = client.request(new Request.Builder().url(client.getOrigin()
                        + "/workspace/positions?meeting=S/PV.9350").header("Cookie", cookie).build()).body().string();
                // Only the accepted positions write; the undecided one is counted, not written.
                assertThat(page).contains("<li>France and the UK called for investigations and accountability.</li>")
                        .contains("1 position is still to decide").doesNotContain("condemned")
                        .contains("On 16 June 2023, the Security Council held a meeting on Mali. France and the UK"
                                + " called for investigations and accountability.</textarea>")
                        .contains("S/PV.9350\nSC/15322</textarea>").contains("Add to the brief on Mali");
                java.util.regex.Matcher base = java.util.regex.Pattern.compile(
                        "name=\"base\" value=\"(\\d+)\"").matcher(page);
                assertThat(base.find()).isTrue();

                var add = new Request.Builder().url(client.getOrigin() + "/workspace/briefs/mali/items")
                        .header("Cookie", cookie).post(new FormBody.Builder().add("_csrf", session.csrfToken())
                                .add("base", base.group(1)).add("section", "comments")
                                .add("title", "Security Council meeting on Mali").add("date", "2023-06-16")
                                .add("body", "On 16 June 2023, the Security Council held a meeting on Mali. France"
                                        + " and the UK called for investigations and accountability.")
                                .add("sources", "S/PV.9350\nSC/15322").build()).build();
                var response = client.request(add);
                assertThat(response.code()).isEqualTo(200);
                assertThat(response.body().string()).contains("Security Council meeting on Mali");
            });
            // The item is in the draft's comments section, its member list read as members, so that the key topic
            // names them.
            var brief = new org.councilbrief.brief.BriefWorkflow(database, application.membership()).current("mali")
                    .brief();
            var item = brief.section(org.councilbrief.brief.SectionKind.COMMENTS).items().stream()
                    .filter(i -> i.title().equals("Security Council meeting on Mali")).findFirst().orElseThrow();
            assertThat(item.paragraphs().get(0).segments()).anySatisfy(segment ->
                    assertThat(segment.members()).containsExactlyInAnyOrder("FRA", "GBR"));
            assertThat(item.sources()).extracting(org.councilbrief.brief.Source::symbol)
                    .containsExactly("S/PV.9350", "SC/15322");
        }
    }
}
