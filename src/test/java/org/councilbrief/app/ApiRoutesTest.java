package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.councilbrief.db.Database;
import org.councilbrief.statement.Position;
import org.councilbrief.statement.StatementRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON API as a client uses it: pages walked to the end, revalidation, filters, errors in words. */
class ApiRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private static Database database;
    private static Application application;

    @BeforeAll
    static void load() throws Exception {
        database = Database.open("jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_DELAY=0");
        application = ApiData.load(database);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static JsonNode get(WebClient client, String path) throws Exception {
        try (okhttp3.Response response = client.get(path)) {
            assertThat(response.code()).as(path).isEqualTo(200);
            assertThat(response.header("Content-Type")).as(path).startsWith("application/json");
            return JSON.readTree(response.body().string());
        }
    }

    /** Every item of a collection, following its next links from the first page. */
    private static List<JsonNode> walk(WebClient client, String first) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        String next = first;
        int pages = 0;
        while (next != null) {
            JsonNode page = get(client, next);
            page.get("items").forEach(items::add);
            next = page.get("next").isNull() ? null : page.get("next").asText();
            assertThat(++pages).as("pages of " + first).isLessThan(1000);
        }
        return items;
    }

    private static List<Long> ids(List<JsonNode> items) {
        return items.stream().map(n -> n.get("id").asLong()).toList();
    }

    @Test
    void pagesWalkEveryRowOnceInOrderWhateverTheLimit() throws Exception {
        List<Long> recommendations = database.jdbi().withHandle(h -> h.createQuery(
                "select id from upr_recommendation order by id").mapTo(Long.class).list());
        List<Long> statements = database.jdbi().withHandle(h -> h.createQuery(
                "select id from statement order by id").mapTo(Long.class).list());
        assertThat(recommendations).hasSizeGreaterThan(150);
        WebTest.test(WebServer.create(application), (server, client) -> {
            for (int limit : new int[] {1, 7, 50, 500}) {
                List<Long> walked = ids(walk(client, "/api/v1/recommendations?limit=" + limit));
                assertThat(walked).as("limit " + limit).isEqualTo(recommendations);
            }
            assertThat(ids(walk(client, "/api/v1/statements?limit=4"))).isEqualTo(statements);
            List<JsonNode> meetings = walk(client, "/api/v1/meetings?limit=1");
            assertThat(meetings).extracting(m -> m.get("symbol").asText()).containsExactly("S/PV.8703");
            // The next link keeps the filters: a member's recommendations, page after page.
            List<JsonNode> france = walk(client, "/api/v1/recommendations?member=FRA&limit=3");
            assertThat(france).isNotEmpty().allSatisfy(r -> assertThat(r.get("recommendingStates").toString())
                    .contains("\"FRA\""));
            long frenchCount = database.jdbi().withHandle(h -> h.createQuery(
                    "select count(*) from upr_recommendation_state where state_code = 'FRA'").mapTo(Long.class).one());
            assertThat((long) france.size()).isEqualTo(frenchCount);
        });
    }

    @Test
    void onlyAcceptedPositionsOfCouncilMembersAreListed() throws Exception {
        StatementRepository statements = new StatementRepository(database.jdbi());
        var council = application.membership().on(ApiData.MEETING_DAY).codes();
        Set<Long> expected = new HashSet<>();
        Set<Long> hidden = new HashSet<>();
        for (var p : statements.storedPositions("S/PV.8703")) {
            (p.position().status() == Position.Status.ACCEPTED && council.contains(p.position().stateCode())
                    ? expected : hidden).add(p.id());
        }
        assertThat(expected).isNotEmpty();
        assertThat(hidden).isNotEmpty();
        WebTest.test(WebServer.create(application), (server, client) -> {
            List<JsonNode> positions = walk(client, "/api/v1/positions?limit=2");
            assertThat(new HashSet<>(ids(positions))).isEqualTo(expected);
            assertThat(positions).allSatisfy(p -> {
                assertThat(p.get("meeting").asText()).isEqualTo("S/PV.8703");
                assertThat(p.get("situation").asText()).isEqualTo("mali");
            });
            String theme = positions.get(0).get("theme").asText();
            List<JsonNode> onTheme = walk(client, "/api/v1/positions?theme=" + theme);
            assertThat(onTheme).isNotEmpty().allSatisfy(p -> assertThat(p.get("theme").asText()).isEqualTo(theme));
            assertThat(walk(client, "/api/v1/positions?year=2019")).isEmpty();
            assertThat(walk(client, "/api/v1/positions?year=2020")).hasSameSizeAs(positions);
        });
    }

    @Test
    void filtersNarrowRecommendationsAsTheSearchFacetsDo() throws Exception {
        WebTest.test(WebServer.create(application), (server, client) -> {
            List<JsonNode> mali = walk(client, "/api/v1/recommendations?situation=mali&limit=500");
            assertThat(mali).isNotEmpty().allSatisfy(r -> assertThat(r.get("stateUnderReview").asText())
                    .isEqualTo("MLI"));
            List<JsonNode> all = walk(client, "/api/v1/recommendations?limit=500");
            assertThat(mali.size()).isLessThan(all.size());
            List<JsonNode> torture = walk(client, "/api/v1/recommendations?q=TORTURE%20against");
            assertThat(torture).isNotEmpty().allSatisfy(r -> assertThat(r.get("text").asText().toLowerCase())
                    .contains("torture").contains("against"));
            long byHand = all.stream().filter(r -> r.get("text").asText().toLowerCase().contains("torture")
                    && r.get("text").asText().toLowerCase().contains("against")).count();
            assertThat((long) torture.size()).isEqualTo(byHand);
            int year = mali.get(0).get("reviewDate").asText().substring(0, 4).transform(Integer::parseInt);
            assertThat(walk(client, "/api/v1/recommendations?year=" + year)).isNotEmpty().allSatisfy(r ->
                    assertThat(r.get("reviewDate").asText()).startsWith(String.valueOf(year)));
            // A percent sign is looked for as typed, not as a wildcard.
            assertThat(walk(client, "/api/v1/recommendations?q=%25")).allSatisfy(r ->
                    assertThat(r.get("text").asText()).contains("%"));
        });
    }

    @Test
    void aMatchingEtagIsAnsweredWith304AndAChangeGivesANewOne() throws Exception {
        WebTest.test(WebServer.create(application), (server, client) -> {
            for (String path : List.of("/api/v1/positions", "/api/v1/situations/mali", "/api/v1/briefs/mali",
                    "/api/v1/openapi.json", "/api/v1/members?date=2023-05-01")) {
                String etag;
                try (okhttp3.Response first = client.get(path)) {
                    assertThat(first.code()).as(path).isEqualTo(200);
                    etag = first.header("ETag");
                    assertThat(etag).as(path).matches("\"[A-Za-z0-9_-]{27}\"");
                    assertThat(first.header("Cache-Control")).contains("max-age");
                }
                try (okhttp3.Response again = client.get(path, r -> r.header("If-None-Match", etag))) {
                    assertThat(again.code()).as(path).isEqualTo(304);
                    assertThat(again.header("ETag")).isEqualTo(etag);
                    assertThat(again.body().bytes()).isEmpty();
                }
                try (okhttp3.Response weak = client.get(path, r -> r.header("If-None-Match", "\"x\", W/" + etag))) {
                    assertThat(weak.code()).as(path).isEqualTo(304);
                }
                try (okhttp3.Response other = client.get(path, r -> r.header("If-None-Match", "\"other\""))) {
                    assertThat(other.code()).as(path).isEqualTo(200);
                }
            }
            String before = client.get("/api/v1/positions").header("ETag");
            StatementRepository statements = new StatementRepository(database.jdbi());
            var council = application.membership().on(ApiData.MEETING_DAY).codes();
            var proposed = statements.storedPositions("S/PV.8703").stream()
                    .filter(p -> p.position().status() == Position.Status.PROPOSED
                            && council.contains(p.position().stateCode())).findFirst().orElseThrow();
            try {
                statements.review(proposed.id(), Position.Status.ACCEPTED, null, null, "edith");
                try (okhttp3.Response after = client.get("/api/v1/positions", r -> r.header("If-None-Match",
                        before))) {
                    assertThat(after.code()).isEqualTo(200);
                    assertThat(after.header("ETag")).isNotEqualTo(before);
                    assertThat(after.body().string()).contains("\"id\":" + proposed.id() + ",");
                }
            } finally {
                statements.review(proposed.id(), Position.Status.PROPOSED, null, null, "edith");
            }
        });
    }

    private static void problem(WebClient client, String path, int status, String detail) throws Exception {
        try (okhttp3.Response response = client.get(path, r -> r.header("Accept", "text/html,*/*"))) {
            assertThat(response.code()).as(path).isEqualTo(status);
            assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
            JsonNode body = JSON.readTree(response.body().string());
            assertThat(body.get("status").asInt()).isEqualTo(status);
            assertThat(body.get("detail").asText()).as(path).contains(detail);
        }
    }

    @Test
    void badCursorsLimitsAndFiltersAre400AndMissingThings404InJson() throws Exception {
        WebTest.test(WebServer.create(application), (server, client) -> {
            String next = get(client, "/api/v1/statements?limit=2").get("next").asText();
            String cursor = next.substring(next.indexOf("cursor=") + 7);
            assertThat(get(client, "/api/v1/statements?limit=2&cursor=" + cursor).get("items")).hasSize(2);
            problem(client, "/api/v1/recommendations?cursor=" + cursor, 400, "not one this collection gave");
            problem(client, "/api/v1/statements?cursor=%21%21", 400, "not one this collection gave");
            problem(client, "/api/v1/statements?cursor=", 400, "not one this collection gave");
            problem(client, "/api/v1/meetings?cursor=" + cursor, 400, "not one this collection gave");
            String forged = java.util.Base64.getUrlEncoder().encodeToString("statements:-5".getBytes());
            problem(client, "/api/v1/statements?cursor=" + forged, 400, "not one this collection gave");
            problem(client, "/api/v1/statements?limit=0", 400, "from 1 to 500");
            problem(client, "/api/v1/statements?limit=501", 400, "from 1 to 500");
            problem(client, "/api/v1/statements?limit=ten", 400, "from 1 to 500");
            problem(client, "/api/v1/positions?theme=weather", 400, "'weather' is not a theme");
            problem(client, "/api/v1/positions?member=XYZ", 400, "'XYZ' is not a state");
            problem(client, "/api/v1/positions?year=20", 400, "is not a year");
            problem(client, "/api/v1/recommendations?situation=atlantis", 400, "no situation 'atlantis'");
            problem(client, "/api/v1/members?date=tomorrow", 400, "not a date");
            problem(client, "/api/v1/situations/atlantis", 404, "atlantis");
            problem(client, "/api/v1/briefs/atlantis", 404, "atlantis");
            problem(client, "/api/v1/meetings/S_PV.1", 404, "S_PV.1");
            problem(client, "/api/v1/members/XYZ", 404, "XYZ");
            problem(client, "/api/v1/members/fra", 404, "fra");
            problem(client, "/api/v1/weather", 404, "openapi.json");
        });
    }

    @Test
    void itemsLinkToEachOtherAndTheBriefIsThePublicDownload() throws Exception {
        WebTest.test(WebServer.create(application), (server, client) -> {
            JsonNode situations = get(client, "/api/v1/situations");
            assertThat(situations.get("items")).hasSize(1);
            JsonNode mali = situations.get("items").get(0);
            assertThat(mali.get("name").asText()).isEqualTo("Mali");
            assertThat(get(client, mali.get("links").get("self").asText())).isEqualTo(mali);
            String brief = client.get(mali.get("links").get("brief").asText()).body().string();
            assertThat(brief).isEqualTo(client.get("/briefs/mali.json").body().string());
            assertThat(JSON.readTree(brief).get("situationName").asText()).isEqualTo("Mali");
            assertThat(get(client, "/api/v1/briefs").get("items").get(0).get("asOf").asText())
                    .isEqualTo(mali.get("briefAsOf").asText());

            JsonNode meeting = get(client, get(client, mali.get("links").get("meetings").asText()).get("items").get(0)
                    .get("links").get("self").asText());
            assertThat(meeting.get("id").asText()).isEqualTo("S_PV.8703");
            assertThat(meeting.get("url").asText()).contains("S/PV.8703");
            assertThat(meeting.get("statements")).hasSize(18);
            assertThat(meeting.get("statements").get(14).get("member").asText()).isEqualTo("GBR");

            JsonNode council = get(client, "/api/v1/members?date=2023-05-25");
            assertThat(council.get("items")).hasSize(15);
            assertThat(council.get("complete").asBoolean()).isTrue();
            JsonNode france = get(client, "/api/v1/members/FRA");
            assertThat(france.get("terms").get(0).get("seat").asText()).isEqualTo("permanent");
            assertThat(get(client, france.get("links").get("recommendations").asText()).get("items")).isNotEmpty();
            assertThat(get(client, "/api/v1/members/LTU").get("terms")).isNotEmpty();
        });
    }
}
