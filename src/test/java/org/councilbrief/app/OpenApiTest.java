package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.councilbrief.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/v1/openapi.json} against the server's real answers: every path of the document is asked, with each of
 * its filters, a second page, a revalidation and a bad limit, on the demo and on imported real data; each answer's
 * status must be one the document gives the path, its type one it lists, and its body must validate against the
 * schema (JSON Schema 2020-12, the dialect of OpenAPI 3.1). Objects are closed (no property the document does not
 * name), so a field added, removed or retyped in a response fails here until the document says so.
 */
class OpenApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    /** A value for each filter the document names, as a user would give it. */
    private static final Map<String, String> SAMPLES = Map.of("q", "human rights", "situation", "mali", "member",
            "FRA", "theme", "accountability", "year", "2020", "date", "2023-05-25", "kind", "speech");

    private static JsonNode document() throws Exception {
        try (InputStream in = OpenApiTest.class.getResourceAsStream("/org/councilbrief/api/openapi.json")) {
            return JSON.readTree(in);
        }
    }

    /** The schema of a path's response as a 2020-12 schema of its own: the document's schemas become its $defs. */
    private static Schema schema(JsonNode document, JsonNode schema) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("$defs", document.at("/components/schemas"));
        root.setAll((ObjectNode) schema.deepCopy());
        return SCHEMAS.getSchema(JSON.writeValueAsString(root).replace("#/components/schemas/", "#/$defs/"),
                InputFormat.JSON);
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        return node.has("$ref") ? document.at(node.get("$ref").asText().substring(1)) : node;
    }

    /** Asks the path and checks the answer against the document; returns the answer's status and body. */
    private static Map.Entry<Integer, String> check(WebClient client, JsonNode document, String template, String url,
            String ifNoneMatch) throws Exception {
        try (okhttp3.Response response = client.get(url, r -> {
            if (ifNoneMatch != null) {
                r.header("If-None-Match", ifNoneMatch);
            }
        })) {
            String body = response.body().string();
            JsonNode responses = document.at("/paths").get(template).at("/get/responses");
            String status = String.valueOf(response.code());
            assertThat(responses.has(status)).as(url + " answered " + status + ", which the document does not give"
                    + " it: " + body).isTrue();
            JsonNode documented = resolve(document, responses.get(status));
            if (response.code() == 304) {
                assertThat(body).isEmpty();
                return Map.entry(304, body);
            }
            assertThat(response.header("ETag") != null || response.code() >= 400).as(url + " has an ETag").isTrue();
            String type = String.valueOf(response.header("Content-Type")).split(";")[0].strip();
            JsonNode content = null;
            for (Iterator<String> names = documented.get("content").fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (name.split(";")[0].equals(type)) {
                    content = documented.get("content").get(name);
                }
            }
            assertThat(content).as(url + " answered " + type + ", which the document does not list").isNotNull();
            var errors = schema(document, content.get("schema")).validate(body, InputFormat.JSON);
            assertThat(errors).as(url + " (" + status + ") does not match the document: " + body).isEmpty();
            return Map.entry(response.code(), body);
        }
    }

    /** Every path of the document, asked as a client would; returns how many 200s each path gave. */
    private static Map<String, Integer> walk(Application application) throws Exception {
        JsonNode document = document();
        Map<String, Integer> ok = new LinkedHashMap<>();
        WebTest.test(WebServer.create(application), (server, client) -> {
            try (okhttp3.Response served = client.get("/api/v1/openapi.json")) {
                assertThat(JSON.readTree(served.body().string())).isEqualTo(document);
            }
            // The search index is built as the server starts: its answers are stable (and their ETags) once whole.
            long until = System.nanoTime() + 60_000_000_000L;
            while (!JSON.readTree(client.get("/api/v1/search?q=mali").body().string()).path("complete").asBoolean()) {
                assertThat(System.nanoTime()).as("the search index is built within a minute").isLessThan(until);
                Thread.sleep(100);
            }
            for (Iterator<String> paths = document.get("paths").fieldNames(); paths.hasNext(); ) {
                String template = paths.next();
                JsonNode get = document.get("paths").get(template).get("get");
                String path = template;
                List<String> queries = new ArrayList<>(List.of(""));
                boolean paged = false;
                for (JsonNode parameter : get.path("parameters")) {
                    String name = parameter.get("name").asText();
                    switch (parameter.get("in").asText()) {
                        case "path" -> path = path.replace("{" + name + "}", parameter.get("example").asText());
                        case "query" -> {
                            if (name.equals("limit")) {
                                paged = true;
                            } else if (!name.equals("cursor")) {
                                assertThat(SAMPLES).as("a sample value for " + name).containsKey(name);
                                queries.add(name + "=" + SAMPLES.get(name).replace(" ", "%20"));
                            }
                        }
                        default -> { }
                    }
                }
                List<String> urls = new ArrayList<>();
                for (String query : queries) {
                    urls.add(query.isEmpty() ? path : path + "?" + query);
                }
                if (paged) {
                    urls.add(path + "?limit=2");
                    urls.add(path + "?limit=0");
                    urls.add(path + "?cursor=bm90LWEtY3Vyc29y");
                }
                for (String url : urls) {
                    var answer = check(client, document, template, url, null);
                    if (answer.getKey() != 200) {
                        continue;
                    }
                    ok.merge(template, 1, Integer::sum);
                    String etag = client.get(url).header("ETag");
                    assertThat(check(client, document, template, url, etag).getKey()).as(url).isEqualTo(304);
                    JsonNode next = JSON.readTree(answer.getValue()).path("next");
                    if (next.isTextual()) {
                        assertThat(check(client, document, template, next.asText(), null).getKey()).isEqualTo(200);
                    }
                }
            }
        });
        return ok;
    }

    @Test
    void everyPathAnswersAsDocumentedOnTheDemo() throws Exception {
        try (Database database = Database.inMemory("openapi-demo")) {
            Map<String, Integer> ok = walk(Application.start(database, true));
            // The demo has a brief and no imported documents: its collections are empty, its meetings unknown.
            assertThat(ok).containsKeys("/api/v1/situations/{id}", "/api/v1/briefs/{situation}",
                    "/api/v1/recommendations", "/api/v1/members/{code}").doesNotContainKey("/api/v1/meetings/{id}");
        }
    }

    @Test
    void everyPathAnswersAsDocumentedOnImportedRealData(@TempDir Path dir) throws Exception {
        try (Database database = Database.open("jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_DELAY=0")) {
            Map<String, Integer> ok = walk(ApiData.load(database));
            List<String> all = new ArrayList<>();
            document().get("paths").fieldNames().forEachRemaining(all::add);
            assertThat(ok.keySet()).as("every path answered 200 at least once").containsExactlyInAnyOrderElementsOf(
                    all);
        }
    }

    @Test
    void aResponseThatDriftsFromTheDocumentIsRefused() throws Exception {
        JsonNode document = document();
        Schema page = schema(document, JSON.readTree("{\"$ref\":\"#/components/schemas/RecommendationPage\"}"));
        String good = """
                {"items":[{"id":1,"review":"MLI-S2","stateUnderReview":"MLI","cycle":1,"session":2,
                "reviewDate":"2008-05-13","report":"A/HRC/8/50","paragraph":"66.1","text":"Ratify.",
                "recommendingStates":["FRA"],"response":null,"issues":[]}],"next":null}""";
        assertThat(page.validate(good, InputFormat.JSON)).isEmpty();
        assertThat(page.validate(good.replace("\"cycle\":1,", ""), InputFormat.JSON)).as("a field missing")
                .isNotEmpty();
        assertThat(page.validate(good.replace("\"cycle\":1,", "\"cycle\":1,\"extra\":2,"), InputFormat.JSON))
                .as("a field added").isNotEmpty();
        assertThat(page.validate(good.replace("\"cycle\":1,", "\"cycle\":\"1\","), InputFormat.JSON))
                .as("a field retyped").isNotEmpty();
        assertThat(page.validate(good.replace("[\"FRA\"]", "\"FRA\""), InputFormat.JSON)).as("a list as text")
                .isNotEmpty();
        assertThat(page.validate(good.replace(",\"next\":null", ""), InputFormat.JSON)).as("no next").isNotEmpty();
    }
}
