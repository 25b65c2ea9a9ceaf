package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
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
import org.councilbrief.ingest.ImportOptions;
import org.councilbrief.ingest.Imports;
import org.junit.jupiter.api.Test;

/**
 * Stale briefs on the workspace and in each editor's feed, and the calendar on the public site: a resolution imported
 * after the brief's publication makes it stale and puts its deadline on the calendar; publishing again clears it; an
 * old date makes a brief stale past the office's limit, which an admin sets.
 */
class StaleBriefsRoutesTest {
    private static final String PASSWORD = "a long enough password";
    /** A resolution as its header and first operative paragraph print it. */
    private static final String RESOLUTION = """
            Resolution 2640 (2022)
            Adopted by the Security Council at its 9079th meeting, on 29 June 2022

                 The Security Council,
                 Recalling its previous resolutions on the situation in Mali,
                 Reaffirming its commitment to the sovereignty of Mali,
                 1.   Decides to extend the mandate of MINUSMA until 30 June 2023;
                 2.   Decides to remain seized of the matter.
            """;
    private static final Pattern KEY = Pattern.compile("href=\"(feeds/stale\\.atom\\?key=[0-9a-f]+)\"");

    private static Clock at(String day) {
        return Clock.fixed(Instant.parse(day + "T09:00:00Z"), ZoneOffset.UTC);
    }

    @Test
    void anImportAfterPublicationMakesTheBriefStaleUntilItIsPublishedAgainAndTheFeedSaysSo() throws Exception {
        try (Database database = Database.inMemory("stale-" + System.nanoTime())) {
            Application application = Application.start(database, true, at("2023-06-20"));
            Accounts accounts = application.accounts();
            accounts.add("edith", PASSWORD, Role.EDITOR);
            accounts.add("rita", PASSWORD, Role.REVIEWER);
            Session edith = accounts.login("edith", PASSWORD);
            BriefWorkflow workflow = new BriefWorkflow(database, application.membership());
            int edited = workflow.editItem("mali", 0, "comments-2", "Briefing on Mali", LocalDate.of(2023, 6, 16),
                    "The Council heard a briefing.", "edith");
            workflow.publish("mali", workflow.submit("mali", edited, "edith"), "rita", true);
            WebTest.test(WebServer.create(application, java.time.Duration.ZERO), (server, client) -> {
                String origin = client.getOrigin();
                assertThat(get(client, origin + "/workspace", edith).body()).doesNotContain("Stale:");
                assertThat(get(client, origin + "/", null).body()).contains("Nothing on the calendar in the next 30"
                        + " days.");

                new Imports(database).importBytes("S_RES_2640_2022.txt", RESOLUTION.getBytes(StandardCharsets.UTF_8),
                        "resolution", new ImportOptions(null, null, null));
                String workspace = get(client, origin + "/workspace", edith).body();
                assertThat(workspace).contains("<strong>Stale:</strong> Resolution S/RES/2640 (2022) imported on")
                        .contains("after the brief was last published on")
                        .contains("<a href=\"https://undocs.org/S/RES/2640(2022)\">See S/RES/2640 (2022)</a>");

                // The deadline it sets is on the home page's next 30 days and on the calendar, with its source.
                String home = get(client, origin + "/", null).body();
                assertThat(home).contains("30 June 2023: Mali: The mandate of MINUSMA ends unless renewed")
                        .contains("S/RES/2640 (2022), OP1").contains("href=\"calendar.html\"");
                assertThat(get(client, origin + "/calendar.html", null).body()).contains("<h2>June 2023</h2>")
                        .contains("“until 30 June 2023”").contains("href=\"calendar.ics\"");
                try (Response ics = client.request(new Request.Builder().url(origin + "/calendar.ics").build())) {
                    assertThat(ics.header("Content-Type")).startsWith("text/calendar");
                    assertThat(ics.body().string()).contains("DTSTART;VALUE=DATE:20230630\r\n");
                }

                // The feed: no address, a wrong one and a replaced one give nothing; the current one lists why.
                assertThat(get(client, origin + "/feeds/stale.atom", null).code()).isEqualTo(404);
                assertThat(get(client, origin + "/feeds/stale.atom?key=" + "ab".repeat(24), null).code())
                        .isEqualTo(404);
                String first = feedAddress(client, origin, edith);
                String second = feedAddress(client, origin, edith);
                assertThat(get(client, origin + "/" + first, null).code()).isEqualTo(404);
                Page feed = get(client, origin + "/" + second, null);
                assertThat(feed.code()).isEqualTo(200);
                assertThat(feed.header("Content-Type")).startsWith("application/atom+xml");
                assertThat(feed.body()).contains("<title>Mali: S/RES/2640 (2022)</title>")
                        .contains("Resolution S/RES/2640 (2022) imported on");
                parses(feed.body());

                // Published again: nothing is new since.
                int version = workflow.editItem("mali", workflow.current("mali").version(), "comments-2",
                        "Briefing on Mali", LocalDate.of(2023, 6, 16), "The Council heard a briefing on MINUSMA.",
                        "edith");
                workflow.publish("mali", workflow.submit("mali", version, "edith"), "rita", true);
                assertThat(get(client, origin + "/workspace", edith).body()).doesNotContain("Stale:");
                assertThat(get(client, origin + "/" + second, null).body()).doesNotContain("<entry>");
            });
        }
    }

    @Test
    void behindAReverseProxyTheFeedsLinksLeadToThePublicAddressNotTheServersOwn() throws Exception {
        try (Database database = Database.inMemory("stale-proxy-" + System.nanoTime())) {
            Application application = Application.start(database, true, at("2023-06-20"));
            application.accounts().add("edith", PASSWORD, Role.EDITOR);
            Session edith = application.accounts().login("edith", PASSWORD);
            BriefWorkflow workflow = new BriefWorkflow(database, application.membership());
            int edited = workflow.editItem("mali", 0, "comments-2", "Briefing on Mali", LocalDate.of(2023, 6, 16),
                    "The Council heard a briefing.", "edith");
            workflow.publish("mali", workflow.submit("mali", edited, "edith"), "rita", true);
            new Imports(database).importFile(org.councilbrief.SharedData.root().resolve("data/council-speeches"
                    + "/meetings/SPV.8703.txt"), "meeting-record", new ImportOptions("mali", null,
                    LocalDate.of(2020, 1, 15)));
            WebTest.test(WebServer.create(application, java.time.Duration.ZERO), (server, client) -> {
                String key = feedAddress(client, client.getOrigin(), edith);
                // The proxy serves the site at https://briefs.example.org/cb/ and asks this server under its own
                // name, as a proxy that does not pass the public host on does.
                String body;
                try (Response feed = client.request(new Request.Builder().url(client.getOrigin() + "/" + key)
                        .header("Host", "app-internal:7070").header("X-Forwarded-Proto", "https").build())) {
                    assertThat(feed.code()).isEqualTo(200);
                    body = feed.body().string();
                }
                java.net.URI public_ = java.net.URI.create("https://briefs.example.org/cb/" + key);
                List<String> links = new java.util.ArrayList<>();
                Matcher href = Pattern.compile("<link rel=\"alternate\" href=\"([^\"]+)\"").matcher(body);
                while (href.find()) {
                    links.add(public_.resolve(href.group(1).replace("&amp;", "&")).toString());
                }
                assertThat(links).contains("https://briefs.example.org/cb/workspace",
                        "https://briefs.example.org/cb/workspace/positions?meeting=S%2FPV.8703");
                assertThat(body).doesNotContain("app-internal").doesNotContain("127.0.0.1");
            });
        }
    }

    @Test
    void anOldDateMakesABriefStaleFirstInTheListUntilTheAdminRaisesTheLimit() throws Exception {
        try (Database database = Database.inMemory("stale-age-" + System.nanoTime())) {
            // The demo brief on Mali is dated 11 August 2023; on 1 October it is 51 days old.
            Application application = Application.start(database, true, at("2023-10-01"));
            Accounts accounts = application.accounts();
            accounts.add("ada", PASSWORD, Role.ADMIN);
            accounts.add("edith", PASSWORD, Role.EDITOR);
            Session ada = accounts.login("ada", PASSWORD);
            Session edith = accounts.login("edith", PASSWORD);
            new BriefWorkflow(database, application.membership()).create("chad", "Chad", "TCD",
                    LocalDate.of(2023, 9, 25), "edith");
            WebTest.test(WebServer.create(application, java.time.Duration.ZERO), (server, client) -> {
                String origin = client.getOrigin();
                String page = get(client, origin + "/workspace", edith).body();
                assertThat(page).contains("The brief is dated 11 August 2023, 51 days ago; the office asks for a new"
                        + " date after 30 days.");
                // Mali, stale, comes before Chad, which is not (and comes first by name).
                assertThat(page.indexOf("href=\"workspace/briefs/mali\"")).isLessThan(
                        page.indexOf("href=\"workspace/briefs/chad\""));
                assertThat(page).doesNotContain("name=\"days\""); // only an admin sets the limit

                try (Response refused = post(client, origin + "/workspace", ada, List.of("form", "stale-limit", "days",
                        "soon"))) {
                    assertThat(refused.code()).isEqualTo(400);
                    assertThat(refused.body().string()).contains("role=\"alert\"").contains("The number of days must"
                            + " be a whole number from 1 to 3650.");
                }
                try (Response editor = post(client, origin + "/workspace", edith, List.of("form", "stale-limit",
                        "days", "90"))) {
                    assertThat(editor.code()).isEqualTo(403);
                }
                try (Response set = post(client, origin + "/workspace", ada, List.of("form", "stale-limit", "days",
                        "60"))) {
                    assertThat(set.code()).isEqualTo(200);
                    assertThat(set.body().string()).contains("A brief is now stale when its date is more than 60 days"
                            + " old.").contains("value=\"60\"");
                }
                page = get(client, origin + "/workspace", edith).body();
                assertThat(page).doesNotContain("Stale:");
                assertThat(page.indexOf("href=\"workspace/briefs/chad\"")).isLessThan(
                        page.indexOf("href=\"workspace/briefs/mali\""));
            });
        }
    }

    @Test
    void realRecordsReportsAndResolutionsImportedAfterPublicationAreEachAReason() throws Exception {
        try (Database database = Database.inMemory("stale-real-" + System.nanoTime())) {
            Application application = Application.start(database, true, at("2023-08-20"));
            BriefWorkflow workflow = new BriefWorkflow(database, application.membership());
            int edited = workflow.editItem("mali", 0, "comments-2", "Briefing on Mali", LocalDate.of(2023, 6, 16),
                    "The Council heard a briefing.", "edith");
            workflow.publish("mali", workflow.submit("mali", edited, "edith"), "rita", true);
            org.councilbrief.calendar.CalendarRepository repository =
                    new org.councilbrief.calendar.CalendarRepository(database.jdbi());
            org.councilbrief.calendar.StaleBriefs stale = new org.councilbrief.calendar.StaleBriefs(repository);
            assertThat(stale.reasons(LocalDate.of(2023, 8, 20), 30)).isEmpty();

            Imports imports = new Imports(database);
            java.nio.file.Path data = org.councilbrief.SharedData.root().resolve("data");
            imports.importFile(data.resolve("upr-reports/extra_cycle1/reports/mali2008.txt"), "upr-report",
                    new ImportOptions("mali", null, null));
            imports.importFile(data.resolve("council-speeches/meetings/SPV.8703.txt"), "meeting-record",
                    new ImportOptions("mali", null, LocalDate.of(2020, 1, 15)));
            imports.importFile(data.resolve("pages/seed_sources/res2690_2023_text_partial.txt"), "resolution",
                    new ImportOptions(null, "S/RES/2690 (2023)", null));
            List<org.councilbrief.calendar.StaleBriefs.Reason> reasons = stale.reasons(LocalDate.of(2023, 8, 20), 30)
                    .get("mali");
            assertThat(reasons).extracting(org.councilbrief.calendar.StaleBriefs.Reason::label)
                    .containsExactlyInAnyOrder("UPR review MLI-S2", "S/PV.8703", "S/RES/2690 (2023)");
            assertThat(reasons).filteredOn(r -> r.label().equals("S/PV.8703")).singleElement()
                    .satisfies(r -> assertThat(r.href()).isEqualTo("workspace/positions?meeting=S%2FPV.8703"));
            // The resolution's header gave its adoption; the review is on the calendar with the next one expected.
            assertThat(new org.councilbrief.document.ResolutionRepository(database.jdbi()).find(
                    org.councilbrief.document.Symbols.parse("S/RES/2690 (2023)")).orElseThrow().adopted())
                    .isEqualTo(LocalDate.of(2023, 6, 30));
            assertThat(org.councilbrief.calendar.Calendar.read(repository, java.util.Set.of("mali")).events())
                    .extracting(org.councilbrief.calendar.CalendarEvent::title)
                    .contains("Mali: UPR review (Working Group, session 2)");
        }
    }

    private static void parses(String xml) throws Exception {
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** Makes a new feed address on the workspace, as the button does, and returns it as the page links it. */
    private static String feedAddress(WebClient client, String origin, Session session)
            throws Exception {
        try (Response made = post(client, origin + "/workspace", session, List.of("form", "feed"))) {
            String page = made.body().string();
            assertThat(made.code()).isEqualTo(200);
            assertThat(page).contains("shown only this once");
            Matcher m = KEY.matcher(page);
            assertThat(m.find()).isTrue();
            assertThat(page).contains(origin + "/" + m.group(1));
            return m.group(1);
        }
    }

    record Page(int code, String body, java.util.Map<String, String> headers) {
        String header(String name) {
            return headers.get(name);
        }
    }

    private static Page get(WebClient client, String url, Session session) throws Exception {
        Request.Builder request = new Request.Builder().url(url);
        if (session != null) {
            request.header("Cookie", "cb_session=" + session.id());
        }
        try (Response response = client.request(request.build())) {
            return new Page(response.code(), response.body().string(), java.util.Map.of("Content-Type",
                    String.valueOf(response.header("Content-Type"))));
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
