package org.councilbrief.ingest;

import static org.councilbrief.Forms.excerpt;

import java.io.IOException;
import java.nio.ByteBuffer;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;
import org.councilbrief.AppException;
import org.councilbrief.document.Symbol;

/**
 * Gets a document's PDF from the UN's Official Document System (ODS) by its symbol and language, through an address
 * template ({@link FetchSettings}), and keeps it in a local cache so that a document is asked for once. Requests go one
 * at a time in the whole process (one lock for every fetcher, the command line's and the web pages' alike), with
 * timeouts and a deadline for the whole of each request, its body read, and a cap on a document's size (a server
 * that sends a byte at a time is given up at the deadline; a larger document is refused as it comes, not tried again);
 * a refused connection, a timeout, a deadline passed, a 429 or a 5xx is tried again after a back-off that doubles
 * with random jitter, or after the time the server's Retry-After asks; any other 4xx is not. A 404, or an answer
 * that is not a PDF (ODS answers some unknown symbols with a web page), says that the document does not exist, naming
 * the symbol and the address asked. Decision 0043.
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
            // The whole exchange, its body read, within the deadline; a 200's body within the cap (decision 0043).
            CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, info -> info.statusCode()
                    == 200 ? new Capped(settings.maxBytes(), info.headers().firstValueAsLong("Content-Length")
                            .orElse(-1)) : HttpResponse.BodySubscribers.replacing(new byte[0]));
            try {
                HttpResponse<byte[]> response = exchange.get(settings.deadline().toMillis(), TimeUnit.MILLISECONDS);
                int status = response.statusCode();
                if (status == 200) {
                    byte[] bytes = response.body();
                    if (!isPdf(bytes)) {
                        String type = response.headers().firstValue("Content-Type").orElse("no content type");
                        throw new AppException("the UN's document system has no " + name + " document " + symbol
                                + " (" + url + " answered with " + describe(type) + ", not a PDF); check the symbol"
                                + (language.equals("en") ? "" : " and the language"));
                    }
                    return new Answer(bytes, attempt);
                }
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
            } catch (TimeoutException e) {
                exchange.cancel(true); // closes the connection: the server stops sending to nobody
                failure = new Failure(url + " did not send the whole document within "
                        + seconds(settings.deadline()), null);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
                    cause = cause.getCause();
                }
                if (cause instanceof TooLargeException || cause != null
                        && cause.getCause() instanceof TooLargeException) {
                    throw new AppException("the document " + symbol + " at " + url + " is larger than "
                            + size(settings.maxBytes()) + ", the most a fetched document may have; it was not kept");
                } else if (cause instanceof HttpTimeoutException) {
                    failure = new Failure(url + " did not answer within " + seconds(settings.requestTimeout()), null);
                } else if (cause instanceof ConnectException c) {
                    failure = new Failure(url + " cannot be reached (" + reason(c) + ")", null);
                } else if (cause instanceof IOException io) {
                    failure = new Failure(url + " failed (" + reason(io) + ")", null);
                } else {
                    throw new IllegalStateException("the fetch of " + symbol + " failed", cause);
                }
            } catch (InterruptedException e) {
                exchange.cancel(true);
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

    /** A body over the cap: refused as it comes, or at once when its length is said beforehand. */
    private static final class TooLargeException extends IOException {
        TooLargeException() {
            super("larger than the cap", null);
        }
    }

    /** Collects a body of at most {@code max} bytes; one more and the exchange is cancelled and failed. */
    private static final class Capped implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private final long max;
        private final long declared;
        private Flow.Subscription subscription;

        Capped(long max, long declared) {
            this.max = max;
            this.declared = declared;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (declared > max) {
                s.cancel();
                result.completeExceptionally(new TooLargeException());
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                if (bytes.size() + (long) b.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLargeException());
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
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

    /** A duration in seconds as said to a person: "90 s", "0.8 s". */
    static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s"
                : java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + " s";
    }

    /** A size as said to a person: "20 MB", "100 KB", "512 bytes". */
    static String size(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MB";
        }
        if (bytes >= 1000 && bytes % 1000 == 0) {
            return bytes / 1000 + " KB";
        }
        return bytes >= 1 << 10 && bytes % (1 << 10) == 0 ? (bytes >> 10) + " KB" : bytes + " bytes";
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
