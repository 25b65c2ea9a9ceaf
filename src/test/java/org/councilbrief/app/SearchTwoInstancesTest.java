package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.councilbrief.SharedData;
import org.councilbrief.db.Database;
import org.councilbrief.db.TestDatabases;
import org.councilbrief.ingest.ImportOptions;
import org.councilbrief.ingest.Imports;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two instances on one database, each with its own index (decision 0039): a resolution imported through the second
 * (as the command line or its import page would) is found on both within 5 seconds.
 */
class SearchTwoInstancesTest {
    private static final Path RESOLUTION = SharedData.root().resolve(
            "data/pages/seed_sources/res2690_2023_text_partial.txt");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static Stream<String> databases() {
        return TestDatabases.urls();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anImportThroughOneInstanceIsFoundOnTheOtherWithinFiveSeconds(String url) throws Exception {
        // Other tests' servers in this JVM may still be polling: only the two started here must stop theirs.
        java.util.Set<Thread> earlier = indexThreads();
        try (Database first = Database.open(url); Database second = Database.open(url)) {
            Application one = Application.start(first, true);
            Application two = Application.start(second, false);
            Javalin a = WebServer.create(one).start("127.0.0.1", 0);
            Javalin b = WebServer.create(two).start("127.0.0.1", 0);
            try {
                String query = "/api/v1/search?q=%22Algiers+process%22&kind=resolution";
                awaitComplete(a);
                awaitComplete(b);
                assertThat(total(a, query)).as("before the import").isZero();
                new Imports(second).importFile(RESOLUTION, "resolution", new ImportOptions(null, null, null, null));
                long imported = System.nanoTime();
                // Imports here go straight to the database, as another process's would: each instance learns of it
                // by polling the database's stamp, the one it was imported through included.
                assertThat(millisUntilFound(a, query, imported)).as("milliseconds until found on the other instance")
                        .isBetween(0L, 4_999L);
                assertThat(millisUntilFound(b, query, imported)).as("milliseconds until found on the instance it was "
                        + "imported through").isBetween(0L, 4_999L);
            } finally {
                a.stop();
                b.stop();
            }
        }
        long until = System.nanoTime() + 5_000_000_000L;
        java.util.Set<Thread> left = indexThreads();
        left.removeAll(earlier);
        while (!left.isEmpty() && System.nanoTime() < until) {
            Thread.sleep(50);
            left = indexThreads();
            left.removeAll(earlier);
        }
        assertThat(left).as("no index left polling a closed database").isEmpty();
    }

    /** Milliseconds from {@code since} until the query finds something, or -1 when nothing within 10 seconds. */
    private static long millisUntilFound(Javalin server, String query, long since) throws Exception {
        while (System.nanoTime() - since < 10_000_000_000L) {
            if (total(server, query) > 0) {
                return (System.nanoTime() - since) / 1_000_000;
            }
            Thread.sleep(50);
        }
        return -1;
    }

    private static java.util.Set<Thread> indexThreads() {
        java.util.Set<Thread> threads = new java.util.HashSet<>();
        Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("search-index") && t.isAlive())
                .forEach(threads::add);
        return threads;
    }

    private static void awaitComplete(Javalin server) throws Exception {
        long until = System.nanoTime() + 60_000_000_000L;
        while (!get(server, "/api/v1/search?q=mali").get("complete").asBoolean()) {
            assertThat(System.nanoTime()).as("index built within a minute").isLessThan(until);
            Thread.sleep(100);
        }
    }

    private static long total(Javalin server, String path) throws Exception {
        return get(server, path).get("total").asLong();
    }

    private static JsonNode get(Javalin server, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
