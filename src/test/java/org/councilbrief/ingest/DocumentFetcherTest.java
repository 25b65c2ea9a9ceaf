package org.councilbrief.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.councilbrief.AppException;
import org.councilbrief.document.Symbol;
import org.councilbrief.document.Symbols;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fetcher against a stand-in of the document system on 127.0.0.1 ({@link DocumentServer}): addresses, the cache,
 * a symbol that does not exist, retries with back-off (recorded by a sleeper that does not sleep), and one request at
 * a time.
 */
class DocumentFetcherTest {
    @TempDir
    Path cache;

    /** The waits a fetcher asked for, instead of sleeping them. */
    private final List<Duration> slept = Collections.synchronizedList(new ArrayList<>());

    private DocumentFetcher fetcher(String template) throws AppException {
        FetchSettings settings = FetchSettings.of(template, cache, Map.of()).withTries(4, Duration.ofSeconds(2),
                Duration.ofSeconds(5));
        return new DocumentFetcher(settings, slept::add, RandomGenerator.getDefault());
    }

    private static Symbol symbol(String text) throws AppException {
        return Symbols.parse(text);
    }

    @Test
    void theAddressEncodesTheSymbolAsTheDocumentSystemWritesIt() throws AppException {
        DocumentFetcher f = fetcher(FetchSettings.DEFAULT_TEMPLATE);
        assertThat(f.url(symbol("S/PV.9365"), "en")).hasToString(
                "https://documents.un.org/api/symbol/access?s=S%2FPV.9365&l=en&t=pdf");
        assertThat(f.url(symbol("S/RES/2690 (2023)"), "fr")).hasToString(
                "https://documents.un.org/api/symbol/access?s=S%2FRES%2F2690%282023%29&l=fr&t=pdf");
        assertThat(f.url(symbol("S/PV.8699 (Resumption 1)"), "en").toString())
                .contains("s=S%2FPV.8699%28Resumption1%29");
        assertThat(f.cached(symbol("S/RES/2690 (2023)"), "fr")).isEqualTo(cache.resolve("fr/S_RES_2690(2023).pdf"));
    }

    @Test
    void aTemplateWithoutTheSymbolOrNotAnHttpAddressIsRefused() {
        assertThatThrownBy(() -> FetchSettings.of("https://documents.example/api?l={language}", null, Map.of()))
                .isInstanceOf(AppException.class).hasMessageContaining("has no {symbol} placeholder");
        assertThatThrownBy(() -> FetchSettings.of("file:///etc/{symbol}", null, Map.of()))
                .hasMessageContaining("is not an http or https address");
        assertThatThrownBy(() -> FetchSettings.of(null, null, Map.of(FetchSettings.TEMPLATE_VARIABLE, "nothing")))
                .hasMessageContaining("has no {symbol} placeholder");
    }

    @Test
    void theTemplateComesFromTheOptionElseTheEnvironmentElseTheDefault() throws AppException {
        Map<String, String> env = Map.of(FetchSettings.TEMPLATE_VARIABLE, "http://127.0.0.1:1/d?s={symbol}",
                FetchSettings.CACHE_VARIABLE, cache.resolve("env").toString());
        assertThat(FetchSettings.of("http://127.0.0.1:2/{symbol}", null, env).template())
                .isEqualTo("http://127.0.0.1:2/{symbol}");
        assertThat(FetchSettings.of(null, null, env).template()).isEqualTo("http://127.0.0.1:1/d?s={symbol}");
        assertThat(FetchSettings.of(null, null, env).cache()).isEqualTo(cache.resolve("env"));
        assertThat(FetchSettings.of(null, null, Map.of()).template()).isEqualTo(FetchSettings.DEFAULT_TEMPLATE);
        assertThat(FetchSettings.of(null, null, Map.of()).cache()).isEqualTo(Path.of("data", "documents")
                .toAbsolutePath());
    }

    @Test
    void aDocumentIsFetchedOnceAndThenTakenFromTheCache() throws Exception {
        try (DocumentServer server = DocumentServer.withDocuments()) {
            DocumentFetcher f = fetcher(server.template());
            DocumentFetcher.Fetched first = f.fetch(symbol("S/RES/2690 (2023)"), "en", false);
            assertThat(first.cached()).isFalse();
            assertThat(first.requests()).isEqualTo(1);
            assertThat(first.bytes()).isEqualTo(DocumentServer.documents().get("S/RES/2690(2023)"));
            assertThat(Files.readAllBytes(first.file())).isEqualTo(first.bytes());
            // written whole through a temporary file renamed into place: none is left beside it
            try (Stream<Path> files = Files.list(first.file().getParent())) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly("S_RES_2690(2023).pdf");
            }

            DocumentFetcher.Fetched again = fetcher(server.template()).fetch(symbol("S/RES/2690(2023)"), "en", false);
            assertThat(again.cached()).isTrue();
            assertThat(again.bytes()).isEqualTo(first.bytes());
            assertThat(server.requests()).containsExactly("S/RES/2690(2023)|en");

            DocumentFetcher.Fetched refreshed = f.fetch(symbol("S/RES/2690 (2023)"), "en", true);
            assertThat(refreshed.cached()).isFalse();
            assertThat(server.requests()).hasSize(2);

            // A kept file that is not a PDF (cut short, or put there by hand) is fetched again.
            Files.writeString(first.file(), "half a file");
            assertThat(f.fetch(symbol("S/RES/2690 (2023)"), "en", false).cached()).isFalse();
            assertThat(server.requests()).hasSize(3);
            assertThat(Files.readAllBytes(first.file())).isEqualTo(first.bytes());
        }
    }

    @Test
    void aSymbolTheSystemDoesNotHaveIsSaidWithTheAddressAsked() throws Exception {
        try (DocumentServer server = DocumentServer.withDocuments()) {
            server.webPage("S/PV.99999", "en");
            DocumentFetcher f = fetcher(server.template());
            assertThatThrownBy(() -> f.fetch(symbol("S/PV.9999"), "en", false)).isInstanceOf(AppException.class)
                    .hasMessage("the UN's document system has no English document S/PV.9999 (" + server.template()
                            .replace("{symbol}", "S%2FPV.9999").replace("{language}", "en")
                            + " answered 404 Not Found); check the symbol");
            assertThatThrownBy(() -> f.fetch(symbol("S/PV.99999"), "en", false))
                    .hasMessageContaining("has no English document S/PV.99999")
                    .hasMessageContaining("answered with a web page, not a PDF");
            assertThatThrownBy(() -> f.fetch(symbol("S/PV.8703"), "fr", false))
                    .hasMessageContaining("has no French document S/PV.8703")
                    .hasMessageContaining("l=fr").hasMessageEndingWith("check the symbol and the language");
            // a 404 is an answer: not tried again, nothing kept
            assertThat(server.requests()).hasSize(3);
            assertThat(slept).isEmpty();
            try (Stream<Path> files = Files.walk(cache)) {
                assertThat(files.filter(Files::isRegularFile)).isEmpty();
            }
        }
    }

    @Test
    void aServerThatFailsTwiceIsTriedAgainAfterABackOffAndWhatItAsks() throws Exception {
        try (DocumentServer server = DocumentServer.withDocuments()) {
            server.fail("S/PV.8703", "en", 1, 503, null).fail("S/PV.8703", "en", 1, 503, "7");
            DocumentFetcher.Fetched fetched = fetcher(server.template()).fetch(symbol("S/PV.8703"), "en", false);
            assertThat(fetched.requests()).isEqualTo(3);
            assertThat(server.requests()).containsExactly("S/PV.8703|en", "S/PV.8703|en", "S/PV.8703|en");
            assertThat(fetched.bytes()).isEqualTo(DocumentServer.documents().get("S/PV.8703"));
            // the first wait: the first back-off (2 s), less up to half of it at random; the second: the Retry-After
            assertThat(slept).hasSize(2);
            assertThat(slept.get(0)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
            assertThat(slept.get(1)).isEqualTo(Duration.ofSeconds(7));
        }
    }

    @Test
    void theBackOffDoublesWithJitterAndIsCapped() throws AppException {
        DocumentFetcher f = fetcher(FetchSettings.DEFAULT_TEMPLATE);
        List<Duration> seconds = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            seconds.add(f.backOff(1 + i % 4));
        }
        for (int attempt = 1; attempt <= 4; attempt++) {
            Duration full = Duration.ofSeconds(2L << (attempt - 1));
            int a = attempt;
            List<Duration> waits = java.util.stream.IntStream.range(0, 200).filter(i -> 1 + i % 4 == a)
                    .mapToObj(seconds::get).toList();
            assertThat(waits).allSatisfy(d -> assertThat(d).isBetween(full.dividedBy(2), full));
            assertThat(waits.stream().distinct().count()).as("jitter").isGreaterThan(1);
        }
        assertThat(f.backOff(30)).isLessThanOrEqualTo(DocumentFetcher.MAX_WAIT);
    }

    @Test
    void tooManyRequestsIsTriedAgainAndAClientErrorIsNot() throws Exception {
        try (DocumentServer server = DocumentServer.withDocuments()) {
            server.fail("SC/15398", "en", 1, 429, "3");
            assertThat(fetcher(server.template()).fetch(symbol("SC/15398"), "en", false).requests()).isEqualTo(2);
            assertThat(slept).containsExactly(Duration.ofSeconds(3));

            server.fail("A/HRC/19/15", "en", 1, 403, null);
            assertThatThrownBy(() -> fetcher(server.template()).fetch(symbol("A/HRC/19/15"), "en", false))
                    .hasMessageContaining("refused A/HRC/19/15").hasMessageContaining("answered 403");
            assertThat(server.requests()).filteredOn(r -> r.startsWith("A/HRC")).hasSize(1);

            // a wait asked for that is longer than a person waits: given up at once, said
            server.fail("S/PV.8703", "en", 1, 503, "3600");
            assertThatThrownBy(() -> fetcher(server.template()).fetch(symbol("S/PV.8703"), "en", false))
                    .isInstanceOf(DocumentFetcher.UnreachableException.class)
                    .hasMessageContaining("asks to wait 3600 s");
            assertThat(slept).hasSize(1);
        }
    }

    @Test
    void aSystemThatCannotBeReachedIsTriedAsOftenAsSetThenSaid() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        DocumentFetcher f = fetcher("http://127.0.0.1:" + port + "/api?s={symbol}&l={language}");
        assertThatThrownBy(() -> f.fetch(symbol("S/PV.8703"), "en", false))
                .isInstanceOf(DocumentFetcher.UnreachableException.class)
                .hasMessageStartingWith("could not fetch S/PV.8703 after 4 tries: http://127.0.0.1:" + port)
                .hasMessageContaining("cannot be reached");
        assertThat(slept).hasSize(3);
        for (int i = 0; i < 3; i++) {
            Duration full = Duration.ofSeconds(2L << i);
            assertThat(slept.get(i)).isBetween(full.dividedBy(2), full);
        }
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsTriedAgain() throws Exception {
        try (DocumentServer server = DocumentServer.withDocuments()) {
            server.slow(Duration.ofMillis(1500));
            FetchSettings settings = FetchSettings.of(server.template(), cache, Map.of()).withTries(2,
                    Duration.ofMillis(10), Duration.ofMillis(300));
            DocumentFetcher f = new DocumentFetcher(settings, slept::add, RandomGenerator.getDefault());
            assertThatThrownBy(() -> f.fetch(symbol("SC/15398"), "en", false))
                    .hasMessageContaining("after 2 tries").hasMessageContaining("did not answer within");
            assertThat(server.requests()).hasSize(2);
        }
    }

    @Test
    void manyFetchesAtOnceSendOneRequestAtATime() throws Exception {
        try (DocumentServer server = DocumentServer.withDocuments()) {
            server.slow(Duration.ofMillis(150));
            List<String> symbols = List.of("S/PV.8703", "A/HRC/19/15", "S/RES/2690 (2023)", "SC/15398");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<DocumentFetcher.Fetched>> all = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String s = symbols.get(i % 4);
                    String language = i < 4 ? "en" : "fr"; // the French ones are not there: 404s, also one at a time
                    all.add(pool.submit(() -> {
                        try {
                            return fetcher(server.template()).fetch(symbol(s), language, false);
                        } catch (AppException e) {
                            return null;
                        }
                    }));
                }
                for (Future<DocumentFetcher.Fetched> each : all) {
                    each.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(server.requests()).hasSize(8);
            assertThat(server.mostInFlight()).isEqualTo(1);
        }
    }

    @Test
    void pdfsAreKnownByTheirMagic() {
        assertThat(DocumentFetcher.isPdf("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(DocumentFetcher.isPdf("\r\n%PDF-1.4".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(DocumentFetcher.isPdf("<html>%PDF</html>".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(DocumentFetcher.isPdf(new byte[0])).isFalse();
    }

    @Test
    void theCacheFolderThatCannotBeWrittenIsSaid() throws Exception {
        try (DocumentServer server = DocumentServer.withDocuments()) {
            Path file = Files.writeString(cache.resolve("a-file"), "x");
            FetchSettings settings = FetchSettings.of(server.template(), file, Map.of());
            DocumentFetcher f = new DocumentFetcher(settings, slept::add, RandomGenerator.getDefault());
            assertThatThrownBy(() -> f.fetch(symbol("SC/15398"), "en", false))
                    .hasMessageContaining("could not be kept in").hasMessageContaining("writable");
        }
    }
}
