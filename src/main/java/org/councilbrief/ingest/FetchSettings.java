package org.councilbrief.ingest;

import static org.councilbrief.Forms.excerpt;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.councilbrief.AppException;

/**
 * Where documents are fetched from and kept (decision 0043).
 *
 * @param template the address of a document, with {@code {symbol}} (required) and {@code {language}} (optional)
 *     placeholders; by default the UN's Official Document System, {@link #DEFAULT_TEMPLATE}
 * @param cache the folder documents are kept in once fetched, one sub-folder per language
 * @param attempts how many times a request is tried in all (a refused connection, a timeout, a 429 or a 5xx)
 * @param backOff the wait after the first failed try, doubled after each next one
 * @param connectTimeout how long a connection may take
 * @param requestTimeout how long the server may take to answer
 * @param deadline how long one request may take in all, its whole body read (a server that sends a byte at a time is
 *     given up at it, and tried again as a timeout is)
 * @param maxBytes the most bytes a document may have; a larger one is refused, said or seen as it comes
 */
public record FetchSettings(String template, Path cache, int attempts, Duration backOff, Duration connectTimeout,
        Duration requestTimeout, Duration deadline, long maxBytes) {
    /** The default deadline of one request: five minutes, its body read. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(5);
    /** The default cap: what the import page takes. */
    public static final long DEFAULT_MAX_BYTES = ImportRoutes.MAX_BYTES;

    public static final String DEFAULT_TEMPLATE = "https://documents.un.org/api/symbol/access?s={symbol}&l={language}"
            + "&t=pdf";
    /** The environment variable that gives the template where no option does. */
    public static final String TEMPLATE_VARIABLE = "COUNCILBRIEF_DOCUMENTS_URL";
    /** The environment variable that gives the cache folder where no option does. */
    public static final String CACHE_VARIABLE = "COUNCILBRIEF_DOCUMENTS_CACHE";
    /** The default cache: beside the default database, under {@code ./data}. */
    public static final Path DEFAULT_CACHE = Path.of("data", "documents");
    static final List<String> LANGUAGES = List.of("en", "fr");

    public FetchSettings {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts " + attempts);
        }
        if (deadline.isNegative() || deadline.isZero() || maxBytes < 1) {
            throw new IllegalArgumentException("deadline " + deadline + ", at most " + maxBytes + " bytes");
        }
    }

    /** Settings with the default deadline and cap. */
    public FetchSettings(String template, Path cache, int attempts, Duration backOff, Duration connectTimeout,
            Duration requestTimeout) {
        this(template, cache, attempts, backOff, connectTimeout, requestTimeout, DEFAULT_DEADLINE, DEFAULT_MAX_BYTES);
    }

    /**
     * The settings from what was given, else the environment, else the defaults; the template is checked.
     *
     * @param template the template given (an option), or null
     * @param cache the cache folder given, or null
     */
    public static FetchSettings of(String template, Path cache, Map<String, String> environment) throws AppException {
        String t = template != null ? template : environment.get(TEMPLATE_VARIABLE);
        if (t == null || t.isBlank()) {
            t = DEFAULT_TEMPLATE;
        }
        String c = environment.get(CACHE_VARIABLE);
        Path folder = cache != null ? cache : c != null && !c.isBlank() ? Path.of(c) : DEFAULT_CACHE;
        return new FetchSettings(checked(t), folder.toAbsolutePath(), 4, Duration.ofSeconds(2),
                Duration.ofSeconds(15), Duration.ofSeconds(90));
    }

    /** The defaults, or what the environment sets; a template the environment sets wrong is refused. */
    public static FetchSettings fromEnvironment() throws AppException {
        return of(null, null, System.getenv());
    }

    /** The same settings with another cache folder. */
    public FetchSettings withCache(Path folder) {
        return new FetchSettings(template, folder, attempts, backOff, connectTimeout, requestTimeout, deadline,
                maxBytes);
    }

    /** The same settings with other tries and waits (tests make them short). */
    public FetchSettings withTries(int tries, Duration firstBackOff, Duration timeout) {
        return new FetchSettings(template, cache, tries, firstBackOff, timeout, timeout, deadline, maxBytes);
    }

    /** The same settings with another deadline per request and another cap on a document's size. */
    public FetchSettings withLimits(Duration requestDeadline, long bytes) {
        return new FetchSettings(template, cache, attempts, backOff, connectTimeout, requestTimeout, requestDeadline,
                bytes);
    }

    /** A template as given, checked: an http(s) address with a {symbol} placeholder. */
    static String checked(String template) throws AppException {
        String t = template.strip();
        if (!t.contains("{symbol}")) {
            throw new AppException("the documents' address '" + excerpt(t) + "' has no {symbol} placeholder; write"
                    + " it as, e.g., " + DEFAULT_TEMPLATE);
        }
        try {
            URI uri = new URI(t.replace("{symbol}", "S").replace("{language}", "en"));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new AppException("the documents' address '" + excerpt(t) + "' is not an http or https"
                        + " address");
            }
        } catch (URISyntaxException e) {
            throw new AppException("the documents' address '" + excerpt(t) + "' is not an address: "
                    + excerpt(e.getReason()), e);
        }
        return t;
    }

    /** A language code as typed, checked: en or fr. */
    public static String language(String language) throws AppException {
        String l = language == null ? "en" : language.strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(l)) {
            throw new AppException("'" + excerpt(language) + "' is not a language documents are fetched in;"
                    + " expected en (English) or fr (French)");
        }
        return l;
    }
}
