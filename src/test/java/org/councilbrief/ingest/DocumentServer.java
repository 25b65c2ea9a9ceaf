package org.councilbrief.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.councilbrief.SharedData;
import org.councilbrief.document.TestPdfs;
import org.councilbrief.quality.PrintedRecord;

/**
 * A stand-in for the UN's Official Document System on 127.0.0.1, in its address layout
 * ({@code /api/symbol/access?s=S%2FPV.8703&l=en&t=pdf}): it serves stored PDFs by symbol and language, answers 404 for
 * the others (or a web page, as the real system does for some unknown symbols), can fail a symbol's first requests
 * with a status and a Retry-After, and be slow; it counts the requests and the most it had in flight at once. It
 * serves on several threads, so that requests sent together would be seen together.
 */
public final class DocumentServer implements AutoCloseable {
    /** What the stand-in answers for a symbol: a status, headers and a body, given {@code times} times. */
    private record Answer(int status, String type, String retryAfter, byte[] body) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final Map<String, byte[]> documents = new ConcurrentHashMap<>();
    private final Map<String, List<Answer>> failures = new ConcurrentHashMap<>();
    private final Map<String, Answer> pages = new ConcurrentHashMap<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private volatile Duration delay = Duration.ZERO;

    public DocumentServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/api/symbol/access", this::answer);
        server.start();
    }

    /** The address template of this server, in the real system's layout. */
    public String template() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/symbol/access?s={symbol}&l={language}&t=pdf";
    }

    /** Serves a PDF under a symbol as the document system writes it ("S/PV.8703", "S/RES/2690(2023)"). */
    public DocumentServer serve(String symbol, String language, byte[] pdf) {
        documents.put(key(symbol, language), pdf);
        return this;
    }

    /** The next {@code times} requests for the symbol answer {@code status}, with a Retry-After when not null. */
    public DocumentServer fail(String symbol, String language, int times, int status, String retryAfter) {
        List<Answer> list = failures.computeIfAbsent(key(symbol, language), k -> Collections.synchronizedList(
                new ArrayList<>()));
        for (int i = 0; i < times; i++) {
            list.add(new Answer(status, "text/plain", retryAfter, "busy".getBytes(StandardCharsets.UTF_8)));
        }
        return this;
    }

    /** Answers the symbol with a web page and 200, as the real system does for some symbols it does not have. */
    public DocumentServer webPage(String symbol, String language) {
        pages.put(key(symbol, language), new Answer(200, "text/html; charset=utf-8", null,
                ("<!DOCTYPE html><html><body><h1>Official Document System</h1><p>No document found.</p></body></html>")
                        .getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /** Every answer waits this long first. */
    public DocumentServer slow(Duration delay) {
        this.delay = delay;
        return this;
    }

    /** The requests received, as "symbol|language". */
    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The most requests that were being answered at the same moment. */
    public int mostInFlight() {
        return mostInFlight.get();
    }

    private static String key(String symbol, String language) {
        return symbol + "|" + language;
    }

    private void answer(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        mostInFlight.accumulateAndGet(now, Math::max);
        try (exchange) {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String key = key(query.getOrDefault("s", ""), query.getOrDefault("l", ""));
            requests.add(key);
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            List<Answer> failing = failures.get(key);
            Answer failure = null;
            if (failing != null) {
                synchronized (failing) {
                    failure = failing.isEmpty() ? null : failing.remove(0);
                }
            }
            byte[] pdf = documents.get(key);
            Answer answer = failure != null ? failure : pages.containsKey(key) ? pages.get(key)
                    : pdf != null ? new Answer(200, "application/pdf", null, pdf)
                    : new Answer(404, "text/html", null, "<html><body>Not Found</body></html>".getBytes(
                            StandardCharsets.UTF_8));
            exchange.getResponseHeaders().set("Content-Type", answer.type());
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
            }
            exchange.sendResponseHeaders(answer.status(), answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> map = new HashMap<>();
        if (raw == null) {
            return map;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                map.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return map;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /**
     * PDFs made from the real texts of ../shared/data (no PDF of them is there; see {@link TestPdfs}), by the symbol
     * the document system writes: the meeting record S/PV.8703 laid out as printed (its header gives its symbol and
     * date), the UPR Working Group report on Lithuania A/HRC/19/15, resolution 2690 (2023) and press release SC/15398.
     * Made once per test run.
     */
    public static synchronized Map<String, byte[]> documents() {
        if (made == null) {
            Path data = SharedData.root().resolve("data");
            Map<String, byte[]> pdfs = new LinkedHashMap<>();
            String record = SharedData.read(data.resolve("council-speeches/meetings/SPV.8703.txt"));
            pdfs.put("S/PV.8703", TestPdfs.fromPages(PrintedRecord.layout(record, "S/PV.8703",
                    "The situation in Mali", "15/01/2020", "20-00789")));
            pdfs.put("A/HRC/19/15", TestPdfs.fromPages(SharedData.read(data.resolve(
                    "upr-reports/reports/lithuania2011.txt"))));
            pdfs.put("S/RES/2690(2023)", TestPdfs.fromPages(SharedData.read(data.resolve(
                    "pages/seed_sources/res2690_2023_text_partial.txt"))));
            pdfs.put("SC/15398", TestPdfs.fromPages(SharedData.read(data.resolve(
                    "pages/seed_sources/sc15398_press_release_28aug2023_excerpt.txt"))));
            made = Map.copyOf(pdfs);
        }
        return made;
    }

    private static Map<String, byte[]> made;

    /** A server serving every document of {@link #documents()} in English. */
    public static DocumentServer withDocuments() {
        DocumentServer server = new DocumentServer();
        documents().forEach((symbol, pdf) -> server.serve(symbol, "en", pdf));
        return server;
    }
}
