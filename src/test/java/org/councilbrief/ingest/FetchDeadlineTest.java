package org.councilbrief.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.councilbrief.AppException;
import org.councilbrief.document.Symbols;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A document system that answers at once and then sends its document a byte at a time, or sends more than a document
 * may have: the fetch ends at its deadline or at the size cap, says so naming the symbol, and tries again (a deadline)
 * or not (too large), as decision 0043's rules say for a timeout and for an answer that will not change.
 */
class FetchDeadlineTest {
    @TempDir
    Path cache;
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<Duration> slept = Collections.synchronizedList(new ArrayList<>());
    /** What the server does with a request: trickle or send too much. */
    private volatile String mode = "trickle";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            try (OutputStream out = exchange.getResponseBody()) {
                exchange.getResponseHeaders().add("Content-Type", "application/pdf");
                if (mode.equals("large")) {
                    byte[] body = new byte[300_000];
                    System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, body, 0, 9);
                    exchange.sendResponseHeaders(200, 0); // chunked: no length said beforehand
                    out.write(body);
                } else if (mode.equals("declared")) {
                    exchange.sendResponseHeaders(200, 5_000_000);
                    out.write("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread.sleep(3_000);
                } else {
                    // Headers at once, then one byte every 100 ms for up to 60 s: a PDF that never ends in time.
                    exchange.sendResponseHeaders(200, 600);
                    byte[] start = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
                    for (int i = 0; i < 600; i++) {
                        out.write(i < start.length ? start[i] : ' ');
                        out.flush();
                        Thread.sleep(100);
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the client went away
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private DocumentFetcher fetcher(FetchSettings settings) {
        return new DocumentFetcher(settings, slept::add, RandomGenerator.getDefault());
    }

    private FetchSettings settings() throws AppException {
        return FetchSettings.of("http://127.0.0.1:" + server.getAddress().getPort() + "/d?s={symbol}", cache,
                Map.of()).withTries(2, Duration.ofMillis(10), Duration.ofSeconds(2));
    }

    @Test
    void aServerThatTricklesIsGivenUpAtTheDeadlineAndTriedAgain() throws Exception {
        DocumentFetcher f = fetcher(settings().withLimits(Duration.ofMillis(800), 1_000_000));
        long start = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(() -> f.fetch(Symbols.parse(
                "S/PV.9365"), "en", false)).isInstanceOf(DocumentFetcher.UnreachableException.class)
                .hasMessageContaining("S/PV.9365").hasMessageContaining("after 2 tries")
                .hasMessageContaining("did not send the whole document within 0.8 s"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(requests.get()).isEqualTo(2);
        assertThat(slept).hasSize(1);
        assertThat(cache.resolve("en/S_PV.9365.pdf")).doesNotExist();
    }

    @Test
    void aDocumentLargerThanTheCapIsRefusedWithoutTryingAgain() throws Exception {
        mode = "large";
        DocumentFetcher f = fetcher(settings().withLimits(Duration.ofSeconds(10), 100_000));
        assertThatThrownBy(() -> f.fetch(Symbols.parse("S/RES/2690 (2023)"), "en", false))
                .isNotInstanceOf(DocumentFetcher.UnreachableException.class)
                .hasMessageContaining("S/RES/2690 (2023)").hasMessageContaining("larger than 100 KB");
        assertThat(requests.get()).isEqualTo(1);
        assertThat(Files.exists(cache.resolve("en"))).isFalse();

        // A length said beforehand over the cap is refused without waiting for the body.
        mode = "declared";
        long start = System.nanoTime();
        assertThatThrownBy(() -> f.fetch(Symbols.parse("S/PV.9365"), "en", false))
                .hasMessageContaining("S/PV.9365").hasMessageContaining("larger than 100 KB");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void theDefaultsHaveADeadlineAndTheImportPagesCap() throws AppException {
        FetchSettings defaults = FetchSettings.of(null, cache, Map.of());
        assertThat(defaults.deadline()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.maxBytes()).isEqualTo(ImportRoutes.MAX_BYTES);
        assertThatThrownBy(() -> defaults.withLimits(Duration.ZERO, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
