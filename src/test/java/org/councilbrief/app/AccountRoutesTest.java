package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.councilbrief.account.AccountRoutes;
import org.councilbrief.account.AccountSettings;
import org.councilbrief.account.Accounts;
import org.councilbrief.account.Role;
import org.councilbrief.db.Database;
import org.junit.jupiter.api.Test;

/** The editors' door over HTTP: cookies, CSRF, roles, and what a reader cannot reach. */
class AccountRoutesTest {
    private record Page(int code, String body, List<String> cookies, String location) {
    }

    private static Page send(WebClient client, String method, String path, String cookies, Map<String, String> form)
            throws Exception {
        OkHttpClient http = client.getOkHttp().newBuilder().followRedirects(false).build();
        Request.Builder request = new Request.Builder().url(client.getOrigin() + path);
        if (cookies != null) {
            request.header("Cookie", cookies);
        }
        if (method.equals("POST")) {
            FormBody.Builder body = new FormBody.Builder();
            form.forEach(body::add);
            request.post(body.build());
        }
        try (Response response = http.newCall(request.build()).execute()) {
            return new Page(response.code(), response.body().string(), response.headers("Set-Cookie"),
                    response.header("Location"));
        }
    }

    private static String value(List<String> setCookies, String name) {
        return setCookies.stream().filter(c -> c.startsWith(name + "=")).map(c -> c.substring(name.length() + 1,
                c.indexOf(';'))).findFirst().orElse(null);
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]+)\"").matcher(html);
        return m.find() ? m.group(1) : null;
    }

    /** Logs in through the form; returns the session cookie's value. */
    private static String login(WebClient client, String user, String password, String oldSession) throws Exception {
        Page form = send(client, "GET", "/login", null, Map.of());
        String token = csrf(form.body());
        String cookies = AccountRoutes.SESSION_COOKIE + "=" + oldSession + "; cb_login=" + value(form.cookies(),
                "cb_login");
        Page done = send(client, "POST", "/login", cookies, Map.of("_csrf", token, "username", user, "password",
                password));
        assertThat(done.code()).as(done.body()).isEqualTo(302);
        String session = value(done.cookies(), AccountRoutes.SESSION_COOKIE);
        String header = done.cookies().stream().filter(c -> c.startsWith(AccountRoutes.SESSION_COOKIE)).findFirst()
                .orElseThrow();
        assertThat(header).containsIgnoringCase("HttpOnly").containsIgnoringCase("Secure")
                .containsIgnoringCase("SameSite=Strict");
        return session;
    }

    @Test
    void aReaderCannotReachTheWorkspaceAndWritesNeedASessionAndItsToken() throws Exception {
        try (Database database = Database.inMemory("routes-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            new Accounts(database).add("admin", "a long enough password", Role.ADMIN);
            new Accounts(database).add("edith", "another long password", Role.EDITOR);
            WebTest.test(WebServer.create(application), (server, client) -> {
                Page workspace = send(client, "GET", "/workspace", null, Map.of());
                assertThat(workspace.code()).isEqualTo(302);
                assertThat(workspace.location()).isEqualTo("login");
                assertThat(send(client, "POST", "/workspace/users", null, Map.of("username", "x")).code())
                        .isEqualTo(403);
                assertThat(send(client, "POST", "/logout", null, Map.of()).code()).isEqualTo(403);

                // The login form itself needs its token.
                assertThat(send(client, "POST", "/login", null, Map.of("username", "admin", "password",
                        "a long enough password")).code()).isEqualTo(403);

                String old = "0".repeat(64);
                String session = login(client, "admin", "a long enough password", old);
                assertThat(session).isNotEqualTo(old).hasSize(64);
                String cookie = AccountRoutes.SESSION_COOKIE + "=" + session;
                Page page = send(client, "GET", "/workspace", cookie, Map.of());
                assertThat(page.code()).isEqualTo(200);
                assertThat(page.body()).contains("Logged in as <strong>admin</strong>").contains("Mali");
                String token = csrf(page.body());

                assertThat(send(client, "POST", "/workspace/users", cookie, Map.of("username", "rita", "password",
                        "a long enough password", "role", "reviewer")).code()).isEqualTo(403); // no token
                assertThat(send(client, "POST", "/workspace/users", cookie, Map.of("_csrf", "f".repeat(64),
                        "username", "rita", "password", "a long enough password", "role", "reviewer")).code())
                        .isEqualTo(403); // wrong token
                Page created = send(client, "POST", "/workspace/users", cookie, Map.of("_csrf", token, "username",
                        "rita", "password", "a long enough password", "role", "reviewer"));
                assertThat(created.code()).isEqualTo(200);
                assertThat(created.body()).contains("Created reviewer rita.");

                String editor = AccountRoutes.SESSION_COOKIE + "=" + login(client, "edith", "another long password",
                        "");
                String editorToken = csrf(send(client, "GET", "/workspace", editor, Map.of()).body());
                assertThat(send(client, "POST", "/workspace/users", editor, Map.of("_csrf", editorToken, "username",
                        "eve", "password", "a long enough password", "role", "admin")).code()).isEqualTo(403);

                Page out = send(client, "POST", "/logout", cookie, Map.of("_csrf", token));
                assertThat(out.code()).isEqualTo(302);
                assertThat(send(client, "GET", "/workspace", cookie, Map.of()).code()).isEqualTo(302);
            });
        }
    }

    /**
     * Every route of the workspace, read from the router itself so that a new page cannot be forgotten: a reader is
     * sent to the login page and sees nothing of it; a write without a session, or with a session and no token, is
     * refused and changes nothing.
     */
    @Test
    void noEditorRouteAnswersAReaderOrAWriteWithoutItsToken() throws Exception {
        try (Database database = Database.inMemory("routes-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            new Accounts(database).add("edith", "another long password", Role.EDITOR);
            var app = WebServer.create(application);
            List<io.javalin.router.Endpoint> routes = app.unsafe.internalRouter.allHttpHandlers().stream()
                    .map(p -> p.endpoint)
                    .filter(e -> e.path.startsWith("/workspace") || e.path.equals("/logout"))
                    .filter(e -> !e.path.equals("/workspace/wordcount.js")) // the counter's script, public
                    .toList();
            assertThat(routes).extracting(e -> e.path).contains("/workspace",
                    "/workspace/activity", "/workspace/import", "/workspace/positions", "/workspace/briefs/{id}",
                    "/workspace/briefs/{id}/items/{item}", "/workspace/briefs/{id}/meetings");
            String versions = "select count(*) from brief_revision";
            WebTest.test(app, (server, client) -> {
                String session = AccountRoutes.SESSION_COOKIE + "=" + login(client, "edith", "another long password",
                        "");
                for (io.javalin.router.Endpoint route : routes) {
                    String path = route.path.replace("{id}", "mali").replace("{item}", "comments-2")
                            .replace("{meeting}", "1");
                    if (route.method == io.javalin.http.HandlerType.GET) {
                        Page page = send(client, "GET", path, null, Map.of());
                        assertThat(page.code()).as(path).isEqualTo(302);
                        assertThat(page.location()).as(path).endsWith("login");
                        assertThat(page.body()).as(path).doesNotContain("Mali");
                    } else {
                        Map<String, String> form = Map.of("base", "0", "title", "T", "body", "B", "date",
                                "2024-01-01", "sources", "S/PV.9350", "name", "N", "id", "new-one", "status",
                                "accepted");
                        assertThat(send(client, "POST", path, null, form).code()).as(path).isEqualTo(403);
                        assertThat(send(client, "POST", path, session, form).code()).as(path + " without token")
                                .isEqualTo(403);
                    }
                }
                int written = database.jdbi().withHandle(h -> h.createQuery(versions).mapTo(Integer.class).one());
                assertThat(written).isZero();
            });
        }
    }

    @Test
    void aWrongPasswordSaysNothingMoreAndEveryPageCarriesItsSecurityHeaders() throws Exception {
        try (Database database = Database.inMemory("routes-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            WebTest.test(WebServer.create(application), (server, client) -> {
                Page form = send(client, "GET", "/login", null, Map.of());
                Page wrong = send(client, "POST", "/login", "cb_login=" + value(form.cookies(), "cb_login"),
                        Map.of("_csrf", csrf(form.body()), "username", "nobody", "password", "whatever it is"));
                assertThat(wrong.code()).isEqualTo(401);
                assertThat(wrong.body()).contains("wrong username or password");
                var response = client.get("/");
                assertThat(response.header("Content-Security-Policy")).contains("default-src 'self'");
                assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
                assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            });
        }
    }

    /** One login through the form from a client: status, Retry-After, and the page with its token blanked. */
    private static List<String> loginAs(WebClient client, String user, String password, String address)
            throws Exception {
        OkHttpClient http = client.getOkHttp().newBuilder().followRedirects(false).build();
        Page form = send(client, "GET", "/login", null, Map.of());
        Request request = new Request.Builder().url(client.getOrigin() + "/login")
                .header("Cookie", "cb_login=" + value(form.cookies(), "cb_login"))
                .header("X-Forwarded-For", "192.0.2.200, " + address)
                .post(new FormBody.Builder().add("_csrf", csrf(form.body())).add("username", user)
                        .add("password", password).build()).build();
        try (Response response = http.newCall(request).execute()) {
            return List.of(String.valueOf(response.code()), String.valueOf(response.header("Retry-After")),
                    response.body().string().replaceAll("[0-9a-f]{64}", "TOKEN")
                            .replace("value=\"" + user + "\"", "value=\"USER\""));
        }
    }

    /**
     * Past the limit a login is answered 429 with Retry-After, in the same words for a name that exists and one that
     * does not; behind a proxy the client is the address the proxy added, so another client is not refused.
     */
    @Test
    void tooManyFailedLoginsAreAnswered429AlikeForEveryName() throws Exception {
        try (Database database = Database.inMemory("routes-" + System.nanoTime())) {
            Application application = Application.start(database, false, new AccountSettings(
                    AccountSettings.DEFAULT_IDLE, AccountSettings.DEFAULT_MAX, false, true));
            new Accounts(database).add("admin", "a long enough password", Role.ADMIN);
            WebTest.test(WebServer.create(application), (server, client) -> {
                for (int i = 0; i < 5; i++) {
                    List<String> known = loginAs(client, "admin", "wrong " + i, "203.0.113.9");
                    List<String> unknown = loginAs(client, "nobody", "wrong " + i, "203.0.113.9");
                    assertThat(known.get(0)).isEqualTo("401");
                    assertThat(known).isEqualTo(unknown);
                }
                List<String> known = loginAs(client, "admin", "a long enough password", "203.0.113.9");
                List<String> unknown = loginAs(client, "nobody", "a long enough password", "203.0.113.9");
                assertThat(known.get(0)).isEqualTo("429");
                // The wait is the rest of each name's 15 minutes, which began with its first attempt: a few seconds
                // apart on a slow machine.
                assertThat(Integer.parseInt(known.get(1))).isBetween(600, 900);
                assertThat(Integer.parseInt(unknown.get(1))).isCloseTo(Integer.parseInt(known.get(1)),
                        org.assertj.core.data.Offset.offset(10));
                assertThat(known.get(2)).contains("Too many failed logins for this username or from this network;"
                        + " try again in ");
                assertThat(known.subList(0, 1)).isEqualTo(unknown.subList(0, 1));
                assertThat(known.get(2).replaceAll("in \\d+ minutes", "in N minutes"))
                        .isEqualTo(unknown.get(2).replaceAll("in \\d+ minutes", "in N minutes"));
                assertThat(loginAs(client, "admin", "a long enough password", "198.51.100.7").get(0))
                        .isEqualTo("302");
            });
        }
    }

    /**
     * Over plain HTTP on another host than this machine, browsers drop the Secure cookies: the login page says that
     * HTTPS is required, and so does a login whose cookie was dropped. Behind a proxy that says it was HTTPS, or on
     * localhost, nothing is said.
     */
    @Test
    void theLoginPageSaysWhenHttpsIsRequired() throws Exception {
        try (Database database = Database.inMemory("routes-" + System.nanoTime())) {
            Application application = Application.start(database, false);
            WebTest.test(WebServer.create(application), (server, client) -> {
                OkHttpClient http = client.getOkHttp().newBuilder().followRedirects(false).build();
                String url = client.getOrigin() + "/login";
                try (Response plain = http.newCall(new Request.Builder().url(url)
                        .header("Host", "briefs.example.org:8080").build()).execute()) {
                    assertThat(plain.body().string()).contains("<strong>HTTPS is required.</strong>")
                            .contains("<a href=\"https://briefs.example.org/login\">");
                }
                for (Map<String, String> https : List.of(Map.of("X-Forwarded-Proto", "https"),
                        Map.of("Forwarded", "for=192.0.2.1;proto=https;by=203.0.113.43"), Map.<String, String>of())) {
                    Request.Builder request = new Request.Builder().url(url).header("Host", https.isEmpty()
                            ? "localhost:8080" : "briefs.example.org");
                    https.forEach(request::header);
                    try (Response r = http.newCall(request.build()).execute()) {
                        assertThat(r.body().string()).as(https.toString()).doesNotContain("HTTPS is required");
                    }
                }
                try (Response dropped = http.newCall(new Request.Builder().url(url).header("Host", "briefs.example.org")
                        .header("Accept", "text/html").post(new FormBody.Builder().add("_csrf", "f".repeat(64))
                                .add("username", "admin").add("password", "a long enough password").build())
                        .build()).execute()) {
                    assertThat(dropped.code()).isEqualTo(403);
                    assertThat(dropped.body().string()).contains("This site must be reached over HTTPS")
                            .doesNotContain("reload the login page");
                }
            });
        }
    }
}
