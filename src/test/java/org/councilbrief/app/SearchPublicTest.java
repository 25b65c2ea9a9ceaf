package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.councilbrief.account.Accounts;
import org.councilbrief.account.Role;
import org.councilbrief.account.Session;
import org.councilbrief.db.Database;
import org.councilbrief.situation.Situation;
import org.councilbrief.situation.SituationRepository;
import org.councilbrief.statement.Position;
import org.councilbrief.statement.StatementRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public search shows what the public site shows, on the API's data (the demo, Mali's and Lithuania's UPR reports,
 * a meeting record on Mali with positions decided): no accepted position of a state that did not sit on the Council
 * that day, facet counts included; a recommendation under every situation on its state; a member named as the exports
 * name it; and the JSON paged as every other collection of the API.
 */
class SearchPublicTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private static Database database;
    private static Application application;
    private static long acceptedOutsider;
    private static String outsider;
    private static Session edith;

    @BeforeAll
    static void load() throws Exception {
        database = Database.open("jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_DELAY=0");
        application = ApiData.load(database);
        // A second situation on Mali: its reviews concern both.
        new SituationRepository(database.jdbi()).save(new Situation("sahel-mali", "Mali and the Sahel", "MLI"));
        // An editor accepts a quote of a state that spoke at the meeting without sitting on the Council.
        StatementRepository statements = new StatementRepository(database.jdbi());
        Set<String> council = application.membership().on(ApiData.MEETING_DAY).codes();
        var position = statements.storedPositions("S/PV.8703").stream()
                .filter(p -> !council.contains(p.position().stateCode())).findFirst().orElseThrow();
        statements.review(position.id(), Position.Status.ACCEPTED, null, null, "edith");
        acceptedOutsider = position.id();
        outsider = position.position().stateCode();
        new Accounts(database).add("edith", "an editor's long password", Role.EDITOR);
        edith = new Accounts(database).login("edith", "an editor's long password");
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void publicSearchHidesPositionsOfStatesNotOnTheCouncilThatDayFacetsIncluded() throws Exception {
        Set<String> council = application.membership().on(ApiData.MEETING_DAY).codes();
        long shown = new StatementRepository(database.jdbi()).storedPositions("S/PV.8703").stream()
                .filter(p -> p.position().status() == Position.Status.ACCEPTED
                        && council.contains(p.position().stateCode())).count();
        assertThat(shown).isPositive();
        WebTest.test(WebServer.create(application), (server, client) -> {
            awaitComplete(client);
            JsonNode positions = get(client, "/api/v1/search?q=&kind=position&limit=50");
            assertThat(positions.get("total").asLong()).isEqualTo(shown);
            assertThat(positions.get("hits").findValuesAsText("members")).doesNotContain(outsider);
            positions.get("hits").forEach(h -> assertThat(h.get("members").get(0).asText()).isIn(council));
            List<String> memberFacet = positions.get("facets").get("member").findValuesAsText("value");
            assertThat(memberFacet).isNotEmpty().doesNotContain(outsider);
            assertThat(get(client, "/api/v1/search?q=&kind=position&member=" + outsider).get("total").asLong())
                    .isZero();
            JsonNode everything = get(client, "/api/v1/search?q=&limit=1");
            long positionCount = 0;
            for (JsonNode kind : everything.get("facets").get("kind")) {
                if (kind.get("value").asText().equals("position")) {
                    positionCount = kind.get("count").asLong();
                }
            }
            assertThat(positionCount).as("the kind facet counts the positions shown").isEqualTo(shown);
            String page = client.get("/search?q=&kind=position").body().string();
            assertThat(page).contains(shown + " texts found");
            // The workspace still finds the accepted quote.
            String workspace = client.request(new okhttp3.Request.Builder().url(client.getOrigin()
                    + "/workspace/search?q=&kind=position&member=" + outsider).header("Cookie", "cb_session="
                    + edith.id()).build()).body().string();
            assertThat(workspace).contains("texts found").doesNotContain("No text found");
        });
        assertThat(acceptedOutsider).isPositive();
    }

    @Test
    void aRecommendationIsFoundUnderEverySituationOnItsState() throws Exception {
        long reviewed = database.jdbi().withHandle(h -> h.createQuery("select count(*) from upr_recommendation r"
                + " join upr_review v on v.id = r.review_id where v.state_under_review = 'MLI'").mapTo(Long.class)
                .one());
        assertThat(reviewed).isPositive();
        WebTest.test(WebServer.create(application), (server, client) -> {
            awaitComplete(client);
            for (String situation : List.of("mali", "sahel-mali")) {
                JsonNode found = get(client, "/api/v1/search?q=&kind=recommendation&situation=" + situation);
                assertThat(found.get("total").asLong()).as(situation).isEqualTo(reviewed);
            }
            JsonNode all = get(client, "/api/v1/search?q=&kind=recommendation&member=FRA");
            long french = all.get("total").asLong();
            assertThat(french).isPositive();
            JsonNode facet = all.get("facets").get("situation");
            assertThat(facet.findValuesAsText("value")).contains("mali", "sahel-mali");
            long mali = 0;
            long sahel = 0;
            for (JsonNode v : facet) {
                mali += v.get("value").asText().equals("mali") ? v.get("count").asLong() : 0;
                sahel += v.get("value").asText().equals("sahel-mali") ? v.get("count").asLong() : 0;
            }
            assertThat(mali).isPositive().isEqualTo(sahel);
            JsonNode hit = get(client, "/api/v1/search?q=&kind=recommendation&situation=sahel-mali&limit=1")
                    .get("hits").get(0);
            List<String> situations = new ArrayList<>();
            hit.get("situations").forEach(s -> situations.add(s.asText()));
            assertThat(situations).containsExactlyInAnyOrder("mali", "sahel-mali");
            String page = client.get("/search?q=&kind=recommendation&situation=sahel-mali").body().string();
            assertThat(page).contains("Mali and the Sahel");
        });
    }

    @Test
    void aMemberIsTakenByItsNameAsTheExportsTakeIt() throws Exception {
        WebTest.test(WebServer.create(application), (server, client) -> {
            awaitComplete(client);
            JsonNode byCode = get(client, "/api/v1/search?q=&member=FRA");
            assertThat(byCode.get("total").asLong()).isPositive();
            for (String name : List.of("France", "france", "fra")) {
                JsonNode byName = get(client, "/api/v1/search?q=&member=" + enc(name));
                assertThat(byName.get("total").asLong()).as(name).isEqualTo(byCode.get("total").asLong());
                assertThat(byName.get("filters").get("member").asText()).isEqualTo("FRA");
            }
            assertThat(get(client, "/api/v1/search?q=&member=" + enc("the United Kingdom")).get("total").asLong())
                    .isEqualTo(get(client, "/api/v1/search?q=&member=GBR").get("total").asLong()).isPositive();
            problem(client, "/api/v1/search?q=&member=Atlantis", "'Atlantis' is not a state: give its ISO code"
                    + " (such as FRA) or its name");
            okhttp3.Response page = client.get("/search?q=torture&member=" + enc("France"));
            String html = page.body().string();
            assertThat(page.code()).isEqualTo(200);
            assertThat(html).contains(" found.").doesNotContain("No text found")
                    .contains("name=\"member\" value=\"FRA\"");
            okhttp3.Response unknown = client.get("/search?q=torture&member=Atlantis");
            assertThat(unknown.code()).isEqualTo(400);
            assertThat(unknown.body().string()).contains("is not a state: give its ISO code");
        });
    }

    @Test
    void theJsonIsPagedByCursorAsEveryCollectionOfTheApi() throws Exception {
        WebTest.test(WebServer.create(application), (server, client) -> {
            awaitComplete(client);
            JsonNode whole = get(client, "/api/v1/search?q=&kind=recommendation&limit=500");
            long total = whole.get("total").asLong();
            assertThat(total).isGreaterThan(150);
            assertThat(whole.get("hits")).hasSize((int) Math.min(total, 500));
            for (int limit : new int[] {7, 50}) {
                List<String> walked = new ArrayList<>();
                String next = "/api/v1/search?q=&kind=recommendation&limit=" + limit;
                int pages = 0;
                while (next != null) {
                    JsonNode page = get(client, next);
                    assertThat(page.get("total").asLong()).isEqualTo(total);
                    page.get("hits").forEach(h -> walked.add(h.get("url").asText()));
                    next = page.get("next").isNull() ? null : page.get("next").asText();
                    if (next != null) {
                        assertThat(next).startsWith("/api/v1/search?").contains("limit=" + limit)
                                .contains("kind=recommendation").contains("cursor=");
                    }
                    assertThat(++pages).isLessThan(200);
                }
                assertThat(walked).as("limit " + limit).hasSize((int) total);
                assertThat(new HashSet<>(walked)).as("each hit once").hasSize((int) total);
            }
            JsonNode words = get(client, "/api/v1/search?q=torture&limit=3");
            String cursor = words.get("next").asText().replaceAll(".*cursor=", "");
            problem(client, "/api/v1/search?q=&limit=0", "from 1 to 500");
            problem(client, "/api/v1/search?q=&limit=501", "from 1 to 500");
            problem(client, "/api/v1/search?q=&limit=ten", "from 1 to 500");
            problem(client, "/api/v1/search?q=&cursor=nonsense!", "not one this collection gave");
            problem(client, "/api/v1/search?q=&cursor=", "not one this collection gave");
            String offset = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("o10".getBytes(
                    StandardCharsets.UTF_8));
            problem(client, "/api/v1/search?q=&cursor=" + offset, "not one this collection gave");
            String statements = get(client, "/api/v1/statements?limit=1").get("next").asText()
                    .replaceAll(".*cursor=", "");
            problem(client, "/api/v1/search?q=&cursor=" + statements, "not one this collection gave");
            problem(client, "/api/v1/statements?cursor=" + cursor, "not one this collection gave");
            // The HTML page keeps its numbered pages.
            String second = client.get("/search?q=&kind=recommendation&page=2").body().string();
            assertThat(second).contains("Page 2 of ");
        });
    }

    private static void problem(WebClient client, String path, String detail) throws Exception {
        try (okhttp3.Response response = client.get(path)) {
            assertThat(response.code()).as(path).isEqualTo(400);
            assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
            JsonNode body = JSON.readTree(response.body().string());
            assertThat(body.get("status").asInt()).isEqualTo(400);
            assertThat(body.get("title").asText()).isEqualTo("Bad Request");
            assertThat(body.get("detail").asText()).as(path).contains(detail);
        }
    }

    private static void awaitComplete(WebClient client) throws Exception {
        long until = System.nanoTime() + 60_000_000_000L;
        while (!get(client, "/api/v1/search?q=mali").get("complete").asBoolean()) {
            assertThat(System.nanoTime()).as("index built within a minute").isLessThan(until);
            Thread.sleep(100);
        }
    }

    private static JsonNode get(WebClient client, String path) throws Exception {
        try (okhttp3.Response r = client.get(path)) {
            String body = r.body().string();
            assertThat(r.code()).as(path + ": " + body).isEqualTo(200);
            return JSON.readTree(body);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
