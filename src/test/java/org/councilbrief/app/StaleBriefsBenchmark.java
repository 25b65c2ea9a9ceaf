package org.councilbrief.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.councilbrief.account.Accounts;
import org.councilbrief.account.Role;
import org.councilbrief.account.Session;
import org.councilbrief.brief.BriefWorkflow;
import org.councilbrief.db.Database;

/**
 * Times the workspace's list of briefs, the feed of stale briefs and the finding of stale briefs alone, with BRIEFS
 * published briefs (default 300) each made stale by a meeting record, its press summary and a UPR review imported
 * after publication (docs/benchmarks.md); with STALE_SQL set, also the time of each statement of one finding. Run by
 * {@code bench/stale.sh [BRIEFS] [RUNS]}, never as a test.
 */
public final class StaleBriefsBenchmark {
    private StaleBriefsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int briefs = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        try (Database database = Database.inMemory("stale-bench")) {
            Application application = Application.start(database, false);
            Accounts accounts = application.accounts();
            accounts.add("edith", "a long enough password", Role.EDITOR);
            accounts.add("rita", "a long enough password", Role.REVIEWER);
            Session edith = accounts.login("edith", "a long enough password");
            BriefWorkflow workflow = new BriefWorkflow(database, application.membership());
            List<String> states = database.jdbi().withHandle(h -> h.createQuery("select code from state order by"
                    + " code").mapTo(String.class).list());
            LocalDateTime later = LocalDateTime.now(ZoneOffset.UTC).plusDays(1);
            for (int i = 0; i < briefs; i++) {
                String id = "s" + i;
                String state = states.get(i % states.size());
                int edited = workflow.create(id, "Situation " + i, state, LocalDate.now(), "edith");
                workflow.publish(id, workflow.submit(id, edited, "edith"), "rita", true);
                news(database, i, id, state, later);
            }
            String token = new org.councilbrief.account.OfficeRepository(database.jdbi()).renewFeedToken(
                    accounts.users().stream().filter(u -> u.username().equals("edith")).findFirst().orElseThrow());
            WebServer server = WebServer.start(application, "127.0.0.1", 0);
            try {
                String origin = "http://127.0.0.1:" + server.port();
                HttpClient client = HttpClient.newHttpClient();
                HttpRequest workspace = HttpRequest.newBuilder(URI.create(origin + "/workspace"))
                        .header("Cookie", "cb_session=" + edith.id()).build();
                HttpRequest feed = HttpRequest.newBuilder(URI.create(origin + "/feeds/stale.atom?key=" + token))
                        .build();
                org.councilbrief.calendar.StaleBriefs stale = new org.councilbrief.calendar.StaleBriefs(
                        new org.councilbrief.calendar.CalendarRepository(database.jdbi()));
                System.out.println(briefs + " briefs, " + runs + " runs after 5 of warm-up (median, min) in ms:");
                System.out.println("stale briefs found " + time(runs, () -> stale.reasons(LocalDate.now(), 30)));
                System.out.println("GET /workspace      " + time(runs, () -> check(client.send(workspace,
                        HttpResponse.BodyHandlers.ofString()), "Stale:")));
                System.out.println("GET feed            " + time(runs, () -> check(client.send(feed,
                        HttpResponse.BodyHandlers.ofString()), "<entry>")));
                if (System.getenv("STALE_SQL") != null) {
                    database.jdbi().setSqlLogger(new org.jdbi.v3.core.statement.SqlLogger() {
                        @Override
                        public void logAfterExecution(org.jdbi.v3.core.statement.StatementContext c) {
                            System.out.println(c.getElapsedTime(java.time.temporal.ChronoUnit.MICROS) + " us "
                                    + c.getRenderedSql().replaceAll("\\s+", " ").substring(0, 60));
                        }
                    });
                    stale.reasons(LocalDate.now(), 30);
                    database.jdbi().setSqlLogger(org.jdbi.v3.core.statement.SqlLogger.NOP_SQL_LOGGER);
                }
            } finally {
                server.stop();
            }
        }
    }

    private static Object check(HttpResponse<String> response, String expected) {
        if (response.statusCode() != 200 || !response.body().contains(expected)) {
            throw new IllegalStateException("unexpected answer " + response.statusCode());
        }
        return response;
    }

    /** A meeting record, its press summary and a review of the state, imported at {@code at}. */
    private static void news(Database database, int i, String id, String state, LocalDateTime at) {
        String meeting = "S/PV." + (9000 + i);
        database.jdbi().useTransaction(h -> {
            h.execute("insert into meeting (symbol, situation_id, meeting_date) values (?, ?, ?)", meeting, id,
                    LocalDate.now());
            h.execute("insert into press_release (number, meeting_symbol) values (?, ?)", "SC/" + (15000 + i),
                    meeting);
            h.execute("merge into upr_review (id, state_under_review, cycle, session, review_date) key (id) values (?,"
                    + " ?, 4, 40, ?)", state + "-S40", state, LocalDate.of(2022, 1, 20));
            String[][] items = {{"meeting", meeting}, {"press-release", "SC/" + (15000 + i)},
                {"upr-review", state + "-S40"}};
            for (String[] item : items) {
                long log = h.createUpdate("insert into import_log (kind, content_hash, file_name, target, imported_at)"
                        + " values (?, ?, ?, ?, ?)").bind(0, item[0]).bind(1, "h" + i + item[0]).bind(2, item[1])
                        .bind(3, item[1]).bind(4, at).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                h.execute("insert into import_log_item (import_id, position, kind, item_key) values (?, 0, ?, ?)",
                        log, item[0], item[1]);
            }
        });
    }

    interface Work {
        Object run() throws Exception;
    }

    private static String time(int runs, Work work) throws Exception {
        for (int i = 0; i < 5; i++) {
            work.run();
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            times.add(System.nanoTime() - start);
        }
        times.sort(Long::compare);
        return String.format("%.1f, %.1f", times.get(runs / 2) / 1e6, times.get(0) / 1e6);
    }
}
