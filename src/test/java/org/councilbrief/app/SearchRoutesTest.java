package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Request;
import okhttp3.Response;
import org.councilbrief.SharedData;
import org.councilbrief.account.Accounts;
import org.councilbrief.account.Role;
import org.councilbrief.account.Session;
import org.councilbrief.db.Database;
import org.councilbrief.ingest.ImportOptions;
import org.councilbrief.ingest.Imports;
import org.junit.jupiter.api.Test;

/**
 * The search as a reader uses it on the demo with a meeting record, a press summary, a UPR report and a resolution
 * imported: hits that link to the paragraph on a page that has it, facets that keep the query, the JSON with its
 * cursor, a query that cannot be read answered with the page and a 400, and proposed positions in the workspace only.
 */
class SearchRoutesTest {
    private static final Path DATA = SharedData.root().resolve("data");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HIT = Pattern.compile("<li><h3><a href=\"([^\"]+)\">");

    @Test
    void findsEveryKindOfTextAndLinksEachHitToItsParagraph() throws Exception {
        try (Database database = Database.inMemory("search-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            Imports imports = new Imports(database);
            imports.importFile(DATA.resolve("council-speeches/meetings/SPV.8703.txt"), "meeting-record",
                    new ImportOptions("mali", null, LocalDate.of(2020, 1, 15), null));
            imports.importBytes("sc99999.txt", Files.readAllBytes(Path.of(SearchRoutesTest.class.getResource(
                    "/press/sc99999.txt").toURI())), "press-release", new ImportOptions("mali", null, null, null));
            imports.importFile(DATA.resolve("pages/seed_sources/res2690_2023_text_partial.txt"), "resolution",
                    new ImportOptions(null, null, null, null));
            imports.importFile(DATA.resolve("upr-reports/reports/algeria2008.txt"), "upr-report",
                    new ImportOptions(null, null, null, null));
            new Accounts(database).add("edith", "an editor's long password", Role.EDITOR);
            Session edith = new Accounts(database).login("edith", "an editor's long password");
            WebTest.test(WebServer.create(application), (server, client) -> {
                JsonNode all = awaitComplete(client, "");
                assertThat(all.get("facets").get("kind").findValuesAsText("value")).contains("brief", "speech",
                        "press", "recommendation", "resolution");

                // A speech: the hit links to its speech on the meeting's page, which has that anchor.
                String page = get(client, "/search?q=" + enc("Mali"));
                Matcher hit = HIT.matcher(page);
                assertThat(page).contains("<mark>Mali</mark>").contains("texts found");
                java.util.Set<String> seen = new java.util.HashSet<>();
                while (hit.find()) {
                    seen.add(hit.group(1));
                }
                assertThat(seen).isNotEmpty();
                for (String url : seen) {
                    String[] parts = url.split("#", 2);
                    Response r = client.get("/" + parts[0]);
                    String body = r.body().string();
                    assertThat(r.code()).as(url).isEqualTo(200);
                    if (parts.length == 2) {
                        assertThat(body).as(url).contains("id=\"" + parts[1] + "\"");
                    }
                }

                // Every kind reaches its page and anchor.
                for (String kind : java.util.List.of("brief", "speech", "press", "recommendation", "resolution")) {
                    JsonNode one = json(client, "/api/v1/search?q=&kind=" + kind + "&size=1");
                    String url = one.get("hits").get(0).get("url").asText();
                    String[] parts = url.split("#", 2);
                    String body = get(client, "/" + parts[0]);
                    if (parts.length == 2 || !kind.equals("brief")) {
                        assertThat(body).as(kind + " " + url).contains("id=\"" + parts[1] + "\"");
                    }
                }

                // A facet narrows and keeps the query.
                String narrowed = get(client, "/search?q=" + enc("peace") + "&kind=speech");
                assertThat(narrowed).contains("value=\"peace\"").contains("name=\"kind\" value=\"speech\"");
                assertThat(narrowed).doesNotContain(">Resolution paragraph<");
                JsonNode speeches = json(client, "/api/v1/search?q=peace&kind=speech");
                JsonNode both = json(client, "/api/v1/search?q=peace");
                assertThat(speeches.get("total").asLong()).isPositive()
                        .isLessThan(both.get("total").asLong());

                // The JSON pages with its cursor, and refuses one it did not give.
                JsonNode first = json(client, "/api/v1/search?q=security&limit=2");
                assertThat(first.get("hits")).hasSize(2);
                assertThat(first.get("next").asText()).startsWith("/api/v1/search?q=security&limit=2&cursor=");
                JsonNode second = json(client, first.get("next").asText());
                assertThat(second.get("hits").get(0).get("url").asText())
                        .isNotEqualTo(first.get("hits").get(0).get("url").asText());
                Response bad = client.get("/api/v1/search?q=security&cursor=nonsense!");
                assertThat(bad.code()).isEqualTo(400);
                assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
                assertThat(bad.body().string()).contains("\"status\":400");

                // A query that cannot be read: the page, with what is wrong, and a 400.
                Response broken = client.get("/search?q=" + enc("(peace OR security"));
                assertThat(broken.code()).isEqualTo(400);
                String brokenPage = broken.body().string();
                assertThat(brokenPage).contains("brackets do not match").contains("<form").doesNotContain("Exception");

                // Proposed positions: in the workspace's search, never in the public one.
                JsonNode publicPositions = json(client, "/api/v1/search?q=&kind=position");
                long accepted = database.jdbi().withHandle(h -> h.createQuery("select count(*) from position where"
                        + " status = 'ACCEPTED'").mapTo(Long.class).one());
                assertThat(publicPositions.get("total").asLong()).isEqualTo(accepted);
                String workspace = getAs(client, "/workspace/search?q=&kind=position", edith);
                java.util.regex.Matcher found = java.util.regex.Pattern.compile("([0-9,]+) texts found")
                        .matcher(workspace);
                assertThat(found.find()).as("the workspace's search says how many it found").isTrue();
                long proposed = database.jdbi().withHandle(h -> h.createQuery("select count(*) from position where"
                        + " status <> 'ACCEPTED'").mapTo(Long.class).one());
                assertThat(proposed).isPositive();
                assertThat(Long.parseLong(found.group(1).replace(",", ""))).isEqualTo(accepted + proposed);
                assertThat(client.get("/workspace/search?q=peace").body().string()).contains("Log in");
            });
        }
    }

    /** The answer to {@code q} once the index has been built, waiting up to a minute for it. */
    private static JsonNode awaitComplete(WebClient client, String q) throws Exception {
        long until = System.nanoTime() + 60_000_000_000L;
        while (true) {
            JsonNode node = json(client, "/api/v1/search?q=" + enc(q));
            if (node.get("complete").asBoolean()) {
                return node;
            }
            assertThat(System.nanoTime()).as("index built within a minute").isLessThan(until);
            Thread.sleep(200);
        }
    }

    private static JsonNode json(WebClient client, String path) throws Exception {
        try (Response r = client.get(path)) {
            return JSON.readTree(r.body().string());
        }
    }

    private static String get(WebClient client, String path) throws Exception {
        try (Response r = client.get(path)) {
            assertThat(r.code()).as(path).isEqualTo(200);
            return r.body().string();
        }
    }

    private static String getAs(WebClient client, String path, Session session)
            throws Exception {
        try (Response r = client.request(new Request.Builder().url(client.getOrigin() + path)
                .header("Cookie", "cb_session=" + session.id()).build())) {
            return r.body().string();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
