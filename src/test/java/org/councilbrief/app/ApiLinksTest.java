package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.councilbrief.db.Database;
import org.councilbrief.statement.Meeting;
import org.councilbrief.statement.Statement;
import org.councilbrief.statement.StatementRepository;
import org.junit.jupiter.api.Test;

/**
 * The API's links followed as a client follows them: each is a valid URI reference (RFC 3986) that a strict client
 * sends as it is, and leads to what it names, whatever the id holds (a meeting's symbol has a slash, a space and
 * parentheses: "S/PV.9365 (Resumption 1)").
 */
class ApiLinksTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESUMED = "S/PV.9365 (Resumption 1)";

    /** A strict client: the link must parse as a URI, or the client cannot follow it. */
    private static JsonNode follow(HttpClient http, String origin, String link) throws Exception {
        URI uri = URI.create(origin).resolve(new URI(link));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(link + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Every link of an object (its "links" and its "next"), followed; each must answer. */
    private static void followAll(HttpClient http, String origin, JsonNode object) throws Exception {
        if (object.has("links")) {
            for (Iterator<Map.Entry<String, JsonNode>> i = object.get("links").fields(); i.hasNext();) {
                Map.Entry<String, JsonNode> link = i.next();
                if (link.getKey().equals("page")) {
                    URI uri = URI.create(origin).resolve(new URI(link.getValue().asText()));
                    assertThat(http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode()).as(link.getValue().asText()).isEqualTo(200);
                } else {
                    follow(http, origin, link.getValue().asText());
                }
            }
        }
    }

    @Test
    void everyLinkIsAValidUriAndLeadsToWhatItNames() throws Exception {
        try (Database database = Database.inMemory("api-links-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            new StatementRepository(database.jdbi()).saveMeeting(new Meeting(RESUMED, "mali",
                    LocalDate.of(2023, 7, 3), "Mali (resumed)", null), List.of(new Statement(RESUMED, 1,
                            "The President", null, null, null, "The meeting resumed.")));
            HttpClient http = HttpClient.newHttpClient();
            WebTest.test(WebServer.create(application), (server, client) -> {
                String origin = client.getOrigin();
                JsonNode situations = follow(http, origin, "/api/v1/situations");
                for (JsonNode situation : situations.get("items")) {
                    followAll(http, origin, situation);
                }
                for (JsonNode brief : follow(http, origin, "/api/v1/briefs").get("items")) {
                    followAll(http, origin, brief);
                }

                // The meetings on Mali one by one, by the next links; each meeting's self link gives that meeting.
                List<String> symbols = new ArrayList<>();
                String next = "/api/v1/meetings?situation=mali&limit=1";
                while (next != null) {
                    JsonNode page = follow(http, origin, next);
                    for (JsonNode meeting : page.get("items")) {
                        JsonNode self = follow(http, origin, meeting.get("links").get("self").asText());
                        assertThat(self.get("symbol").asText()).isEqualTo(meeting.get("symbol").asText());
                        followAll(http, origin, self);
                        symbols.add(self.get("symbol").asText());
                    }
                    next = page.get("next").isNull() ? null : page.get("next").asText();
                }
                assertThat(symbols).contains(RESUMED, "S/PV.9365");

                // A client that has only the symbol puts it in the path percent-encoded, slash and all (Javalin
                // decodes %2F in a path parameter); the id as written before (/ as _) still works too.
                String encoded = URLEncoder.encode(RESUMED, StandardCharsets.UTF_8).replace("+", "%20");
                assertThat(encoded).contains("%2F");
                JsonNode bySymbol = follow(http, origin, "/api/v1/meetings/" + encoded);
                assertThat(bySymbol.get("symbol").asText()).isEqualTo(RESUMED);
                assertThat(bySymbol.get("statements")).hasSize(1);
                assertThat(follow(http, origin, "/api/v1/meetings/S_PV.9365%20%28Resumption%201%29").get("symbol")
                        .asText()).isEqualTo(RESUMED);
                assertThat(follow(http, origin, "/api/v1/meetings/S_PV.9365").get("symbol").asText())
                        .isEqualTo("S/PV.9365");
            });
        }
    }
}
