package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.councilbrief.account.AccountRoutes;
import org.councilbrief.account.Role;
import org.councilbrief.council.Membership;
import org.councilbrief.db.Database;
import org.councilbrief.db.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two or more {@code serve} instances on one database (decision 0030): they start together on a fresh database (the
 * migrations and the shipped states do not race), an editor's change made on one is on the other's public pages within
 * two seconds, and a session opened on one is valid on the other.
 */
class TwoInstancesTest {
    static Stream<String> databases() {
        return TestDatabases.urls();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void twentyInstancesStartAtOnceOnOneFreshDatabase(String url) throws Exception {
        int instances = 20;
        CountDownLatch ready = new CountDownLatch(instances);
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        List<Future<Database>> started = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            started.add(pool.submit(() -> {
                ready.countDown();
                ready.await();
                Database database = Database.open(url);
                Application.start(database, false);
                return database;
            }));
        }
        List<Database> databases = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (Future<Database> f : started) {
            try {
                databases.add(f.get());
            } catch (java.util.concurrent.ExecutionException e) {
                failures.add(e.getCause());
            }
        }
        pool.shutdown();
        try {
            assertThat(failures).as("starts that failed").isEmpty();
            Database one = databases.get(0);
            int states = one.jdbi().withHandle(h -> h.createQuery("select count(*) from state").mapTo(Integer.class)
                    .one());
            assertThat(states).isEqualTo(Membership.shipped().states().all().size());
            int terms = one.jdbi().withHandle(h -> h.createQuery("select count(*) from council_term")
                    .mapTo(Integer.class).one());
            assertThat(terms).isEqualTo(Membership.shipped().terms().size());
            List<String> versions = one.jdbi().withHandle(h -> h.createQuery(
                    "select \"version\" from \"flyway_schema_history\" where \"success\" order by \"installed_rank\"")
                    .mapTo(String.class).list());
            assertThat(versions).doesNotHaveDuplicates().contains("1", "14");
        } finally {
            databases.forEach(Database::close);
        }
    }

    @Test
    void aChangeOnOneInstanceShowsOnTheOtherWithinTwoSecondsAndASessionIsValidOnBoth() throws Exception {
        var pg = TestDatabases.postgres();
        if (pg.isEmpty()) {
            return;
        }
        String url = TestDatabases.freshPostgresSchema(pg.get());
        try (Database first = Database.open(url); Database second = Database.open(url)) {
            Application one = Application.start(first, true);
            Application two = Application.start(second, false);
            one.accounts().add("edith", "a long enough password", Role.EDITOR);
            Javalin a = WebServer.create(one).start("127.0.0.1", 0);
            Javalin b = WebServer.create(two).start("127.0.0.1", 0);
            try {
                Client onA = new Client(a.port());
                Client onB = new Client(b.port());
                // The reader's page on the second instance is rendered and cached before the change.
                String title = "Briefing on MINUSMA " + System.nanoTime();
                assertThat(onB.get("/", null).body()).contains("Mali").doesNotContain(title);

                // An editor logs in on the first instance; the same session is valid on the second.
                String session = onA.login("edith", "a long enough password");
                String cookie = AccountRoutes.SESSION_COOKIE + "=" + session;
                HttpResponse<String> workspaceOnB = onB.get("/workspace/briefs/mali", cookie);
                assertThat(workspaceOnB.statusCode()).isEqualTo(200);
                assertThat(workspaceOnB.body()).contains("edith");

                // The editor plans a meeting through the first instance's form.
                String page = onA.get("/workspace/briefs/mali", cookie).body();
                Map<String, String> form = new LinkedHashMap<>();
                form.put("_csrf", field(page, "_csrf"));
                form.put("base", field(page, "base"));
                form.put("date", LocalDate.now().plusDays(10).toString());
                form.put("title", title);
                form.put("source", "");
                HttpResponse<String> planned = onA.post("/workspace/briefs/mali/meetings", cookie, form);
                assertThat(planned.statusCode()).as(planned.body()).isEqualTo(302);
                long changed = System.nanoTime();

                // The second instance's home page shows it as the next meeting within two seconds, though it had the
                // page in its cache.
                long seenAfter = -1;
                while (System.nanoTime() - changed < 5_000_000_000L) {
                    if (onB.get("/", null).body().contains(title)) {
                        seenAfter = (System.nanoTime() - changed) / 1_000_000;
                        break;
                    }
                    Thread.sleep(50);
                }
                assertThat(seenAfter).as("ms until the other instance shows the change").isBetween(0L, 2_000L);
            } finally {
                a.stop();
                b.stop();
            }
        }
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("the page has a field " + name).isTrue();
        return m.group(1);
    }

    /** A browser-like client of one instance: no redirects followed, cookies given by hand. */
    private record Client(int port, HttpClient http) {
        Client(int port) {
            this(port, HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());
        }

        HttpResponse<String> get(String path, String cookie) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Accept", "text/html");
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String cookie, Map<String, String> form) throws Exception {
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Logs in through the login form; returns the session cookie's value. */
        String login(String user, String password) throws Exception {
            HttpResponse<String> form = get("/login", null);
            String loginCookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("cb_login="))
                    .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse("");
            HttpResponse<String> done = post("/login", loginCookie, Map.of("_csrf", field(form.body(), "_csrf"),
                    "username", user, "password", password));
            assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
            String prefix = AccountRoutes.SESSION_COOKIE + "=";
            return done.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(prefix))
                    .map(c -> c.substring(prefix.length(), c.indexOf(';'))).findFirst().orElseThrow();
        }
    }
}
