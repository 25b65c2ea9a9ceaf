package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.councilbrief.Forms;
import org.councilbrief.account.Accounts;
import org.councilbrief.account.Role;
import org.councilbrief.account.Session;
import org.councilbrief.db.Database;
import org.junit.jupiter.api.Test;

/**
 * Every field of every workspace form, as an editor (or a hostile client) fills it: each text field states its limit
 * and is refused beside itself when over it, with 400 and nothing written, never a conflict or a 500; control
 * characters never reach what is stored; every other field (dates, numbers, hidden fields, choices) sent with junk is
 * answered in the page's words, quoting a short excerpt at most. The forms are read from the pages, and the routes
 * from the router, so that a form added later is walked too.
 */
class FormFieldsTest {
    private static final String ADMIN = "an admin's long password";
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern CONTROL = Pattern.compile("<(input|textarea|select|button)\\b([^>]*)>", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:=\"([^\"]*)\")?");
    /** What a field is given when the page leaves it empty and the form needs it. */
    private static final Map<String, String> VALID = Map.ofEntries(Map.entry("title", "A title"),
            Map.entry("body", "A text of the item."), Map.entry("sources", "S/PV.9350"), Map.entry("date",
                    "2024-01-10"), Map.entry("id", "somewhere-new"), Map.entry("name", "Somewhere"),
            Map.entry("comment", "Please say which meeting."), Map.entry("section", "consider"),
            Map.entry("username", "newuser"), Map.entry("password", "a long enough password"),
            Map.entry("role", "editor"), Map.entry("kind", "meeting-record"), Map.entry("asOf", "2024-01-10"),
            Map.entry("state", "MLI"), Map.entry("intro", "An introduction."), Map.entry("source", "S/PV.9350"));

    /** A control of a form: its tag, type, name, id, value as the page gives it, and the text that labels it. */
    private record Field(String tag, String type, String name, String id, String value, Integer maxlength,
            String label) {
        boolean text() {
            return tag.equals("textarea") || tag.equals("input") && (type.equals("text") || type.equals("search"));
        }
    }

    /** A form of a page: where it posts (a path), which of the page's forms to that path, its controls. */
    private record Form(String action, int occurrence, boolean multipart, List<Field> fields) {
        String key() {
            return action + "#" + occurrence;
        }
    }

    private record Answer(int code, String body) {
    }

    @Test
    void everyFieldOfEveryWorkspaceFormIsCheckedAtTheDoorAndRefusedBesideItself() throws Exception {
        try (Database database = Database.inMemory("fields-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            Accounts accounts = new Accounts(database);
            accounts.add("ada", ADMIN, Role.ADMIN);
            Session session = accounts.login("ada", ADMIN);
            var app = WebServer.create(application);
            // The routes that take a form, from the router: each must be met by a form of a page below, or be one
            // whose fields are all hidden or chosen (those are sent junk through the forms that carry them).
            Set<String> posts = new LinkedHashSet<>();
            app.unsafe.internalRouter.allHttpHandlers().stream()
                    .map(p -> p.endpoint)
                    .filter(e -> e.method == io.javalin.http.HandlerType.POST)
                    .filter(e -> e.path.startsWith("/workspace")).forEach(e -> posts.add(e.path));
            WebTest.test(app, (server, client) -> {
                String item = find(get(client, "/workspace/briefs/mali", session).body(), "\\?item=([a-z]+-\\d+)");
                String brief = "/workspace/briefs/mali?item=" + item;
                List<String> pages = List.of("/workspace", brief, "/workspace/import", brief + "#in-review");
                Set<String> met = new LinkedHashSet<>();
                int textFields = 0;
                for (String page : pages) {
                    if (page.endsWith("#in-review")) {
                        // The reviewer's form shows once the brief is sent for review, by its button.
                        page = brief;
                        assertThat(send(client, session, page, "/workspace/briefs/mali/submit#0", "_csrf",
                                session.csrfToken()).code()).isEqualTo(302);
                        met.add("/workspace/briefs/{id}/submit");
                    }
                    for (Form form : forms(page, get(client, page, session).body())) {
                        String f = form.key();
                        met.add(route(posts, form.action()));
                        for (Field field : form.fields()) {
                            if (field.name().equals("_csrf") || field.type().equals("file")
                                    || field.type().equals("password")) {
                                continue; // the token is the door's own check; passwords are the accounts' own
                            }
                            if (field.text()) {
                                textFields++;
                                overLong(client, database, session, page, f, field);
                                withControls(client, session, page, f, field);
                            } else {
                                junk(client, session, page, f, field);
                            }
                        }
                    }
                }
                assertThat(textFields).as("text fields walked").isGreaterThanOrEqualTo(20);
                assertThat(met).as("the reviewer's form was walked").contains("/workspace/briefs/{id}/send-back");
                Set<String> without = new LinkedHashSet<>(posts);
                without.removeAll(met);
                // The routes met by no form of those pages: an older address kept for clients, forms of hidden
                // and chosen fields only (the positions' decisions), which are tested by PositionRoutesTest, and
                // publishing, not offered to the admin who made the last change (BriefRoutesTest).
                assertThat(without).containsExactlyInAnyOrder("/workspace/users", "/workspace/briefs/{id}/publish",
                        "/workspace/import/preview",
                        "/workspace/import/confirm", "/workspace/positions", "/workspace/positions/{id}",
                        "/workspace/meetings/situation");
                // Nothing typed left a control character in what is stored.
                for (String query : List.of("select body from brief_revision", "select name from situation",
                        "select title from planned_meeting", "select coalesce(source, '') from planned_meeting",
                        "select title from brief_item", "select coalesce(url, symbol) from item_source",
                        "select body from brief_intro", "select coalesce(detail, '') from change_log")) {
                    for (String text : database.jdbi().withHandle(h -> h.createQuery(query).mapTo(String.class)
                            .list())) {
                        assertThat(Forms.hasControl(text, true)).as(query + ": " + Forms.excerpt(text)).isFalse();
                        assertThat(text).as(query).doesNotContain("\\u0000", "\\u0001", "\\u0007");
                    }
                }
            });
        }
    }

    @Test
    void controlCharactersTypedIntoABriefNeverBreakItsFeedItsPdfOrPublish(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        String name = "fields-" + System.nanoTime();
        try (Database database = Database.inMemory(name)) {
            Application application = Application.start(database, true);
            Accounts accounts = new Accounts(database);
            accounts.add("edith", ADMIN, Role.EDITOR);
            accounts.add("rita", ADMIN, Role.REVIEWER);
            Session edith = accounts.login("edith", ADMIN);
            Session rita = accounts.login("rita", ADMIN);
            WebTest.test(WebServer.create(application), (server, client) -> {
                String page = "/workspace/briefs/mali";
                assertThat(send(client, edith, page, "/workspace/briefs/mali/situation#0", Map.of("name",
                        "Mali\u0001 (the \u0007Sahel\u0000)")).code()).isEqualTo(302);
                assertThat(send(client, edith, page, "/workspace/briefs/mali/items#0", Map.of("section", "consider",
                        "title", "Talks\u0007 resumed\u0000", "date", "2024-01-10", "body",
                        "The parties\u0001 met.\r\n\r\nThey agreed\u0000.", "sources",
                        "S/PV.9350\u0000\r\nhttps://example.org/a\u0001b")).code()).isIn(200, 302);
                assertThat(send(client, edith, page, "/workspace/briefs/mali/submit#0", Map.of()).code())
                        .isEqualTo(302);
                assertThat(send(client, rita, page, "/workspace/briefs/mali/publish#0", Map.of()).code())
                        .isEqualTo(302);

                String html = get(client, "/briefs/mali.html", edith).body();
                assertThat(html).contains("Mali (the Sahel)", "Talks resumed", "The parties met.",
                        "https://example.org/ab");
                byte[] feed = client.get("/feed.atom").body().bytes();
                org.w3c.dom.Document atom = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(new java.io.ByteArrayInputStream(feed));
                assertThat(atom.getDocumentElement().getTextContent()).contains("Mali (the Sahel)");
                try (Response pdf = client.get("/briefs/mali.pdf")) {
                    assertThat(pdf.code()).isEqualTo(200);
                    assertThat(new String(pdf.body().bytes(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                            .isEqualTo("%PDF-");
                }
            });
            CliRun publish = CliRun.of("publish", "--out", dir.resolve("site").toString(), "--db",
                    "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
            assertThat(publish.code()).as(publish.err()).isZero();
            javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(dir.resolve("site").resolve("feed.atom").toFile());
            assertThat(java.nio.file.Files.readString(dir.resolve("site").resolve("briefs").resolve("mali.md")))
                    .contains("Talks resumed").doesNotContain("\u0007", "\u0000", "\u0001");
        }
    }

    @Test
    void refusalsSpeakThePagesWordsAndARefusedOrOversizedPostChangesNothingNotEvenThePageCache() throws Exception {
        try (Database database = Database.inMemory("fields-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            Accounts accounts = new Accounts(database);
            accounts.add("ada", ADMIN, Role.ADMIN);
            Session ada = accounts.login("ada", ADMIN);
            // A stamp trusted for an hour: only this server's successful writes renew it.
            WebTest.test(WebServer.create(application, java.time.Duration.ofHours(1)), (server, client) -> {
                String page = "/workspace/briefs/mali";
                assertThat(client.get("/index.html").body().string()).contains(">Mali<");
                // Another process renames the situation: the page, trusted for an hour, does not know yet.
                database.jdbi().useHandle(h -> h.execute("update situation set name = 'Mali renamed' where id ="
                        + " 'mali'"));
                String before = counts(database);

                // A brief started with its id left empty: refused beside the id, no situation 'null'.
                Answer noId = send(client, ada, "/workspace", "/workspace/briefs#0", Map.of("id", "", "name",
                        "Somewhere"));
                assertThat(noId.code()).isEqualTo(400);
                assertThat(noId.body()).contains("give the situation an id");
                // An item moved sideways, through the move form's own field: refused, nothing moved.
                String item = find(get(client, page, ada).body(), "\\?item=([a-z]+-\\d+)");
                Answer sideways = send(client, ada, page, "/workspace/briefs/mali/items/" + item + "/move#0",
                        Map.of("direction", "sideways"));
                assertThat(sideways.code()).isEqualTo(400);
                assertThat(sideways.body()).contains("An item moves up or down, not", "sideways");
                // A body over the cap of a form: 413 with a page that says so, before anything is read.
                Answer huge = send(client, ada, page + "?item=" + item, "/workspace/briefs/mali/items/" + item
                        + "#0", Map.of("body", "x".repeat(2 * 1024 * 1024)));
                assertThat(huge.code()).isEqualTo(413);
                assertThat(huge.body()).contains("<h1>Too much was sent</h1>", "nothing was saved");
                // A form sent without its length (in chunks) is not read at all.
                RequestBody chunked = new RequestBody() {
                    @Override
                    public MediaType contentType() {
                        return MediaType.get("application/x-www-form-urlencoded");
                    }

                    @Override
                    public long contentLength() {
                        return -1;
                    }

                    @Override
                    public void writeTo(okio.BufferedSink sink) throws java.io.IOException {
                        sink.writeUtf8("_csrf=" + ada.csrfToken() + "&base=1&name=x");
                    }
                };
                try (Response response = client.request(new Request.Builder().url(client.getOrigin() + page
                        + "/situation").header("Cookie", "cb_session=" + ada.id()).post(chunked).build())) {
                    assertThat(response.code()).isEqualTo(411);
                }
                // A hostile client's position number: the page's words, not the parser's.
                try (Response response = client.request(new Request.Builder().url(client.getOrigin()
                        + "/workspace/positions/abc").header("Cookie", "cb_session=" + ada.id()).post(new FormBody
                        .Builder().add("_csrf", ada.csrfToken()).add("status", "accepted").add("act", "calls-for")
                        .add("theme", "accountability").build()).build())) {
                    assertThat(response.code()).isEqualTo(400);
                    assertThat(response.body().string()).doesNotContain("For input string", "Exception");
                }
                assertThat(counts(database)).isEqualTo(before);
                assertThat(client.get("/index.html").body().string()).as("refusals leave the page cache")
                        .contains(">Mali<").doesNotContain("Mali renamed");

                // A write that succeeds renews the stamp: the next page is rendered from the data.
                assertThat(send(client, ada, page, "/workspace/briefs/mali/meetings#0", Map.of("date", "2024-02-01",
                        "title", "Briefing")).code()).isEqualTo(302);
                assertThat(client.get("/index.html").body().string()).contains("Mali renamed");
            });
        }
    }

    /** Over its limit by one, after a control character the door removes: 400, the message beside it, nothing saved. */
    private static void overLong(WebClient client, Database database, Session session, String page, String index,
            Field field) throws Exception {
        String where = page + " " + field.name();
        assertThat(field.maxlength()).as(where + ": the form states the field's limit (maxlength)").isNotNull();
        assertThat(field.label()).as(where + ": the form says the limit beside the field")
                .contains("at most " + Forms.number(field.maxlength()) + " characters");
        String stored = counts(database);
        String value = "\u0001" + "x".repeat(field.maxlength()) + "\u0007y";
        Answer answer = send(client, session, page, index, field.name(), value);
        assertThat(answer.code()).as(where + " over its limit: " + Forms.excerpt(answer.body())).isEqualTo(400);
        assertThat(answer.body()).as(where).doesNotContain("someone saved this brief");
        Matcher marked = Pattern.compile("<(?:input|textarea)[^>]*id=\"" + Pattern.quote(field.id())
                + "\"[^>]*aria-invalid=\"true\" aria-describedby=\"([^\"]*)\"").matcher(answer.body());
        assertThat(marked.find()).as(where + ": the refused field is marked").isTrue();
        String error = "";
        for (String id : marked.group(1).split(" ")) {
            Matcher beside = Pattern.compile("id=\"" + Pattern.quote(id) + "\" role=\"alert\">(.*?)</")
                    .matcher(answer.body());
            error += beside.find() ? beside.group(1) : "";
        }
        // The message beside the field says its limit (a username's says what a username is, limit included).
        assertThat(error).as(where + ": the message beside the field").contains(field.name().equals("username")
                ? "2 to 80" : "has at most " + Forms.number(field.maxlength()) + " characters");
        assertThat(counts(database)).as(where + ": nothing was written").isEqualTo(stored);
    }

    /** A valid value with NUL, SOH and BEL in it: never a conflict or a 500 (what is stored is checked at the end). */
    private static void withControls(WebClient client, Session session, String page, String index, Field field)
            throws Exception {
        String valid = field.value().isEmpty() ? VALID.getOrDefault(field.name(), "Some words") : field.value();
        String value = valid.substring(0, 1) + "\u0000\u0001" + valid.substring(1) + "\u0007";
        Answer answer = send(client, session, page, index, field.name(), value);
        assertThat(answer.code()).as(page + " " + field.name() + " with control characters: "
                + Forms.excerpt(answer.body())).isLessThan(500);
        assertThat(answer.body()).doesNotContain("someone saved this brief");
    }

    /** A field that is not typed into, sent 3,000 characters of junk: answered in the page's words, 4xx or done. */
    private static void junk(WebClient client, Session session, String page, String index, Field field)
            throws Exception {
        String value = "abc\u0001" + "z".repeat(3000);
        Answer answer = send(client, session, page, index, field.name(), value);
        String where = page + " " + field.name() + " = junk";
        assertThat(answer.code()).as(where + ": " + Forms.excerpt(answer.body())).isLessThan(500);
        // What was typed comes back in its field (nothing typed is lost); a message quotes an excerpt of it only.
        String messages = answer.body().replaceAll("value=\"[^\"]*\"", "").replaceAll("(?s)(<textarea[^>]*>).*?"
                + "</textarea>", "$1</textarea>");
        assertThat(messages).as(where).doesNotContain("For input string", "Exception", "z".repeat(100),
                "someone saved this brief");
    }

    /** Sends the page's form {@code index} as the page fills it, with {@code name} set to {@code value}. */
    private static Answer send(WebClient client, Session session, String page, String key, String name,
            String value) throws Exception {
        return send(client, session, page, key, Map.of(name, value));
    }

    /** Sends the page's form {@code key} as the page fills it, with the fields {@code typed} as given. */
    private static Answer send(WebClient client, Session session, String page, String key,
            Map<String, String> typed) throws Exception {
        Form form = forms(page, get(client, page, session).body()).stream().filter(f -> f.key().equals(key))
                .findFirst().orElse(null);
        if (form == null) {
            return new Answer(0, ""); // a form an earlier send took away (a planned meeting removed)
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Field field : form.fields()) {
            if (field.type().equals("radio") && values.containsKey(field.name())) {
                continue;
            }
            if (field.tag().equals("button")) {
                values.putIfAbsent(field.name(), field.value());
                continue;
            }
            String v = field.value().isEmpty() ? VALID.getOrDefault(field.name(), "") : field.value();
            values.put(field.name(), v);
        }
        values.putAll(typed);
        values.put("_csrf", session.csrfToken());
        RequestBody body;
        if (form.multipart()) {
            MultipartBody.Builder multipart = new MultipartBody.Builder().setType(MultipartBody.FORM);
            values.forEach((k, v) -> {
                if (!k.equals("file")) {
                    multipart.addFormDataPart(k, v);
                }
            });
            multipart.addFormDataPart("file", "S_PV_9999.txt", RequestBody.create("The President: We meet.",
                    MediaType.get("text/plain")));
            body = multipart.build();
        } else {
            FormBody.Builder urlencoded = new FormBody.Builder();
            values.forEach(urlencoded::add);
            body = urlencoded.build();
        }
        OkHttpClient http = client.getOkHttp().newBuilder().followRedirects(false).build();
        try (Response response = http.newCall(new Request.Builder().url(client.getOrigin() + form.action())
                .header("Cookie", "cb_session=" + session.id()).header("Accept", "text/html").post(body).build())
                .execute()) {
            return new Answer(response.code(), response.body().string());
        }
    }

    private static Answer get(WebClient client, String path, Session session) throws Exception {
        try (Response response = client.request(new Request.Builder().url(client.getOrigin() + path)
                .header("Cookie", "cb_session=" + session.id()).build())) {
            assertThat(response.code()).as(path).isEqualTo(200);
            return new Answer(response.code(), response.body().string());
        }
    }

    /** The forms of a page that post, their actions resolved against the page's address. */
    static List<Form> forms(String page, String html) {
        List<Form> forms = new ArrayList<>();
        Matcher m = FORM.matcher(html);
        while (m.find()) {
            Map<String, String> attributes = attributes(m.group(1));
            if (!"post".equalsIgnoreCase(attributes.getOrDefault("method", ""))) {
                continue;
            }
            String action = URI.create("http://host" + page).resolve(unescape(attributes.get("action"))).getPath();
            if (!action.startsWith("/workspace")) {
                continue; // the header's log-out
            }
            List<Field> fields = new ArrayList<>();
            Matcher c = CONTROL.matcher(m.group(2));
            while (c.find()) {
                Map<String, String> a = attributes(c.group(2));
                String name = a.get("name");
                if (name == null) {
                    continue;
                }
                String tag = c.group(1);
                String type = tag.equals("input") ? a.getOrDefault("type", "text") : tag;
                String value = unescape(a.getOrDefault("value", ""));
                String rest = m.group(2).substring(c.end());
                if (tag.equals("textarea")) {
                    value = unescape(rest.substring(0, rest.indexOf("</textarea>")));
                } else if (tag.equals("select")) {
                    String options = rest.substring(0, rest.indexOf("</select>"));
                    Matcher selected = Pattern.compile("<option value=\"([^\"]*)\" selected").matcher(options);
                    Matcher first = Pattern.compile("<option value=\"([^\"]*)\"").matcher(options);
                    value = selected.find() ? selected.group(1) : first.find() ? first.group(1) : "";
                } else if (type.equals("radio") && !a.containsKey("checked")) {
                    value = value.isEmpty() ? "" : value;
                }
                String id = a.getOrDefault("id", "");
                String label = "";
                Matcher l = Pattern.compile("<label for=\"" + Pattern.quote(id) + "\">(.*?)</label>", Pattern.DOTALL)
                        .matcher(m.group(2));
                if (!id.isEmpty() && l.find()) {
                    label = l.group(1).replaceAll("<[^>]+>", "");
                }
                Matcher hint = Pattern.compile("id=\"" + Pattern.quote(id) + "-hint\">(.*?)</span>").matcher(m.group(2));
                if (!id.isEmpty() && hint.find()) {
                    label += " " + hint.group(1);
                }
                fields.add(new Field(tag, type, name, id, value, a.containsKey("maxlength")
                        ? Integer.valueOf(a.get("maxlength")) : null, label));
            }
            int occurrence = (int) forms.stream().filter(f -> f.action().equals(action)).count();
            forms.add(new Form(action, occurrence, "multipart/form-data".equals(attributes.get("enctype")), fields));
        }
        return forms;
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher a = ATTRIBUTE.matcher(text);
        while (a.find()) {
            out.putIfAbsent(a.group(1), a.group(2) == null ? "" : a.group(2));
        }
        return out;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#34;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    /** The route pattern an address is served by. */
    private static String route(Set<String> routes, String path) {
        for (String route : routes) {
            if (path.matches(route.replaceAll("\\{[^}]+}", "[^/]+"))) {
                return route;
            }
        }
        throw new AssertionError("no route serves a form's address " + path);
    }

    /** What a refused form must leave as it was: the versions, situations, planned meetings, users and the log. */
    private static String counts(Database database) {
        return database.jdbi().withHandle(h -> h.createQuery("select (select count(*) from brief_revision) || '/' ||"
                + " (select count(*) from situation) || '/' || (select count(*) from planned_meeting) || '/' ||"
                + " (select count(*) from app_user) || '/' || (select count(*) from change_log) || '/' ||"
                + " (select count(*) from import_log)").mapTo(String.class).one());
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }
}
