package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.councilbrief.account.AccountSettings;
import org.councilbrief.account.Accounts;
import org.councilbrief.account.Role;
import org.councilbrief.account.Session;
import org.councilbrief.db.Database;
import org.councilbrief.ingest.DocumentServer;
import org.councilbrief.ingest.FetchSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import page's "fetch a document by its symbol" form over HTTP, sent as a browser sends it (the page's own form,
 * its fields as the page fills them, the button pressed): a refusal beside the field with the symbol kept as typed,
 * then a fetched record previewed, its details changed, and imported; fetched again, it changes nothing.
 */
class FetchRoutesTest {
    @TempDir
    Path cache;

    private record Page(String url, int code, String body) {
        String text() {
            return body.replaceAll("<[^>]+>", "").replace("&#39;", "'").replace("&amp;", "&");
        }
    }

    private record Browser(OkHttpClient http, String origin, Session session) {
        Page get(String path) throws IOException {
            return send(new Request.Builder().url(origin + path));
        }

        Page send(Request.Builder request) throws IOException {
            try (Response r = http.newCall(request.header("Cookie", "cb_session=" + session.id()).build()).execute()) {
                return new Page(r.request().url().toString(), r.code(), r.body().string());
            }
        }

        /** Presses a button of the page: its form's fields as the page fills them, with those typed. */
        Page press(Page page, String button, Map<String, String> typed) throws IOException {
            Matcher forms = Pattern.compile("<form[^>]*>.*?</form>", Pattern.DOTALL).matcher(page.body());
            String form = null;
            while (forms.find()) {
                if (forms.group().contains(">" + button + "</button>")) {
                    form = forms.group();
                }
            }
            assertThat(form).as("a form with the button " + button).isNotNull();
            assertThat(form).doesNotContain("multipart/form-data");
            Map<String, String> values = new LinkedHashMap<>();
            Matcher inputs = Pattern.compile("<input [^>]*>").matcher(form);
            while (inputs.find()) {
                String name = attribute(inputs.group(), "name");
                if (name != null) {
                    String value = attribute(inputs.group(), "value");
                    values.put(name, value == null ? "" : value);
                }
            }
            Matcher selects = Pattern.compile("<select [^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", Pattern.DOTALL)
                    .matcher(form);
            while (selects.find()) {
                Matcher option = Pattern.compile("<option value=\"([^\"]*)\" selected>").matcher(selects.group(2));
                Matcher first = Pattern.compile("<option value=\"([^\"]*)\"").matcher(selects.group(2));
                values.put(selects.group(1), option.find() ? option.group(1) : first.find() ? first.group(1) : "");
            }
            Matcher pressed = Pattern.compile("<button[^>]*>" + Pattern.quote(button) + "</button>").matcher(form);
            assertThat(pressed.find()).isTrue();
            values.put(attribute(pressed.group(), "name"), attribute(pressed.group(), "value"));
            values.putAll(typed);
            FormBody.Builder body = new FormBody.Builder();
            values.forEach(body::add);
            HttpUrl target = HttpUrl.get(page.url()).resolve(attribute(form.substring(0, form.indexOf('>')),
                    "action"));
            return send(new Request.Builder().url(target).post(body.build()));
        }

        private static String attribute(String tag, String name) {
            Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
            return m.find() ? m.group(1).replace("&amp;", "&") : null;
        }
    }

    @Test
    void anEditorFetchesARecordBySymbolPreviewsItAndImportsIt() throws Exception {
        try (Database database = Database.inMemory("fetch-routes-" + System.nanoTime());
                DocumentServer documents = DocumentServer.withDocuments()) {
            FetchSettings settings = FetchSettings.of(documents.template(), cache, Map.of()).withTries(2,
                    Duration.ofMillis(50), Duration.ofSeconds(20));
            Application application = Application.start(database, true, Clock.systemDefaultZone(),
                    AccountSettings.defaults(), settings);
            Accounts accounts = new Accounts(database);
            accounts.add("edith", "an editor's long password", Role.EDITOR);
            Session session = accounts.login("edith", "an editor's long password");
            WebTest.test(WebServer.create(application), (server, client) -> {
                Browser browser = new Browser(client.getOkHttp().newBuilder()
                        .readTimeout(Duration.ofSeconds(90)).build(), client.getOrigin(), session);
                Page form = browser.get("/workspace/import");
                assertThat(form.body()).contains("<label for=\"fetch-symbol\">Document symbol</label>")
                        .contains("<label for=\"fetch-language\">Language</label>");

                // Nothing typed; a symbol of a series not imported; one the system does not have.
                Page empty = browser.press(form, "Fetch and preview", Map.of());
                assertThat(empty.code()).isEqualTo(400);
                assertThat(empty.body()).contains("id=\"fetch-symbol-error\" role=\"alert\">Enter the symbol of the"
                        + " document to fetch, e.g. S/PV.9365.");
                Page report = browser.press(empty, "Fetch and preview", Map.of("fetchSymbol", "S/2023/402"));
                assertThat(report.text()).contains("S/2023/402: councilbrief imports meeting records");
                Page unknown = browser.press(report, "Fetch and preview", Map.of("fetchSymbol", "S/PV.9999",
                        "fetchLanguage", "fr"));
                assertThat(unknown.code()).isEqualTo(400);
                assertThat(unknown.text()).contains("The UN's document system has no French document S/PV.9999 ("
                        + documents.template().replace("{symbol}", "S%2FPV.9999").replace("{language}", "fr")
                        + " answered 404 Not Found); check the symbol and the language.");
                assertThat(unknown.body()).contains("id=\"fetch-symbol\"").contains("value=\"S/PV.9999\"")
                        .contains("<option value=\"fr\" selected>French</option>")
                        .contains("aria-describedby=\"fetch-symbol-hint fetch-symbol-error\"");
                assertThat(documents.requests()).containsExactly("S/PV.9999|fr");

                // A record the system has: previewed as an uploaded one is, with where it came from.
                Page preview = browser.press(unknown, "Fetch and preview", Map.of("fetchSymbol", " s/pv.8703 ",
                        "fetchLanguage", "en"));
                assertThat(preview.code()).as(preview.text()).isEqualTo(200);
                assertThat(preview.text()).contains("What would be imported")
                        .contains("S_PV.8703.pdf as Security Council meeting record")
                        .contains("S/PV.8703").contains("speeches: 18").contains("Symbol: S/PV.8703")
                        .contains("Fetched from " + documents.template().replace("{symbol}", "S%2FPV.8703")
                                .replace("{language}", "en") + " (English)");

                // Its details changed as for an upload: the fetched file is the one kept.
                Page details = browser.press(preview, "Change the details", Map.of());
                assertThat(details.body()).contains("id=\"file-kept\"").contains("S_PV.8703.pdf")
                        .contains("<option value=\"meeting-record\" selected>");
                assertThat(details.body()).containsPattern("id=\"symbol\"[^>]*value=\"S/PV.8703\"");

                Page again = browser.press(details, "Fetch and preview", Map.of("fetchSymbol", "S/PV.8703"));
                assertThat(again.text()).contains("Kept from an earlier fetch of");
                Page done = browser.press(again, "Import", Map.of());
                assertThat(done.code()).isEqualTo(200);
                assertThat(done.text()).contains("Imported S_PV.8703.pdf as S/PV.8703.");
                assertThat(statements(database, "S/PV.8703")).isEqualTo(18);

                // Fetched and imported again: nothing changes, and the system is not asked again.
                Page twice = browser.press(browser.get("/workspace/import"), "Fetch and preview",
                        Map.of("fetchSymbol", "S/PV.8703"));
                Page unchanged = browser.press(twice, "Import", Map.of());
                assertThat(unchanged.text()).contains("S_PV.8703.pdf was imported before; nothing changed.");
                assertThat(statements(database, "S/PV.8703")).isEqualTo(18);
                assertThat(documents.requests()).containsExactly("S/PV.9999|fr", "S/PV.8703|en");
            });
        }
    }

    /** The speeches stored for a meeting (the demo brings a meeting of its own). */
    private static int statements(Database database, String meeting) {
        return database.jdbi().withHandle(h -> h.createQuery("select count(*) from statement where meeting_symbol = ?")
                .bind(0, meeting).mapTo(Integer.class).one());
    }
}
