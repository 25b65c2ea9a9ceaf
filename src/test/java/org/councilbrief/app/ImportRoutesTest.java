package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.councilbrief.SharedData;
import org.councilbrief.account.Accounts;
import org.councilbrief.account.Role;
import org.councilbrief.account.Session;
import org.councilbrief.db.Database;
import org.junit.jupiter.api.Test;

/**
 * The import page over HTTP. Every step is taken by sending the form the page shows, to the address its action names
 * resolved against the page's own address, as a browser does: preview, a refusal, a correction, confirm, cancel. Then
 * every form action and link of every page met is followed, and none leads nowhere.
 */
class ImportRoutesTest {
    private static final Path RECORD = SharedData.root().resolve("data/council-speeches/meetings/SPV.8703.txt");

    /** A page as a browser holds it: where it is, its status, its HTML. */
    private record Page(String url, int code, String body) {
        String field(String id) {
            Matcher m = Pattern.compile("<(?:input|select)[^>]*id=\"" + id + "\"[^>]*>").matcher(body);
            return m.find() ? m.group() : "";
        }

        String selected() {
            Matcher m = Pattern.compile("<option value=\"([^\"]*)\" selected>").matcher(body);
            return m.find() ? m.group(1) : "";
        }

        String upload() {
            Matcher m = Pattern.compile("name=\"upload\" value=\"([0-9a-f]+)\"").matcher(body);
            return m.find() ? m.group(1) : "";
        }
    }

    /** A file chosen in the form's file field. */
    private record Chosen(String name, byte[] bytes) {
    }

    /** An editor's browser: their session's cookie on every request, redirects followed. */
    private record Browser(WebClient client, Session session) {
        OkHttpClient http(boolean follow) {
            // an import reads every sentence with the positions model: seconds, more on a busy machine
            return client.getOkHttp().newBuilder().followRedirects(follow)
                    .readTimeout(java.time.Duration.ofSeconds(90)).build();
        }

        Page get(String path) throws IOException {
            return send(new Request.Builder().url(client.getOrigin() + path), true);
        }

        Page send(Request.Builder request, boolean follow) throws IOException {
            try (Response r = http(follow).newCall(request.header("Cookie", "cb_session=" + session.id()).build())
                    .execute()) {
                return new Page(r.request().url().toString(), r.code(), r.body().string());
            }
        }

        /**
         * Presses the button {@code button} of the page: sends its form to the form's action resolved against the
         * page's address, with the form's fields as the page fills them (the option selected), the button's name and
         * value, and the fields typed and the file chosen.
         */
        Page press(Page page, String button, Map<String, String> fields, Chosen file) throws IOException {
            String form = formWith(page.body(), button);
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
            Matcher selects = Pattern.compile("<select [^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", Pattern.DOTALL)
                    .matcher(form);
            while (selects.find()) {
                Matcher option = Pattern.compile("<option value=\"([^\"]*)\" selected>").matcher(selects.group(2));
                values.put(selects.group(1), option.find() ? option.group(1) : "");
            }
            Matcher pressed = Pattern.compile("<button[^>]*>" + Pattern.quote(button) + "</button>").matcher(form);
            assertThat(pressed.find()).isTrue();
            String name = attribute(pressed.group(), "name");
            if (name != null) {
                values.put(name, attribute(pressed.group(), "value"));
            }
            values.putAll(fields);
            RequestBody body;
            if (form.contains("enctype=\"multipart/form-data\"")) {
                MultipartBody.Builder multipart = new MultipartBody.Builder().setType(MultipartBody.FORM);
                values.forEach(multipart::addFormDataPart);
                if (file != null) {
                    multipart.addFormDataPart("file", file.name(), RequestBody.create(file.bytes(),
                            MediaType.get("text/plain")));
                } else {
                    multipart.addFormDataPart("file", "", RequestBody.create(new byte[0],
                            MediaType.get("application/octet-stream"))); // a file field left empty
                }
                body = multipart.build();
            } else {
                FormBody.Builder urlencoded = new FormBody.Builder();
                values.forEach(urlencoded::add);
                body = urlencoded.build();
            }
            return send(new Request.Builder().url(target).post(body), true);
        }
    }

    private static String formWith(String html, String button) {
        Matcher forms = Pattern.compile("<form[^>]*>.*?</form>", Pattern.DOTALL).matcher(html);
        while (forms.find()) {
            if (forms.group().contains(">" + button + "</button>")) {
                return forms.group();
            }
        }
        throw new AssertionError("no form with a button '" + button + "' on the page:\n" + html);
    }

    private static String attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
        return m.find() ? m.group(1).replace("&amp;", "&") : null;
    }

    /**
     * Every form action (sent as a form without its token: an existing route refuses it with 403) and every link
     * (asked for: an existing page answers, or sends the reader on) of the page, resolved against its address.
     */
    private static List<String> deadEnds(Browser browser, Page page) throws IOException {
        List<String> dead = new ArrayList<>();
        Matcher targets = Pattern.compile("<(form|a)\\s[^>]*?(action|href)=\"([^\"]*)\"[^>]*>").matcher(page.body());
        int seen = 0;
        while (targets.find()) {
            seen++;
            HttpUrl url = HttpUrl.get(page.url()).resolve(targets.group(3).replace("&amp;", "&"));
            // A form that posts (a GET form, such as the header's search, is asked for as a link is)
            boolean posts = targets.group(1).equals("form") && !targets.group().contains("method=\"get\"");
            Page answer = posts
                    ? browser.send(new Request.Builder().url(url).post(new FormBody.Builder().build()), false)
                    : browser.send(new Request.Builder().url(url), false);
            boolean exists = posts ? answer.code() == 403 : answer.code() == 200 || answer.code() == 302;
            if (!exists) {
                dead.add(page.url() + " -> " + targets.group(3) + " = " + url + " answered " + answer.code());
            }
        }
        assertThat(seen).as(page.url()).isPositive();
        return dead;
    }

    /** The file kept on the server under this token, in the application's folder under the temporary folder. */
    private static boolean keptOnDisk(String token) throws IOException {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(Path.of(System.getProperty(
                "java.io.tmpdir")), "councilbrief-import-*")) {
            for (Path folder : folders) {
                if (Files.isRegularFile(folder.resolve(token))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int count(Database database, String table) {
        return database.jdbi().withHandle(h -> h.createQuery("select count(*) from " + table).mapTo(Integer.class)
                .one());
    }

    @Test
    void anEditorPreviewsCorrectsImportsAndCancelsAndEveryPageLeadsOnlyToPagesThatExist() throws Exception {
        try (Database database = Database.inMemory("import-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            // The demo brings its own meeting (S/PV.9365); this import adds to it.
            int meetings = count(database, "meeting");
            int statements = count(database, "statement");
            Accounts accounts = new Accounts(database);
            accounts.add("edith", "an editor's long password", Role.EDITOR);
            Session session = accounts.login("edith", "an editor's long password");
            Chosen record = new Chosen("SPV.8703.txt", Files.readAllBytes(RECORD));
            Chosen report = new Chosen("lithuania2011.txt", Files.readAllBytes(SharedData.root().resolve(
                    "data/upr-reports/reports/lithuania2011.txt")));
            WebTest.test(WebServer.create(application), (server, client) -> {
                Browser browser = new Browser(client, session);
                List<Page> pages = new ArrayList<>();
                Page form = browser.get("/workspace/import");
                pages.add(form);
                assertThat(form.code()).isEqualTo(200);
                assertThat(form.body()).contains("<label for=\"file\">").contains("<label for=\"kind\">")
                        .contains("<label for=\"date\">");

                // No date: refused beside the date field, in the page's words; all typed is kept, and the file too.
                Page noDate = browser.press(form, "Preview", Map.of("kind", "meeting-record", "symbol", "",
                        "situation", "mali", "date", ""), record);
                pages.add(noDate);
                assertThat(noDate.code()).isEqualTo(400);
                assertThat(noDate.body()).contains("<p class=\"field-error\" id=\"date-error\" role=\"alert\">"
                        + "SPV.8703.txt: the record does not print its date; enter the meeting's date.</p>")
                        .doesNotContain("--date");
                assertThat(noDate.field("date")).contains("aria-invalid=\"true\"")
                        .contains("aria-describedby=\"date-hint date-error\"");
                assertThat(noDate.selected()).isEqualTo("meeting-record");
                assertThat(noDate.field("situation")).contains("value=\"mali\"");
                assertThat(noDate.body()).contains("Kept on the server from your last try: <strong>SPV.8703.txt"
                        + "</strong>");
                assertThat(noDate.field("file")).doesNotContain("required");
                String token = noDate.upload();
                assertThat(keptOnDisk(token)).isTrue();
                assertThat(count(database, "meeting")).isEqualTo(meetings);

                // The date typed, the file not chosen again: the preview.
                Page preview = browser.press(noDate, "Preview", Map.of("date", "2020-01-15"), null);
                pages.add(preview);
                assertThat(preview.code()).isEqualTo(200);
                assertThat(preview.body()).contains("S/PV.8703").contains("speeches: 18").contains("Mr. Lacroix")
                        .contains("Meeting date: 2020-01-15");
                assertThat(count(database, "meeting")).isEqualTo(meetings); // a preview writes nothing

                // Change the details: the form again, as typed, the file still kept.
                Page edit = browser.press(preview, "Change the details", Map.of(), null);
                pages.add(edit);
                assertThat(edit.field("date")).contains("value=\"2020-01-15\"");
                assertThat(edit.upload()).isEqualTo(token);
                Page again = browser.press(edit, "Preview", Map.of(), null);
                pages.add(again);

                Page done = browser.press(again, "Import", Map.of(), null);
                pages.add(done);
                assertThat(done.code()).isEqualTo(200);
                assertThat(done.url()).contains("/workspace/import?imported=");
                assertThat(done.body()).contains("Imported SPV.8703.txt as S/PV.8703.")
                        .contains(">Import another file</a>").contains(">Review the meeting's positions</a>");
                assertThat(count(database, "statement")).isEqualTo(statements + 18);
                assertThat(keptOnDisk(token)).isFalse(); // removed after use
                assertThat(browser.get(done.url().substring(done.url().indexOf("/workspace"))).body())
                        .contains("Imported SPV.8703.txt"); // reloading shows it again and imports nothing

                // A confirm refused after its preview keeps the file and the fields: the situation went meanwhile.
                database.jdbi().useHandle(h -> h.execute("insert into situation (id, name) values ('testland',"
                        + " 'Testland')"));
                Page second = browser.get("/workspace/import");
                Page reportPreview = browser.press(second, "Preview", Map.of("kind", "upr-report", "situation",
                        "testland"), report);
                assertThat(reportPreview.code()).as(reportPreview.body()).isEqualTo(200);
                database.jdbi().useHandle(h -> h.execute("delete from situation where id = 'testland'"));
                Page refused = browser.press(reportPreview, "Import", Map.of(), null);
                pages.add(refused);
                assertThat(refused.code()).isEqualTo(400);
                assertThat(refused.body()).contains("id=\"situation-error\" role=\"alert\">No situation"
                        + " 'testland' in the database.</p>").contains("<strong>lithuania2011.txt</strong>");
                assertThat(refused.field("situation")).contains("value=\"testland\"")
                        .contains("aria-invalid=\"true\"");
                assertThat(refused.selected()).isEqualTo("upr-report");
                assertThat(keptOnDisk(refused.upload())).isTrue();
                Page corrected = browser.press(refused, "Preview", Map.of("situation", ""), null);
                assertThat(corrected.code()).isEqualTo(200);
                Page imported = browser.press(corrected, "Import", Map.of(), null);
                assertThat(imported.body()).contains("Imported lithuania2011.txt as");
                pages.add(imported);

                // Cancel from a preview: nothing written, the file no longer kept.
                Page third = browser.press(browser.get("/workspace/import"), "Preview", Map.of("kind",
                        "meeting-record", "date", "2020-01-15"), record);
                String cancelledToken = third.upload();
                Page cancelled = browser.press(third, "Cancel", Map.of(), null);
                pages.add(cancelled);
                assertThat(cancelled.code()).isEqualTo(200);
                assertThat(cancelled.body()).contains("Cancelled: SPV.8703.txt was not imported");
                assertThat(keptOnDisk(cancelledToken)).isFalse();

                // A preview sent again once its file is gone: said so, in the page's words.
                Page expired = browser.press(third, "Import", Map.of(), null);
                pages.add(expired);
                assertThat(expired.code()).isEqualTo(400);
                assertThat(expired.body()).contains("is no longer kept on the server");

                // A client that still sends to the earlier address is sent on to the page.
                Page old = browser.send(new Request.Builder().url(client.getOrigin() + "/workspace/import/preview")
                        .post(new MultipartBody.Builder().setType(MultipartBody.FORM)
                                .addFormDataPart("_csrf", session.csrfToken()).addFormDataPart("kind", "resolution")
                                .addFormDataPart("file", "r.txt", RequestBody.create("no resolution here".getBytes(),
                                        MediaType.get("text/plain"))).build()), true);
                pages.add(old);
                assertThat(old.url()).endsWith("/workspace/import");
                assertThat(old.code()).isEqualTo(400);

                List<String> dead = new ArrayList<>();
                for (Page page : pages) {
                    dead.addAll(deadEnds(browser, page));
                }
                assertThat(dead).isEmpty();
            });
        }
    }

    @Test
    void aRecordWhoseHeaderFileNameOrSymbolNameDifferentMeetingsIsRefusedNamingBoth() throws Exception {
        try (Database database = Database.inMemory("import-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            Accounts accounts = new Accounts(database);
            accounts.add("edith", "an editor's long password", Role.EDITOR);
            Session session = accounts.login("edith", "an editor's long password");
            String printed = org.councilbrief.quality.PrintedRecord.layout(
                    org.councilbrief.quality.PrintedRecord.Style.UN, Files.readString(RECORD),
                    new org.councilbrief.quality.PrintedRecord.Meeting("S/PV.8703", 8703, "The situation in Mali",
                            java.time.LocalDate.of(2020, 1, 15), "20-00789")).text();
            WebTest.test(WebServer.create(application), (server, client) -> {
                Browser browser = new Browser(client, session);
                Page form = browser.get("/workspace/import");

                Page misnamed = browser.press(form, "Preview", Map.of("kind", "meeting-record"),
                        new Chosen("S_PV.8765.txt", printed.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                assertThat(misnamed.code()).isEqualTo(400);
                assertThat(misnamed.body()).contains("id=\"file-error\" role=\"alert\">S_PV.8765.txt: its header"
                        + " (line 1) says S/PV.8703 but its file name says S/PV.8765; check which document this is,"
                        + " then rename the file and import it again.");

                Page mistyped = browser.press(form, "Preview", Map.of("kind", "meeting-record", "symbol",
                        "S/PV.8730", "date", "2020-01-15"), new Chosen("SPV.8703.txt", Files.readAllBytes(RECORD)));
                assertThat(mistyped.code()).isEqualTo(400);
                assertThat(mistyped.body()).contains("id=\"symbol-error\" role=\"alert\">SPV.8703.txt: the symbol"
                        + " given says S/PV.8730 but its file name says S/PV.8703");
                assertThat(mistyped.field("symbol")).contains("value=\"S/PV.8730\"");
                assertThat(new org.councilbrief.statement.StatementRepository(database.jdbi()).findMeeting("S/PV.8730")).isEmpty();
            });
        }
    }

    @Test
    void aRefusedFormComesBackAsTypedWithTheReasonBesideItsFieldAndNoCommandLineWords() throws Exception {
        try (Database database = Database.inMemory("import-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            Accounts accounts = new Accounts(database);
            accounts.add("edith", "an editor's long password", Role.EDITOR);
            Session session = accounts.login("edith", "an editor's long password");
            Chosen record = new Chosen("SPV.8703.txt", Files.readAllBytes(RECORD));
            WebTest.test(WebServer.create(application), (server, client) -> {
                Browser browser = new Browser(client, session);
                Page form = browser.get("/workspace/import");

                Page wrongKind = browser.press(form, "Preview", Map.of("kind", "upr-report", "date", "2020-01-15",
                        "symbol", "S/PV.8703"), record);
                assertThat(wrongKind.code()).isEqualTo(400);
                assertThat(wrongKind.body()).contains("id=\"kind-error\" role=\"alert\">SPV.8703.txt: ")
                        .contains("does not look like a UPR");
                assertThat(wrongKind.field("kind")).contains("aria-invalid=\"true\"");
                assertThat(wrongKind.field("symbol")).contains("value=\"S/PV.8703\"");
                assertThat(wrongKind.field("date")).contains("value=\"2020-01-15\"");
                // The kind corrected, the file kept: previewed.
                assertThat(browser.press(wrongKind, "Preview", Map.of("kind", "meeting-record"), null).body())
                        .contains("speeches: 18");

                Page binary = browser.press(form, "Preview", Map.of("kind", "resolution"), new Chosen("brief.docx",
                        new byte[] {'P', 'K', 3, 4}));
                assertThat(binary.code()).isEqualTo(400);
                assertThat(binary.body()).contains("id=\"file-error\" role=\"alert\">brief.docx: only text (.txt,"
                        + " .md), PDF and CSV files can be imported.");
                assertThat(binary.selected()).isEqualTo("resolution");
                assertThat(binary.upload()).isEmpty(); // nothing kept of a file refused for what it is

                Page unreadable = browser.press(form, "Preview", Map.of("kind", "resolution", "symbol",
                        "S/RES/2690 (2023)"), new Chosen("zipped.txt", new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2}));
                assertThat(unreadable.code()).isEqualTo(400);
                assertThat(unreadable.body()).contains("id=\"file-error\" role=\"alert\">zipped.txt: not a text or"
                        + " PDF file.");
                assertThat(unreadable.field("symbol")).contains("value=\"S/RES/2690 (2023)\"");
                assertThat(unreadable.body()).contains("<strong>zipped.txt</strong>"); // kept: another kind may do
                String zipped = unreadable.upload();
                assertThat(keptOnDisk(zipped)).isTrue();
                // The editor gives up on that file: it goes from the server, what was typed stays.
                Page givenUp = browser.press(unreadable, "Cancel", Map.of(), null);
                assertThat(givenUp.code()).isEqualTo(200);
                assertThat(givenUp.body()).contains("Cancelled: zipped.txt was not imported");
                assertThat(givenUp.field("symbol")).contains("value=\"S/RES/2690 (2023)\"");
                assertThat(givenUp.upload()).isEmpty();
                assertThat(keptOnDisk(zipped)).isFalse();

                Page badDate = browser.press(form, "Preview", Map.of("kind", "meeting-record", "date",
                        "15/01/2020"), record);
                assertThat(badDate.body()).contains("id=\"date-error\" role=\"alert\">'15/01/2020' is not a"
                        + " date; enter it as year-month-day, e.g. 2020-01-15.");
                assertThat(badDate.field("date")).contains("value=\"15/01/2020\"");

                Page nothing = browser.press(form, "Preview", Map.of("kind", "", "situation", "south-sudan"), null);
                assertThat(nothing.code()).isEqualTo(400);
                assertThat(nothing.body()).contains("id=\"file-error\" role=\"alert\">Choose a file to import.")
                        .contains("id=\"kind-error\" role=\"alert\">Choose the kind of document the file is.");
                assertThat(nothing.field("situation")).contains("value=\"south-sudan\"");

                Page noSituation = browser.press(form, "Preview", Map.of("kind", "meeting-record", "date",
                        "2020-01-15", "situation", "atlantis"), record);
                assertThat(noSituation.body()).contains("id=\"situation-error\" role=\"alert\">No situation"
                        + " 'atlantis' in the database.");

                for (Page page : List.of(wrongKind, binary, unreadable, badDate, nothing, noSituation)) {
                    assertThat(page.body().substring(page.body().indexOf("<main>"))).doesNotContainPattern("--[a-z]")
                            .contains("class=\"field invalid\"");
                }
                Page noToken = browser.send(new Request.Builder().url(client.getOrigin() + "/workspace/import")
                        .post(new MultipartBody.Builder().setType(MultipartBody.FORM).addFormDataPart("kind",
                                "resolution").build()), false);
                assertThat(noToken.code()).isEqualTo(403);
            });
        }
    }

    @Test
    void theProgressOfALargeImportIsAnsweredWhileItHoldsTheEmbeddedDatabase(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        // On an embedded file, UPR Info's export is written under the journal, which keeps the database to itself
        // (decision 0030): the page's progress must still be answered. The review in the middle of the file, imported
        // before and held by the test, stops the import half-way; the database gives up on it after 5 s.
        Path csv = SharedData.root().resolve("data/upr-themes/upr_recommendations_sessions_01-12.csv");
        List<org.councilbrief.upr.UprReview> parsed = new org.councilbrief.upr.UprInfoCsv()
                .read(org.councilbrief.document.SourceTexts.read(csv)).reviews();
        org.councilbrief.upr.UprReview middle = parsed.get(parsed.size() / 2);
        try (Database database = Database.open("jdbc:h2:file:" + dir.resolve("councilbrief")
                + ";AUTO_SERVER=FALSE;LOCK_TIMEOUT=5000")) {
            Application application = Application.start(database, false);
            Accounts accounts = new Accounts(database);
            accounts.add("edith", "an editor's long password", Role.EDITOR);
            Session session = accounts.login("edith", "an editor's long password");
            database.jdbi().useTransaction(h -> org.councilbrief.upr.UprRepository.save(h, middle));
            int before = count(database, "upr_recommendation");
            WebTest.test(WebServer.create(application), (server, client) -> {
                Browser browser = new Browser(client, session);
                Page preview = browser.press(browser.get("/workspace/import"), "Preview", Map.of("kind", "upr-csv"),
                        new Chosen("upr.csv", Files.readAllBytes(csv)));
                assertThat(preview.code()).as(preview.body()).isEqualTo(200);
                String id = "0123456789abcdef01234567";
                OkHttpClient quick = client.getOkHttp().newBuilder().readTimeout(java.time.Duration.ofSeconds(3))
                        .build();
                Request poll = new Request.Builder().url(client.getOrigin() + "/workspace/import/progress?id=" + id)
                        .header("Cookie", "cb_session=" + session.id()).build();
                org.jdbi.v3.core.Handle holder = database.jdbi().open();
                try {
                    holder.begin();
                    holder.createQuery("select id from upr_review where id = :id for update").bind("id", middle.id())
                            .mapTo(String.class).one();
                    java.util.concurrent.CompletableFuture<Page> confirm = java.util.concurrent.CompletableFuture
                            .supplyAsync(() -> {
                                try {
                                    return browser.press(preview, "Import", Map.of("progress", id), null);
                                } catch (IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            });
                    String answer = "";
                    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(90);
                    while (!answer.contains("Writing reviews") && System.nanoTime() < deadline) {
                        try (Response r = quick.newCall(poll).execute()) {
                            answer = r.code() == 200 ? r.body().string() : "";
                        }
                        Thread.sleep(50);
                    }
                    assertThat(answer).contains("\"label\":\"Writing reviews\"");
                    assertThat(dir.resolve("councilbrief.journal")).exists();
                    // While the import keeps the database, each poll is answered in time (the client waits 3 s).
                    for (int i = 0; i < 3; i++) {
                        try (Response r = quick.newCall(poll).execute()) {
                            assertThat(r.code()).isEqualTo(200);
                            assertThat(r.body().string()).contains("Writing reviews");
                        }
                    }
                    Page failed = confirm.get(120, java.util.concurrent.TimeUnit.SECONDS);
                    assertThat(failed.body()).doesNotContain("Imported upr.csv");
                } finally {
                    // The journal's end shut the database down, closing the holder's connection with it.
                    try {
                        holder.close();
                    } catch (RuntimeException closedByTheShutdown) {
                        assertThat(closedByTheShutdown).hasStackTraceContaining("closed");
                    }
                }
                assertThat(count(database, "upr_recommendation")).isEqualTo(before);
                assertThat(dir.resolve("councilbrief.journal")).doesNotExist();
                assertThat(dir.resolve("councilbrief.journal.zip")).doesNotExist();
            });
        }
    }
}
