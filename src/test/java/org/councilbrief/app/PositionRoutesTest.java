package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
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
    private static final String PASSWORD = "an editor's long password";

    /** The page's forms and links as a browser would follow them: relative to the page's address. */
    private static String get(OkHttpClient client, String url, String cookie) throws Exception {
        try (Response response = client.newCall(new Request.Builder().url(url).header("Cookie", cookie).build())
                .execute()) {
            return response.body().string();
        }
    }

    private static Session editor(Database database) throws Exception {
        Accounts accounts = new Accounts(database);
        accounts.add("edith", PASSWORD, Role.EDITOR);
        return accounts.login("edith", PASSWORD);
    }

    /** The hidden fields and the ids of the first form whose anchor is {@code anchor}, as the page wrote them. */
    private static FormBody.Builder form(String page, String anchor, String status) {
        Matcher m = Pattern.compile("<form method=\"post\" action=\"positions\"[^>]*>(.*?)</form>", Pattern.DOTALL)
                .matcher(page);
        while (m.find()) {
            String form = m.group(1);
            if (!form.contains("name=\"anchor\" value=\"" + anchor + "\"")) {
                continue;
            }
            FormBody.Builder body = new FormBody.Builder();
            Matcher field = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"/>")
                    .matcher(form);
            while (field.find()) {
                body.add(field.group(1), field.group(2).replace("&#47;", "/"));
            }
            return body.add("status", status);
        }
        throw new AssertionError("no form for " + anchor);
    }

    @Test
    void thePageReadsAsTheBriefWillWithNamesNotCodesAndEachQuoteInItsParagraph() throws Exception {
        try (Database database = Database.inMemory("positions-names-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            StatementRepository statements = new StatementRepository(database.jdbi());
            statements.saveMeeting(new Meeting("S/PV.8771", null, LocalDate.of(2020, 10, 19),
                    "The situation in the Central African Republic", null), List.of(
                    new Statement("S/PV.8771", 1, "Mr. de Rivière", "FRA", null, null, "We thank the briefers. "
                            + "Those responsible for crimes must be brought to justice. Elections are near."),
                    new Statement("S/PV.8771", 2, "Mr. Abarry", "NER", null, null, "Impunity must end."),
                    new Statement("S/PV.8771", 3, "Mr. Roscoe", "GBR", null, null, "We remain concerned about"
                            + " hate speech.")));
            statements.addPositions("S/PV.8771", 1, List.of(new Position("FRA", Act.CALLS_FOR, "accountability",
                    "Those responsible for crimes must be brought to justice.", Position.Status.PROPOSED)));
            statements.addPositions("S/PV.8771", 2, List.of(new Position("NER", Act.CALLS_FOR, "accountability",
                    "Impunity must end.", Position.Status.PROPOSED)));
            statements.addPositions("S/PV.8771", 3, List.of(new Position("GBR", Act.EXPRESSES_CONCERN,
                    "hate-speech", "We remain concerned about hate speech.", Position.Status.PROPOSED)));
            Session session = editor(database);
            String cookie = "cb_session=" + session.id();
            WebTest.test(WebServer.create(application), (server, client) -> {
                String page = get(client.getOkHttp(), client.getOrigin() + "/workspace/positions?meeting=S/PV.8771",
                        cookie);
                // One sentence per act and theme, as the brief will write it, under the theme's name.
                assertThat(page).contains("<h2 id=\"t-accountability-h\">Accountability")
                        .contains(">France and Niger called for investigations and accountability.</h3>")
                        .contains("<h2 id=\"t-hate-speech-h\">Hate speech")
                        .contains(">The UK expressed concern about hate speech and disinformation.</h3>");
                assertThat(page).contains("<strong class=\"name\">France</strong>")
                        .contains("<strong class=\"name\">The UK</strong>")
                        .doesNotContain(">FRA<").doesNotContain("expresses-concern</");
                // The quote inside its paragraph, the evidence marked, a link to the speech at it.
                assertThat(page).contains("<blockquote>We thank the briefers. <mark>Those responsible for crimes must"
                        + " be brought to justice.</mark> Elections are near.</blockquote>");
                Matcher link = Pattern.compile("href=\"(speeches\\?meeting=S%2FPV.8771&amp;position=\\d+#evidence)\">"
                        + "Speech 1, Mr. de Rivière \\(France\\)</a>").matcher(page);
                assertThat(link.find()).isTrue();
                String speech = get(client.getOkHttp(), client.getOrigin() + "/workspace/"
                        + link.group(1).replace("&amp;", "&"), cookie);
                assertThat(speech).contains("<h2 id=\"speech-1-h\">1. Mr. de Rivière (France)</h2>")
                        .contains("<mark id=\"evidence\">Those responsible for crimes must be brought to justice."
                                + "</mark>")
                        .contains("href=\"positions?meeting=S%2FPV.8771#s-calls-for-accountability\"");
                // Corrections offer names too.
                assertThat(page).contains("<option value=\"calls-for\" selected>called for</option>")
                        .contains("<option value=\"GBR\">The UK</option>")
                        .contains("<option value=\"hate-speech\" selected>Hate speech</option>");
                // The keys are shown on the page, and htmx comes from the application itself.
                assertThat(page).contains("<kbd>j</kbd> next sentence").contains("<kbd>a</kbd> accept")
                        .contains("src=\"../assets/htmx.min.js?v=");
            });
        }
    }

    @Test
    void aSentenceAMemberAndAQuoteAreEachDecidedInOnePostWithAndWithoutHtmx() throws Exception {
        try (Database database = Database.inMemory("positions-decide-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            StatementRepository statements = new StatementRepository(database.jdbi());
            statements.saveMeeting(new Meeting("S/PV.8771", null, LocalDate.of(2020, 10, 19), null, null), List.of(
                    new Statement("S/PV.8771", 1, "Mr. X", "FRA", null, null, "Justice now. Justice soon."),
                    new Statement("S/PV.8771", 2, "Mr. Y", "NER", null, null, "Justice for victims."),
                    new Statement("S/PV.8771", 3, "Mr. Z", "GBR", null, null, "Justice must be done.")));
            statements.addPositions("S/PV.8771", 1, List.of(
                    new Position("FRA", Act.CALLS_FOR, "accountability", "Justice now.", Position.Status.PROPOSED),
                    new Position("FRA", Act.CALLS_FOR, "accountability", "Justice soon.", Position.Status.PROPOSED)));
            statements.addPositions("S/PV.8771", 2, List.of(new Position("NER", Act.CALLS_FOR, "accountability",
                    "Justice for victims.", Position.Status.PROPOSED)));
            statements.addPositions("S/PV.8771", 3, List.of(new Position("GBR", Act.CALLS_FOR, "accountability",
                    "Justice must be done.", Position.Status.PROPOSED)));
            // Another meeting's position, which no form of this page may decide.
            statements.saveMeeting(new Meeting("S/PV.8770", null, LocalDate.of(2020, 10, 15), null, null), List.of(
                    new Statement("S/PV.8770", 1, "Mr. X", "FRA", null, null, "Justice elsewhere.")));
            statements.addPositions("S/PV.8770", 1, List.of(new Position("FRA", Act.CALLS_FOR, "accountability",
                    "Justice elsewhere.", Position.Status.PROPOSED)));
            long other = statements.storedPositions("S/PV.8770").get(0).id();
            Session session = editor(database);
            String cookie = "cb_session=" + session.id();
            String url = "/workspace/positions?meeting=S/PV.8771";
            WebTest.test(WebServer.create(application), (server, client) -> {
                OkHttpClient noRedirects = client.getOkHttp().newBuilder().followRedirects(false).build();
                String page = get(client.getOkHttp(), client.getOrigin() + url, cookie);
                assertThat(page).contains("4 to decide</strong>, in 1 of the 1 sentence shown");

                // One member (Niger) rejected, without JavaScript: back to the sentence's anchor.
                String niger = page.substring(page.indexOf("<strong class=\"name\">Niger</strong>"));
                Matcher ids = Pattern.compile("name=\"id\" value=\"(\\d+)\"").matcher(niger);
                assertThat(ids.find()).isTrue();
                FormBody.Builder reject = new FormBody.Builder().add("_csrf", session.csrfToken())
                        .add("meeting", "S/PV.8771").add("filterMember", "").add("filterStatus", "")
                        .add("anchor", "s-calls-for-accountability").add("id", ids.group(1))
                        .add("id", String.valueOf(other)).add("status", "rejected");
                try (Response response = noRedirects.newCall(new Request.Builder().url(client.getOrigin()
                        + "/workspace/positions").header("Cookie", cookie).post(reject.build()).build()).execute()) {
                    assertThat(response.code()).isEqualTo(303);
                    assertThat(response.header("Location"))
                            .isEqualTo("positions?meeting=S%2FPV.8771#s-calls-for-accountability");
                }
                assertThat(statements.storedPositions("S/PV.8770").get(0).position().status())
                        .isEqualTo(Position.Status.PROPOSED);

                // The sentence accepted with htmx: its block and the counts come back, not the page.
                page = get(client.getOkHttp(), client.getOrigin() + url, cookie);
                assertThat(page).contains(">France and the UK called for investigations and accountability.</h3>");
                try (Response response = client.getOkHttp().newCall(new Request.Builder().url(client.getOrigin()
                        + "/workspace/positions").header("Cookie", cookie).header("HX-Request", "true")
                        .post(form(page, "s-calls-for-accountability", "accepted").build()).build()).execute()) {
                    String fragment = response.body().string();
                    assertThat(response.code()).isEqualTo(200);
                    assertThat(fragment).startsWith("<article id=\"s-calls-for-accountability\"")
                            .doesNotContain("<html").doesNotContain("<h1")
                            .contains("<div id=\"summary\" hx-swap-oob=\"innerHTML\">")
                            .contains("3 positions accepted.")
                            .contains("<section id=\"for-the-brief\" aria-labelledby=\"comments-heading\""
                                    + " hx-swap-oob=\"true\">")
                            .contains("<li>France and the UK called for investigations and accountability.</li>");
                }
                // One quote rejected: only that position changes.
                page = get(client.getOkHttp(), client.getOrigin() + url, cookie);
                String quote = page.substring(page.indexOf("<mark>Justice soon.</mark>"));
                Matcher id = Pattern.compile("name=\"id\" value=\"(\\d+)\"").matcher(quote);
                assertThat(id.find()).isTrue();
                try (Response response = noRedirects.newCall(new Request.Builder().url(client.getOrigin()
                        + "/workspace/positions").header("Cookie", cookie).post(new FormBody.Builder()
                        .add("_csrf", session.csrfToken()).add("meeting", "S/PV.8771")
                        .add("anchor", "s-calls-for-accountability").add("id", id.group(1))
                        .add("status", "rejected").build()).build()).execute()) {
                    assertThat(response.code()).isEqualTo(303);
                }
                // A decision without the form's token is refused.
                try (Response response = noRedirects.newCall(new Request.Builder().url(client.getOrigin()
                        + "/workspace/positions").header("Cookie", cookie).post(new FormBody.Builder()
                        .add("meeting", "S/PV.8771").add("id", id.group(1)).add("status", "accepted").build())
                        .build()).execute()) {
                    assertThat(response.code()).isEqualTo(403);
                }
            });
            assertThat(statements.storedPositions("S/PV.8771")).extracting(p -> p.position().evidence() + " "
                    + p.position().status()).containsExactly("Justice now. ACCEPTED", "Justice soon. REJECTED",
                    "Justice for victims. REJECTED", "Justice must be done. ACCEPTED");
            long first = statements.storedPositions("S/PV.8771").get(0).id();
            assertThat(new ChangeLogRepository(database.jdbi()).of("position", String.valueOf(first)))
                    .singleElement().satisfies(c -> {
                        assertThat(c.user()).isEqualTo("edith");
                        assertThat(c.detail()).isEqualTo("FRA calls-for accountability (proposed) -> FRA calls-for"
                                + " accountability (accepted)");
                    });
        }
    }

    @Test
    void anEditorCorrectsAProposalAndComesBackToItsNewSentence() throws Exception {
        try (Database database = Database.inMemory("positions-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            StatementRepository statements = new StatementRepository(database.jdbi());
            statements.saveMeeting(new Meeting("S/PV.9350", "mali", LocalDate.of(2023, 6, 16), null, null), List.of(
                    new Statement("S/PV.9350", 1, "Mr. X", "FRA", null, null, "We call for justice.")));
            statements.addPositions("S/PV.9350", 1, List.of(new Position("FRA", Act.WELCOMES, "peacekeeping",
                    "We call for justice.", Position.Status.PROPOSED)));
            long id = statements.storedPositions("S/PV.9350").get(0).id();
            Session session = editor(database);
            WebTest.test(WebServer.create(application), (server, client) -> {
                String page = get(client.getOkHttp(), client.getOrigin() + "/workspace/positions?meeting=S/PV.9350",
                        "cb_session=" + session.id());
                assertThat(page).contains(">France welcomed the work of the peacekeeping mission.</h3>")
                        .contains("<label for=\"member-" + id + "\">Member</label>")
                        .contains("<option value=\"FRA\" selected>France</option>")
                        .contains("<option value=\"GBR\">The UK</option>"); // 2023's Council
                var post = new Request.Builder().url(client.getOrigin() + "/workspace/positions/" + id)
                        .post(new FormBody.Builder().add("_csrf", session.csrfToken()).add("meeting", "S/PV.9350")
                                .add("member", "FRA").add("act", "calls-for").add("theme", "accountability")
                                .add("status", "accepted").build());
                assertThat(client.request(post.build()).code()).isEqualTo(403); // no session cookie
                OkHttpClient noRedirects = client.getOkHttp().newBuilder().followRedirects(false).build();
                try (Response done = noRedirects.newCall(post.header("Cookie", "cb_session=" + session.id()).build())
                        .execute()) {
                    assertThat(done.code()).isEqualTo(303);
                    assertThat(done.header("Location"))
                            .isEqualTo("../positions?meeting=S%2FPV.9350#s-calls-for-accountability");
                }
                String after = get(client.getOkHttp(), client.getOrigin() + "/workspace/positions?meeting=S/PV.9350",
                        "cb_session=" + session.id());
                assertThat(after).contains("<article id=\"s-calls-for-accountability\" class=\"sentence accepted\"")
                        .doesNotContain("welcomed the work of the peacekeeping mission");
            });
            Position stored = statements.storedPositions("S/PV.9350").get(0).position();
            assertThat(stored.act()).isEqualTo(Act.CALLS_FOR);
            assertThat(stored.theme()).isEqualTo("accountability");
            assertThat(stored.status()).isEqualTo(Position.Status.ACCEPTED);
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
    void theMeetingIsChosenFromTheImportedOnesOrTypedAsPeopleWriteIt() throws Exception {
        try (Database database = Database.inMemory("positions-choose-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            StatementRepository statements = new StatementRepository(database.jdbi());
            statements.saveMeeting(new Meeting("S/PV.8703", "mali", LocalDate.of(2020, 1, 15), null, null),
                    List.of(new Statement("S/PV.8703", 1, "Mr. X", "FRA", null, null, "Justice now.")));
            statements.addPositions("S/PV.8703", 1, List.of(new Position("FRA", Act.CALLS_FOR, "accountability",
                    "Justice now.", Position.Status.PROPOSED)));
            statements.saveMeeting(new Meeting("S/PV.8771", null, LocalDate.of(2020, 10, 19),
                    "The situation in the Central African Republic", null), List.of());
            Session session = editor(database);
            String cookie = "cb_session=" + session.id();
            WebTest.test(WebServer.create(application), (server, client) -> {
                String page = get(client.getOkHttp(), client.getOrigin() + "/workspace/positions", cookie);
                // Newest first, each with its symbol, date and what it was about.
                assertThat(page).contains("<option value=\"S/PV.8771\">S/PV.8771 · 19 October 2020 · The situation in"
                        + " the Central African Republic (0 positions)</option><option value=\"S/PV.8703\">S/PV.8703"
                        + " · 15 January 2020 · Mali (1 position, 1 to decide)</option>");
                for (String typed : List.of("SPV.8703", "s/pv.8703", "S/PV.8703", "8703", "S_PV_8703")) {
                    String found = get(client.getOkHttp(), client.getOrigin() + "/workspace/positions?symbol="
                            + java.net.URLEncoder.encode(typed, "UTF-8"), cookie);
                    assertThat(found).as(typed).contains("<h1>Positions at S/PV.8703</h1>")
                            .contains("<option value=\"S/PV.8703\" selected>");
                }
                String unknown = get(client.getOkHttp(), client.getOrigin() + "/workspace/positions?symbol=SPV.9999",
                        cookie);
                assertThat(unknown).contains("No meeting S/PV.9999 has been imported. Choose one from the list, or"
                        + " import its record on the import page.").contains("value=\"SPV.9999\"");
                String wrong = get(client.getOkHttp(), client.getOrigin() + "/workspace/positions?symbol=Mali",
                        cookie);
                assertThat(wrong).contains("“Mali” is not a meeting record's symbol.").contains("value=\"Mali\"");
            });
        }
    }

    @Test
    void theAcceptedPositionsWriteTheMeetingsItemWhichTheBriefGetsOnce() throws Exception {
        try (Database database = Database.inMemory("positions-brief-" + System.nanoTime())) {
            Application application = Application.start(database, true); // the demo brief on Mali
            StatementRepository statements = new StatementRepository(database.jdbi());
            statements.saveMeeting(new Meeting("S/PV.9340", "mali", LocalDate.of(2023, 6, 5), null, "SC/15300"),
                    List.of(new Statement("S/PV.9340", 1, "Mr. X", "FRA", null, null, "We call for accountability."),
                            new Statement("S/PV.9340", 2, "Mr. Y", "GBR", null, null, "We call for accountability."
                                    + " We condemn the attacks on civilians.")));
            statements.addPositions("S/PV.9340", 1, List.of(new Position("FRA", Act.CALLS_FOR, "accountability",
                    "We call for accountability.", Position.Status.ACCEPTED)));
            statements.addPositions("S/PV.9340", 2, List.of(new Position("GBR", Act.CALLS_FOR, "accountability",
                    "We call for accountability.", Position.Status.ACCEPTED), new Position("GBR", Act.CONDEMNS,
                    "protection-of-civilians", "We condemn the attacks on civilians.", Position.Status.PROPOSED)));
            Session session = editor(database);
            String cookie = "cb_session=" + session.id();
            WebTest.test(WebServer.create(application), (server, client) -> {
                String page = get(client.getOkHttp(), client.getOrigin() + "/workspace/positions?meeting=S/PV.9340",
                        cookie);
                // Only the accepted positions write; the undecided one is counted, not written.
                String brief = page.substring(page.indexOf("<section id=\"for-the-brief\""));
                assertThat(brief).contains("<li>France and the UK called for investigations and accountability.</li>")
                        .contains("1 position is still to decide").doesNotContain("condemned")
                        .contains("On 5 June 2023, the Security Council held a meeting on Mali. France and the UK"
                                + " called for investigations and accountability.</textarea>")
                        .contains("S/PV.9340\nSC/15300</textarea>").contains("Add to the brief on Mali")
                        // the form names the meeting, the key by which the brief knows the item is there
                        .contains("<input type=\"hidden\" name=\"meeting\" value=\"S/PV.9340\"/>");
                Matcher base = Pattern.compile("name=\"base\" value=\"(\\d+)\"").matcher(brief);
                assertThat(base.find()).isTrue();
                var add = new Request.Builder().url(client.getOrigin() + "/workspace/briefs/mali/items")
                        .header("Cookie", cookie).post(new FormBody.Builder().add("_csrf", session.csrfToken())
                                .add("base", base.group(1)).add("section", "comments").add("meeting", "S/PV.9340")
                                .add("title", "Security Council meeting on Mali").add("date", "2023-06-05")
                                .add("body", "On 5 June 2023, the Security Council held a meeting on Mali. France"
                                        + " and the UK called for investigations and accountability.")
                                .add("sources", "S/PV.9340\nSC/15300").build()).build();
                var response = client.request(add);
                assertThat(response.code()).isEqualTo(200);
                assertThat(response.body().string()).contains("Security Council meeting on Mali");
                // Back on the positions page, the item is there: no second button, a link to it instead.
                String again = get(client.getOkHttp(), client.getOrigin() + "/workspace/positions?meeting=S/PV.9340",
                        cookie);
                assertThat(again).doesNotContain("Add to the brief on Mali")
                        .containsPattern("This meeting's item is in the brief on Mali: <a href=\"briefs/mali\\?item="
                                + "comments-\\d+\">Security Council meeting on Mali</a>");
                // A meeting the demo brief already reports (S/PV.9350, its item written by hand) says so as well.
                statements.saveMeeting(new Meeting("S/PV.9350", "mali", LocalDate.of(2023, 6, 16), null, null),
                        List.of(new Statement("S/PV.9350", 1, "Mr. X", "FRA", null, null, "Justice.")));
                statements.addPositions("S/PV.9350", 1, List.of(new Position("FRA", Act.CALLS_FOR, "accountability",
                        "Justice.", Position.Status.ACCEPTED)));
                assertThat(get(client.getOkHttp(), client.getOrigin() + "/workspace/positions?meeting=S/PV.9350",
                        cookie)).contains("<a href=\"briefs/mali?item=comments-2\">Council meeting at which Mali asked"
                                + " MINUSMA to leave</a>");
            });
            var brief = new org.councilbrief.brief.BriefWorkflow(database, application.membership()).current("mali")
                    .brief();
            var items = brief.section(org.councilbrief.brief.SectionKind.COMMENTS).items().stream()
                    .filter(i -> i.title().equals("Security Council meeting on Mali")).toList();
            assertThat(items).singleElement().satisfies(item -> {
                assertThat(item.paragraphs().get(0).segments()).anySatisfy(segment ->
                        assertThat(segment.members()).containsExactlyInAnyOrder("FRA", "GBR"));
                assertThat(item.sources()).extracting(org.councilbrief.brief.Source::symbol)
                        .containsExactly("S/PV.9340", "SC/15300");
            });
        }
    }

    @Test
    void aMeetingImportedWithoutASituationIsPutOnABriefFromThePage() throws Exception {
        try (Database database = Database.inMemory("positions-situation-" + System.nanoTime())) {
            Application application = Application.start(database, true); // the demo brief on Mali
            StatementRepository statements = new StatementRepository(database.jdbi());
            statements.saveMeeting(new Meeting("S/PV.9341", null, LocalDate.of(2023, 6, 6), null, null),
                    List.of(new Statement("S/PV.9341", 1, "Mr. X", "FRA", null, null, "We call for accountability.")));
            statements.addPositions("S/PV.9341", 1, List.of(new Position("FRA", Act.CALLS_FOR, "accountability",
                    "We call for accountability.", Position.Status.ACCEPTED)));
            Session session = editor(database);
            String cookie = "cb_session=" + session.id();
            WebTest.test(WebServer.create(application), (server, client) -> {
                String url = client.getOrigin() + "/workspace/positions?meeting=S/PV.9341";
                String page = get(client.getOkHttp(), url, cookie);
                assertThat(page).contains("This meeting is on no situation with a brief yet.")
                        .contains("<option value=\"mali\">Mali</option>").doesNotContain("Add to the brief");
                Matcher action = Pattern.compile("action=\"([^\"]*meetings/situation)\"").matcher(page);
                assertThat(action.find()).isTrue();
                // The form's action resolves against the page's address, as a browser resolves it.
                String target = java.net.URI.create(url).resolve(action.group(1)).toString();
                var refused = new Request.Builder().url(target).header("Cookie", cookie).post(new FormBody.Builder()
                        .add("_csrf", session.csrfToken()).add("meeting", "S/PV.9341").add("situation", "atlantis")
                        .build()).build();
                try (Response r = client.request(refused)) {
                    assertThat(r.code()).isEqualTo(400);
                }
                assertThat(statements.findMeeting("S/PV.9341").orElseThrow().situation()).isNull();
                var put = new Request.Builder().url(target).header("Cookie", cookie).post(new FormBody.Builder()
                        .add("_csrf", session.csrfToken()).add("meeting", "S/PV.9341").add("situation", "mali")
                        .build()).build();
                try (Response r = client.request(put)) {
                    assertThat(r.code()).isEqualTo(200); // followed to the positions page
                    assertThat(r.body().string()).contains("Add to the brief on Mali");
                }
                assertThat(statements.findMeeting("S/PV.9341").orElseThrow().situation()).isEqualTo("mali");
            });
        }
    }

    @Test
    void htmxAndThePagesKeysAreServedFromTheApplicationAndKeptByBrowsers() throws Exception {
        try (Database database = Database.inMemory("positions-assets-" + System.nanoTime())) {
            WebTest.test(WebServer.create(Application.start(database, true)), (server, client) -> {
                try (Response htmx = client.get("/assets/htmx.min.js")) {
                    assertThat(htmx.code()).isEqualTo(200);
                    assertThat(htmx.header("Content-Type")).startsWith("text/javascript");
                    assertThat(htmx.header("Cache-Control")).contains("max-age=31536000");
                    assertThat(htmx.body().string()).contains("htmx").hasSizeGreaterThan(40_000);
                }
                try (Response keys = client.get("/assets/positions.js")) {
                    assertThat(keys.code()).isEqualTo(200);
                    assertThat(keys.body().string()).contains("nextUndecided");
                }
            });
        }
    }
}
