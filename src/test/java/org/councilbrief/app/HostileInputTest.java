package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.councilbrief.account.Accounts;
import org.councilbrief.account.Role;
import org.councilbrief.account.Session;
import org.councilbrief.db.Database;
import org.councilbrief.ingest.HostileCorpus;
import org.councilbrief.ingest.HostileCorpus.Case;
import org.councilbrief.ingest.HostileCorpus.Expect;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input through every door: each file of the {@link HostileCorpus} (over 200 malformed files, every import
 * kind) is imported through the command line ({@code import FILE --kind …}, in this process through picocli) and
 * through the import page (the form sent with the file, as a browser sends it, then its Import button). No answer is a
 * 500 or shows a stack trace; a refusal exits with 2 or answers 400, names the file, the line where the corpus says
 * there is one and the reason, quotes at most a short excerpt, and leaves every table of the database as it was. The
 * figures (files by malformation and door, outcomes, time) are written to {@code target/hostile-input.txt}.
 */
class HostileInputTest {
    /** The longest a refusal may be: a message that quotes an excerpt of the input, not the input. */
    private static final int MAX_MESSAGE = 600;
    /** The longest one file may take through one door on a shared build machine. */
    private static final long SLOW_MS = 60_000;
    private static final Pattern STACK = Pattern.compile("\\bat [a-z]+\\.[\\w.$]+\\(|Exception\\b|\\tat ");

    @TempDir
    static Path dir;
    private static List<Case> corpus;

    @BeforeAll
    static void writeCorpus() {
        long start = System.nanoTime();
        corpus = HostileCorpus.write(dir.resolve("corpus"));
        Figures.line("corpus: " + corpus.size() + " files written in " + millis(start) + " ms");
    }

    @Test
    void theCorpusHasOverTwoHundredFilesOfEveryKind() {
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
        assertThat(corpus).extracting(Case::source).contains("UPR report", "meeting record", "press release",
                "resolution", "UPR Info CSV", "UHRI CSV", "brief text");
        assertThat(corpus).filteredOn(c -> c.expect() == Expect.REFUSED).hasSizeGreaterThan(150);
    }

    @Test
    void everyFileThroughTheCommandLine() throws Exception {
        String url = "jdbc:h2:mem:hostile-cli-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        try (Database database = Database.open(url)) {
            seed(url);
            List<String> problems = new Problems();
            Tally tally = new Tally("command line");
            for (Case c : corpus) {
                Map<String, Long> before = fingerprint(database);
                long start = System.nanoTime();
                CliRun run = c.kind().equals(HostileCorpus.BRIEF_TEXT)
                        ? CliRun.of("brief", "import-text", c.file().toString())
                        : c.date() == null ? CliRun.of("import", c.file().toString(), "--kind", c.kind(), "--db", url)
                        : CliRun.of("import", c.file().toString(), "--kind", c.kind(), "--date", c.date(), "--db", url);
                long ms = millis(start);
                boolean refused = run.code() == 2;
                tally.add(c, refused, ms);
                String what = c + ": ";
                if (ms > SLOW_MS) {
                    problems.add(what + "took " + ms + " ms");
                }
                if (run.code() != 0 && run.code() != 2) {
                    problems.add(what + "exit code " + run.code() + ": " + excerpt(run.err()));
                }
                if (STACK.matcher(run.err()).find()) {
                    problems.add(what + "stack trace: " + excerpt(run.err()));
                }
                if (refused) {
                    String message = run.err().strip();
                    if (!run.out().isEmpty()) {
                        problems.add(what + "refused, yet printed " + excerpt(run.out()));
                    }
                    problems.addAll(checkRefusal(c, message, c.file().toString(), c.file() + ":" + c.line() + ":"));
                    if (!fingerprint(database).equals(before)) {
                        problems.add(what + "refused, yet the database changed");
                    }
                }
                problems.addAll(checkOutcome(c, refused, run.err()));
            }
            tally.write();
            assertThat(problems).as(problems.size() + " problems").isEmpty();
        }
    }

    @Test
    void everyFileThroughTheImportPage() throws Exception {
        try (Database database = Database.inMemory("hostile-web-" + System.nanoTime())) {
            Application application = Application.start(database, false);
            Accounts accounts = new Accounts(database);
            accounts.add("edith", "an editor's long password", Role.EDITOR);
            Session session = accounts.login("edith", "an editor's long password");
            List<String> problems = new Problems();
            Tally tally = new Tally("import page");
            WebTest.test(WebServer.create(application), (server, client) -> {
                // an import reads every sentence with the positions model: seconds, more on a busy machine
                OkHttpClient http = client.getOkHttp().newBuilder().followRedirects(true)
                        .readTimeout(java.time.Duration.ofSeconds(90)).build();
                Browser browser = new Browser(http, client.getOrigin(), session);
                Page page = browser.get("/workspace/import");
                for (Case c : corpus) {
                    if (c.kind().equals(HostileCorpus.BRIEF_TEXT)) {
                        continue;
                    }
                    Map<String, Long> before = fingerprint(database);
                    long start = System.nanoTime();
                    Map<String, String> fields = new LinkedHashMap<>();
                    fields.put("kind", c.kind());
                    fields.put("date", c.date() == null ? "" : c.date());
                    Page preview = browser.press(page, "Preview", fields, c.name(), Files.readAllBytes(c.file()));
                    Page last = preview;
                    if (preview.code() == 200 && preview.body().contains(">Import</button>")) {
                        last = browser.press(preview, "Import", Map.of(), null, null);
                    }
                    long ms = millis(start);
                    boolean refused = last.code() == 400;
                    tally.add(c, refused, ms);
                    String what = c + ": ";
                    if (ms > SLOW_MS) {
                        problems.add(what + "took " + ms + " ms");
                    }
                    if (last.code() != 200 && last.code() != 400) {
                        problems.add(what + "answered " + last.code() + ": " + excerpt(last.body()));
                    }
                    if (STACK.matcher(last.body()).find()) {
                        problems.add(what + "stack trace in the page: " + excerpt(last.body()));
                    }
                    if (refused) {
                        String message = last.errors();
                        problems.addAll(checkRefusal(c, message, c.name(), c.name() + ", line " + c.line() + ":"));
                        if (!fingerprint(database).equals(before)) {
                            problems.add(what + "refused, yet the database changed");
                        }
                        if (c.expect() != Expect.REFUSED && !message.contains("MB")) {
                            problems.addAll(checkOutcome(c, true, message));
                        }
                    } else {
                        if (!last.body().contains("Imported " + c.name().replace("'", "&#39;"))
                                && !last.body().contains("was imported before")) {
                            problems.add(what + "neither refused nor imported: " + excerpt(last.body()));
                        }
                        problems.addAll(checkOutcome(c, false, ""));
                    }
                    page = last.body().contains(">Preview</button>") ? last : browser.get("/workspace/import");
                }
                // A name no file system allows: refused beside the file field, quoting only its start.
                Map<String, Long> before = fingerprint(database);
                Page longName = browser.press(page, "Preview", Map.of("kind", "resolution"), "r".repeat(300)
                        + ".txt", "The Security Council,\n\n1. Decides.\n".getBytes(java.nio.charset.StandardCharsets
                        .UTF_8));
                assertThat(longName.code()).isEqualTo(400);
                assertThat(longName.errors()).contains("name").contains("longer than 255 characters").hasSizeLessThan(
                        MAX_MESSAGE);
                assertThat(fingerprint(database)).isEqualTo(before);
                // Names of 2,000 and 100,000 characters (a part header over Jetty's limits): a 400 in words.
                for (int length : new int[] {2_000, 100_000}) {
                    Page unreadable = browser.press(page, "Preview", Map.of("kind", "resolution"), "r".repeat(length)
                            + ".txt", "The Security Council,\n\n1. Decides.\n".getBytes(
                            java.nio.charset.StandardCharsets.UTF_8));
                    assertThat(unreadable.code()).as("a name of %d characters", length).isEqualTo(400);
                    assertThat(unreadable.body()).as("a name of %d characters", length).containsAnyOf("too long",
                            "longer than 255 characters").doesNotContain("r".repeat(300));
                    assertThat(fingerprint(database)).isEqualTo(before);
                }
            });
            tally.write();
            assertThat(problems).as(problems.size() + " problems").isEmpty();
        }
    }

    /** A refusal names the file, the reason (the corpus's word for it), the line where there is one, and is short. */
    private static List<String> checkRefusal(Case c, String message, String file, String fileAndLine) {
        List<String> problems = new ArrayList<>();
        String what = c + ": ";
        if (!message.contains(file)) {
            problems.add(what + "the refusal does not name the file: " + excerpt(message));
        }
        if (c.reason() != null && !message.toLowerCase(java.util.Locale.ROOT).contains(
                c.reason().toLowerCase(java.util.Locale.ROOT))) {
            problems.add(what + "the refusal does not say '" + c.reason() + "': " + excerpt(message));
        }
        if (c.line() > 0 && !message.contains(fileAndLine)) {
            problems.add(what + "the refusal does not name line " + c.line() + ": " + excerpt(message));
        }
        if (message.length() > MAX_MESSAGE) {
            problems.add(what + "a refusal of " + message.length() + " characters: " + excerpt(message));
        }
        if (message.length() < file.length() + 10) {
            problems.add(what + "a refusal without a reason: " + excerpt(message));
        }
        return problems;
    }

    private static List<String> checkOutcome(Case c, boolean refused, String message) {
        if (c.expect() == Expect.REFUSED && !refused) {
            return List.of(c + ": imported, but should have been refused");
        }
        if (c.expect() == Expect.IMPORTED && refused) {
            return List.of(c + ": refused, but should have been imported: " + excerpt(message));
        }
        return List.of();
    }

    /** Data already there, so that a refused import that wrote or replaced anything would show. */
    private static void seed(String url) {
        Path data = org.councilbrief.SharedData.root().resolve("data");
        CliRun record = CliRun.of("import", data.resolve("council-speeches/meetings/SPV.8703.txt").toString(),
                "--kind", "meeting-record", "--date", "2020-01-15", "--db", url);
        assertThat(record.code()).as(record.err()).isZero();
        CliRun resolution = CliRun.of("import", data.resolve("pages/seed_sources/res2690_2023_text_partial.txt")
                .toString(), "--kind", "resolution", "--db", url);
        assertThat(resolution.code()).as(resolution.err()).isZero();
    }

    /** The number of rows of every table, and the length of the stored texts. */
    static Map<String, Long> fingerprint(Database database) {
        return database.jdbi().withHandle(h -> {
            Map<String, Long> counts = new TreeMap<>();
            List<String> tables = h.createQuery("select table_name from information_schema.tables where"
                    + " table_schema = 'PUBLIC' and table_type = 'BASE TABLE'").mapTo(String.class).list();
            for (String table : tables) {
                counts.put(table, h.createQuery("select count(*) from \"" + table + "\"").mapTo(Long.class).one());
            }
            counts.put("recommendation text", h.createQuery("select coalesce(sum(length(body)), 0) from"
                    + " upr_recommendation").mapTo(Long.class).one());
            counts.put("statement text", h.createQuery("select coalesce(sum(length(body)), 0) from statement")
                    .mapTo(Long.class).one());
            return counts;
        });
    }

    private static String excerpt(String text) {
        String t = text.replaceAll("\\s+", " ").strip();
        return t.length() <= 300 ? t : t.substring(0, 300) + "…";
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The problems found, each also printed as it is found. */
    private static final class Problems extends ArrayList<String> {
        @Override
        public boolean add(String problem) {
            System.out.println("PROBLEM " + problem);
            return super.add(problem);
        }

        @Override
        public boolean addAll(java.util.Collection<? extends String> problems) {
            problems.forEach(this::add);
            return !problems.isEmpty();
        }
    }

    /** A page as the browser holds it. */
    private record Page(String url, int code, String body) {
        /** The reasons the page gives beside its fields or above the form, unescaped. */
        String errors() {
            Matcher m = Pattern.compile("id=\"[a-z]+-error\" role=\"alert\">(.*?)</p>", Pattern.DOTALL).matcher(body);
            List<String> errors = new ArrayList<>();
            while (m.find()) {
                errors.add(m.group(1).replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<")
                        .replace("&gt;", ">").replace("&amp;", "&"));
            }
            return String.join(" | ", errors);
        }
    }

    /** An editor's browser: their session's cookie on every request, the forms sent as the page fills them. */
    private record Browser(OkHttpClient http, String origin, Session session) {
        Page get(String path) throws IOException {
            return send(new Request.Builder().url(origin + path));
        }

        Page send(Request.Builder request) throws IOException {
            try (Response r = http.newCall(request.header("Cookie", "cb_session=" + session.id()).build()).execute()) {
                return new Page(r.request().url().toString(), r.code(), r.body().string());
            }
        }

        /** Sends the form that holds the button, with its hidden fields, the fields given and the file chosen. */
        Page press(Page page, String button, Map<String, String> typed, String fileName, byte[] file)
                throws IOException {
            Matcher forms = Pattern.compile("<form[^>]*>.*?</form>", Pattern.DOTALL).matcher(page.body());
            String form = null;
            while (forms.find()) {
                if (forms.group().contains(">" + button + "</button>")) {
                    form = forms.group();
                    break;
                }
            }
            assertThat(form).as("a form with the button " + button + " in " + excerpt(page.body())).isNotNull();
            HttpUrl target = HttpUrl.get(page.url()).resolve(attribute(form.substring(0, form.indexOf('>')),
                    "action"));
            Map<String, String> values = new LinkedHashMap<>();
            Matcher inputs = Pattern.compile("<input [^>]*>").matcher(form);
            while (inputs.find()) {
                String input = inputs.group();
                if (!"file".equals(attribute(input, "type")) && attribute(input, "name") != null) {
                    String value = attribute(input, "value");
                    values.put(attribute(input, "name"), value == null ? "" : value.replace("&#39;", "'"));
                }
            }
            Matcher pressed = Pattern.compile("<button[^>]*>" + Pattern.quote(button) + "</button>").matcher(form);
            assertThat(pressed.find()).isTrue();
            values.put(attribute(pressed.group(), "name"), attribute(pressed.group(), "value"));
            values.putAll(typed);
            MultipartBody.Builder body = new MultipartBody.Builder().setType(MultipartBody.FORM);
            values.forEach(body::addFormDataPart);
            if (form.contains("enctype=\"multipart/form-data\"")) {
                body.addFormDataPart("file", fileName == null ? "" : fileName, RequestBody.create(file == null
                        ? new byte[0] : file, MediaType.get("application/octet-stream")));
            }
            return send(new Request.Builder().url(target).post(body.build()));
        }

        private static String attribute(String tag, String name) {
            Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
            return m.find() ? m.group(1).replace("&amp;", "&") : null;
        }
    }

    /** The figures of one door: files and outcomes by malformation, and time. */
    private static final class Tally {
        private final String door;
        private final Map<String, int[]> byMalformation = new TreeMap<>();
        private final long started = System.nanoTime();
        private int refused;
        private int imported;
        private long slowest;
        private String slowestCase = "";

        Tally(String door) {
            this.door = door;
        }

        void add(Case c, boolean wasRefused, long ms) {
            int[] n = byMalformation.computeIfAbsent(c.malformation().replaceAll("'.*'", "…"), k -> new int[3]);
            n[0]++;
            n[wasRefused ? 1 : 2]++;
            if (wasRefused) {
                refused++;
            } else {
                imported++;
            }
            if (ms > 3_000) {
                System.out.println(door + ": " + c + " took " + ms + " ms");
            }
            if (ms > slowest) {
                slowest = ms;
                slowestCase = c.toString();
            }
        }

        void write() throws IOException {
            StringBuilder s = new StringBuilder();
            s.append(door).append(": ").append(refused + imported).append(" files, ").append(refused)
                    .append(" refused, ").append(imported).append(" imported, in ").append(millis(started))
                    .append(" ms; slowest ").append(slowest).append(" ms (").append(slowestCase).append(")\n");
            byMalformation.forEach((m, n) -> s.append("  ").append(m).append(": ").append(n[0]).append(" files, ")
                    .append(n[1]).append(" refused, ").append(n[2]).append(" imported\n"));
            Figures.line(s.toString());
        }
    }

    /** The figures, on stdout and appended to target/hostile-input.txt. */
    private static final class Figures {
        static synchronized void line(String text) {
            System.out.println(text);
            try {
                Path out = Path.of("target", "hostile-input.txt");
                Files.createDirectories(out.getParent());
                Files.writeString(out, text + "\n", java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
