package org.councilbrief.ingest;

import static org.councilbrief.Forms.excerpt;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;
import org.councilbrief.AppException;
import org.councilbrief.document.Symbol;

/**
 * Gets a document's PDF from the UN's Official Document System (ODS) by its symbol and language, through an address
 * template ({@link FetchSettings}), and keeps it in a local cache so that a document is asked for once. Requests go one
 * at a time in the whole process (one lock for every fetcher, the command line's and the web pages' alike), with
 * timeouts; a refused connection, a timeout, a 429 or a 5xx is tried again after a back-off that doubles with random
 * jitter, or after the time the server's Retry-After asks; any other 4xx is not. A 404, or an answer that is not a PDF
 * (ODS answers some unknown symbols with a web page), says that the document does not exist, naming the symbol and the
 * address asked. Decision 0043.
 */
public final class DocumentFetcher {
    /** Waits between tries; tests give one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** A document got: its bytes, the file it is kept in, the address asked, and whether it came from the cache. */
    public record Fetched(Symbol symbol, String language, byte[] bytes, Path file, URI url, boolean cached,
            int requests) {
    }

    /** The document system could not be reached, or kept failing, after every try: the next symbol would fare alike. */
    public static final class UnreachableException extends AppException {
        UnreachableException(String message) {
            super(message);
        }
    }

    /** The most bytes a document may have: what the import page takes. */
    static final int MAX_BYTES = ImportRoutes.MAX_BYTES;
    /** The longest wait between two tries; a Retry-After asking for more gives up. */
    static final Duration MAX_WAIT = Duration.ofSeconds(60);
    /** How long a web page waits for another fetch to end before it says so. */
    static final Duration LOCK_WAIT = Duration.ofMinutes(3);
    /** One request at a time in the whole process, whichever fetcher makes it. */
    private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock(true);
    private static final String USER_AGENT = "councilbrief/0.1 (document fetch; one request at a time)";

    private final FetchSettings settings;
    private final HttpClient client;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    public DocumentFetcher(FetchSettings settings) {
        this(settings, Thread::sleep, RandomGenerator.getDefault());
    }

    DocumentFetcher(FetchSettings settings, Sleeper sleeper, RandomGenerator random) {
        this.settings = settings;
        this.sleeper = sleeper;
        this.random = random;
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public FetchSettings settings() {
        return settings;
    }

    /** The symbol as the document system writes it: no spaces ("S/RES/2690(2023)", "S/PV.8699(Resumption1)"). */
    static String compact(Symbol symbol) {
        return symbol.canonical().replace(" ", "");
    }

    /** The address the template gives for a symbol and language, the symbol percent-encoded (its slashes too). */
    public URI url(Symbol symbol, String language) {
        String encoded = URLEncoder.encode(compact(symbol), StandardCharsets.UTF_8).replace("+", "%20");
        return URI.create(settings.template().replace("{symbol}", encoded).replace("{language}", language));
    }

    /** The file of the cache that holds a symbol's document in a language. */
    public Path cached(Symbol symbol, String language) {
        String name = compact(symbol).replace('/', '_').replaceAll("[^A-Za-z0-9._()-]", "_") + ".pdf";
        return settings.cache().resolve(language).resolve(name);
    }

    /**
     * The document, from the cache unless {@code refresh} or it is not there yet, else from the document system (and
     * then kept in the cache). Waits for another fetch under way in this process to end, up to {@link #LOCK_WAIT}.
     *
     * @throws AppException when the document does not exist, the system cannot be reached after every try, or its
     *     answer cannot be kept
     */
    public Fetched fetch(Symbol symbol, String language, boolean refresh) throws AppException {
        String lang = FetchSettings.language(language);
        Path file = cached(symbol, lang);
        URI url = url(symbol, lang);
        if (!refresh) {
            Optional<byte[]> kept = readCached(file);
            if (kept.isPresent()) {
                return new Fetched(symbol, lang, kept.get(), file, url, true, 0);
            }
        }
        try {
            if (!ONE_AT_A_TIME.tryLock(LOCK_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AppException("another document is being fetched and it takes long; try again in a few"
                        + " minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AppException("the fetch of " + symbol + " was interrupted", e);
        }
        try {
            if (!refresh) { // fetched by another request while this one waited
                Optional<byte[]> kept = readCached(file);
                if (kept.isPresent()) {
                    return new Fetched(symbol, lang, kept.get(), file, url, true, 0);
                }
            }
            Answer answer = download(symbol, lang, url);
            keep(file, answer.bytes());
            return new Fetched(symbol, lang, answer.bytes(), file, url, false, answer.requests());
        } finally {
            ONE_AT_A_TIME.unlock();
        }
    }

    private record Answer(byte[] bytes, int requests) {
    }

    /** A try that failed and may be tried again, after the wait the server {@code asked} for (null: the back-off). */
    private record Failure(String reason, Duration asked) {
    }

    private Answer download(Symbol symbol, String language, URI url) throws AppException {
        int attempts = settings.attempts();
        String name = languageName(language);
        for (int attempt = 1; ; attempt++) {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(settings.requestTimeout())
                    .header("User-Agent", USER_AGENT).header("Accept", "application/pdf").GET().build();
            Failure failure;
            try {
                HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                if (status == 200) {
                    byte[] bytes = body(response, symbol, url);
                    if (!isPdf(bytes)) {
                        String type = response.headers().firstValue("Content-Type").orElse("no content type");
                        throw new AppException("the UN's document system has no " + name + " document " + symbol
                                + " (" + url + " answered with " + describe(type) + ", not a PDF); check the symbol"
                                + (language.equals("en") ? "" : " and the language"));
                    }
                    return new Answer(bytes, attempt);
                }
                discard(response);
                if (status == 404 || status == 410) {
                    throw new AppException("the UN's document system has no " + name + " document " + symbol
                            + " (" + url + " answered " + status + " Not Found); check the symbol"
                            + (language.equals("en") ? "" : " and the language"));
                }
                if (status == 429 || status >= 500) {
                    failure = new Failure(url + " answered " + status, retryAfter(response).orElse(null));
                } else {
                    throw new AppException("the UN's document system refused " + symbol + ": " + url + " answered "
                            + status);
                }
            } catch (HttpTimeoutException e) {
                failure = new Failure(url + " did not answer within " + seconds(settings.requestTimeout()), null);
            } catch (ConnectException e) {
                failure = new Failure(url + " cannot be reached (" + reason(e) + ")", null);
            } catch (IOException e) {
                failure = new Failure(url + " failed (" + reason(e) + ")", null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AppException("the fetch of " + symbol + " was interrupted", e);
            }
            if (attempt >= attempts) {
                throw new UnreachableException("could not fetch " + symbol + " after " + attempts + " tries: "
                        + failure.reason() + "; try again later");
            }
            Duration wait = failure.asked() != null ? failure.asked() : backOff(attempt);
            if (wait.compareTo(MAX_WAIT) > 0) {
                throw new UnreachableException("could not fetch " + symbol + ": " + failure.reason()
                        + " and asks to wait "
                        + seconds(wait) + "; try again later");
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AppException("the fetch of " + symbol + " was interrupted", e);
            }
        }
    }

    /**
     * The wait after failed try {@code attempt} (1, 2, …): the settings' first back-off doubled each time, at most
     * {@link #MAX_WAIT}, of which a random half is taken off ("equal jitter"), so that clients turned away together
     * do not come back together.
     */
    Duration backOff(int attempt) {
        long base = settings.backOff().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, MAX_WAIT.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(capped - half + (half == 0 ? 0 : random.nextLong(half + 1)));
    }

    /** The server's Retry-After, in seconds or as an HTTP date; none when absent or unreadable. */
    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> value = response.headers().firstValue("Retry-After").map(String::strip);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.get()))));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    private static byte[] body(HttpResponse<InputStream> response, Symbol symbol, URI url) throws IOException,
            AppException {
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new AppException("the document " + symbol + " at " + url + " is larger than "
                        + (MAX_BYTES >> 20) + " MB, more than an import takes");
            }
            return bytes;
        }
    }

    private static void discard(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            in.skip(1 << 16);
        } catch (IOException e) {
            // the connection is closed with the stream
        }
    }

    /** A PDF starts with "%PDF-" within its first kilobyte (readers allow bytes before it). */
    static boolean isPdf(byte[] bytes) {
        byte[] magic = "%PDF-".getBytes(StandardCharsets.US_ASCII);
        int end = Math.min(bytes.length, 1024) - magic.length;
        for (int i = 0; i <= end; i++) {
            int j = 0;
            while (j < magic.length && bytes[i + j] == magic[j]) {
                j++;
            }
            if (j == magic.length) {
                return true;
            }
        }
        return false;
    }

    private static String describe(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.contains("html")) {
            return "a web page";
        }
        return "'" + excerpt(contentType) + "'";
    }

    static String languageName(String language) {
        return language.equals("fr") ? "French" : "English";
    }

    private static String seconds(Duration d) {
        return d.toSeconds() + " s";
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : excerpt(e.getMessage());
    }

    private static Optional<byte[]> readCached(Path file) throws AppException {
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(file);
            // A file that is not a PDF (cut short, or put there by hand) is not trusted: fetched again.
            return isPdf(bytes) ? Optional.of(bytes) : Optional.empty();
        } catch (IOException e) {
            throw new AppException("the kept copy " + file + " cannot be read (" + reason(e) + ")", e);
        }
    }

    /** Writes the file whole or not at all: a temporary file beside it, renamed into place. */
    private static void keep(Path file, byte[] bytes) throws AppException {
        Path temp = null;
        try {
            Files.createDirectories(file.getParent());
            temp = Files.createTempFile(file.getParent(), ".fetch-", ".part");
            Files.write(temp, bytes);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // left for the next fetch to overwrite
                }
            }
            throw new AppException("the document could not be kept in " + file.getParent() + " (" + reason(e)
                    + "); check that the folder is writable", e);
        }
    }

    /** The languages a document can be fetched in, for forms. */
    public static List<String> languages() {
        return FetchSettings.LANGUAGES;
    }
}
