package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.councilbrief.db.Database;
import org.junit.jupiter.api.Test;

class WebServerTest {
    @Test
    void servesTheSituationsTheDemoBriefAndItsDownloads() throws Exception {
        try (Database database = Database.inMemory("web-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            WebTest.test(WebServer.create(application), (server, client) -> {
                String home = client.get("/").body().string();
                assertThat(home).contains("<a href=\"briefs/mali.html\">Mali</a>");
                assertThat(client.get("/index.html").body().string()).isEqualTo(home);

                var page = client.get("/briefs/mali");
                assertThat(page.code()).isEqualTo(200);
                String html = page.body().string();
                assertThat(html).contains("<h1>Mali</h1>").contains("href=\"mali.pdf\"")
                        .contains("Updated: 11 August 2023");
                assertThat(client.get("/briefs/mali.html").body().string()).isEqualTo(html);

                var pdf = client.get("/briefs/mali.pdf");
                assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
                assertThat(pdf.body().bytes()).startsWith("%PDF".getBytes());
                assertThat(client.get("/briefs/mali.docx").header("Content-Type")).contains("wordprocessingml");
                assertThat(client.get("/briefs/mali.md").body().string()).startsWith("# Mali");
                assertThat(client.get("/briefs/atlantis").code()).isEqualTo(404);
                assertThat(client.get("/briefs/mali.exe").code()).isEqualTo(404);

                assertThat(client.get("/council/index.html").body().string()).contains("The Security Council on");
                assertThat(client.get("/members/FRA.html").body().string()).contains("<h1>France</h1>");
                assertThat(client.get("/themes/accountability.html").body().string()).contains("<h1>Accountability</h1>");
                var feed = client.get("/feed.atom");
                assertThat(feed.header("Content-Type")).startsWith("application/atom+xml");
                assertThat(feed.body().string()).contains("<entry>");
                assertThat(client.get("/members/XXX.html").code()).isEqualTo(404);
                assertThat(client.get("/../etc/passwd").code()).isEqualTo(404);

                // A browser gets error pages with links back; other clients the short text.
                var missing = client.get("/briefs/atlantis", r -> r.header("Accept", "text/html"));
                assertThat(missing.code()).isEqualTo(404);
                assertThat(missing.header("Content-Type")).startsWith("text/html");
                assertThat(missing.body().string()).contains("<h1>Page not found</h1>")
                        .contains("href=\"../index.html\"");
                var refused = client.request("/workspace/briefs/mali/submit", r -> r.header("Accept", "text/html")
                        .post(okhttp3.RequestBody.create(new byte[0])));
                assertThat(refused.code()).isEqualTo(403);
                assertThat(refused.body().string()).contains("<h1>Not allowed</h1>").contains("log in first")
                        .contains("href=\"../../../login\"");
                assertThat(client.get("/briefs/atlantis").body().string()).isEqualTo("Not Found");
            });
        }
    }

    @Test
    void aFailureOfTheServerIsA500PageWithALinkBackAndTheSecurityHeaders() throws Exception {
        try (Database database = Database.inMemory("web-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            // The data's stamp read on every request, so the loss below is met at once.
            WebTest.test(WebServer.create(application, java.time.Duration.ZERO), (server, client) -> {
                assertThat(client.get("/briefs/mali.html").code()).isEqualTo(200);
                // The database loses a table under the server (a broken restore, a hand-made change).
                database.jdbi().useHandle(h -> h.execute("drop table planned_meeting"));
                var page = client.get("/council/index.html", r -> r.header("Accept", "text/html"));
                String html = page.body().string();
                assertThat(page.code()).as(html).isEqualTo(500);
                assertThat(page.header("Content-Type")).startsWith("text/html");
                assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");
                assertThat(html).contains("<h1>Server error</h1>").contains("href=\"../index.html\"")
                        .doesNotContain("planned_meeting").doesNotContain("Exception");
                var text = client.get("/council/index.html");
                assertThat(text.code()).isEqualTo(500);
                assertThat(text.body().string()).isEqualTo("Something went wrong on the server.");
            });
        }
    }

    @Test
    void aDatabaseConnectionLostWhileInUseIsA503AndAnyOtherFailureA500() throws Exception {
        // As the pool's connections are after the embedded database shut down at the end of a large import.
        assertThat(WebServer.lostConnection(new IllegalStateException(new java.sql.SQLNonTransientConnectionException(
                "Database is already closed", "90121", 90121)))).isTrue();
        assertThat(WebServer.lostConnection(new java.sql.SQLException("An I/O error occurred while sending to the"
                + " backend.", "08006"))).isTrue(); // as PostgreSQL says it
        assertThat(WebServer.lostConnection(new java.sql.SQLNonTransientConnectionException("File corrupted",
                "90030", 90030))).isFalse(); // a damaged file is a 500 with its stack trace in the log
        assertThat(WebServer.lostConnection(new java.sql.SQLTransientConnectionException("pool timed out")))
                .isTrue();
        assertThat(WebServer.lostConnection(new IllegalStateException(new java.sql.SQLSyntaxErrorException(
                "Table not found")))).isFalse();
        try (Database database = Database.open("jdbc:h2:file:" + java.nio.file.Files.createTempDirectory("web-")
                .resolve("councilbrief") + ";AUTO_SERVER=FALSE")) {
            Application application = Application.start(database, true);
            WebTest.test(WebServer.create(application, java.time.Duration.ZERO), (server, client) -> {
                assertThat(client.get("/briefs/mali.html").code()).isEqualTo(200);
                // The database shut down under the server's pool: the next page is a 503 in words, then it recovers.
                try (var c = java.sql.DriverManager.getConnection(database.url(), "sa", "");
                        var st = c.createStatement()) {
                    st.execute("shutdown");
                }
                var page = client.get("/council/index.html", r -> r.header("Accept", "text/html"));
                String html = page.body().string();
                assertThat(page.code()).as(html).isIn(200, 503);
                if (page.code() == 503) {
                    assertThat(html).contains("Temporarily unavailable").doesNotContain("Exception");
                }
                int code = 0;
                for (int i = 0; i < 20 && code != 200; i++) {
                    code = client.get("/council/index.html").code();
                }
                assertThat(code).isEqualTo(200);
            });
        }
    }

    @Test
    void aFormJettyCannotReadIsTheClientsFaultUnlessJettyCouldNotWriteIt() {
        // As Jetty 12 reports a multipart body it refuses, and one whose parts it could not write to disk.
        var refused = new jakarta.servlet.ServletException(new org.eclipse.jetty.http.BadMessageException(
                "bad multipart", new java.util.concurrent.CompletionException(new IllegalStateException(
                        "headers max length exceeded: 8192"))));
        var diskFull = new jakarta.servlet.ServletException(new org.eclipse.jetty.http.BadMessageException(
                "bad multipart", new java.util.concurrent.CompletionException(new java.io.IOException(
                        "No space left on device"))));
        var closed = new jakarta.servlet.ServletException(new org.eclipse.jetty.http.BadMessageException(
                "bad multipart", new org.eclipse.jetty.io.EofException("early EOF")));
        assertThat(WebServer.formFailure(refused)).isEqualTo(400);
        assertThat(WebServer.formFailure(diskFull)).isEqualTo(500);
        assertThat(WebServer.formFailure(closed)).isEqualTo(400);
        assertThat(WebServer.formFailure(new jakarta.servlet.ServletException("other"))).isEqualTo(500);
    }

    @Test
    void aServedPageChangesWithinSecondsOfAnotherProcesssWriteAndAtOnceAfterAnEditorsOne() throws Exception {
        try (Database database = Database.inMemory("web-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            org.councilbrief.account.Accounts accounts = new org.councilbrief.account.Accounts(database);
            accounts.add("edith", "an editor's long password", org.councilbrief.account.Role.EDITOR);
            var session = accounts.login("edith", "an editor's long password");
            WebTest.test(WebServer.create(application), (server, client) -> {
                assertThat(client.get("/themes/accountability.html").body().string())
                        .contains("No reviewed position yet.");
                // Another process writes to the database: the page shows it once the stamp is asked for again.
                database.jdbi().useHandle(h -> {
                    h.execute("insert into meeting (symbol, situation_id, meeting_date) values ('S/PV.9350', 'mali',"
                            + " date '2023-06-16')");
                    h.execute("insert into statement (meeting_symbol, speech_index, speaker, state_code, body) values"
                            + " ('S/PV.9350', 1, 'Mr. X', 'FRA', 'We call for accountability.')");
                    h.execute("insert into position (statement_id, state_code, act, theme, evidence, status) select id,"
                            + " 'FRA', 'calls-for', 'accountability', 'We call for accountability.', 'ACCEPTED'"
                            + " from statement where meeting_symbol = 'S/PV.9350'");
                });
                long deadline = System.nanoTime() + WebServer.STAMP_AGE.multipliedBy(3).toNanos();
                String page;
                do {
                    Thread.sleep(100);
                    page = client.get("/themes/accountability.html").body().string();
                } while (!page.contains("We call for accountability.") && System.nanoTime() < deadline);
                assertThat(page).contains("We call for accountability.").doesNotContain("No reviewed position yet.");

                // An editor rejects the position through the workspace: the next page no longer shows it.
                // (The demo's own meeting, S/PV.9365, has positions of its own.)
                long id = database.jdbi().withHandle(h -> h.createQuery("select id from position where theme ="
                        + " 'accountability'").mapTo(Long.class).one());
                var post = client.request("/workspace/positions/" + id, r -> r.header("Cookie", "cb_session="
                        + session.id()).post(new okhttp3.FormBody.Builder().add("_csrf", session.csrfToken())
                        .add("meeting", "S/PV.9350").add("status", "rejected").add("act", "calls-for")
                        .add("theme", "accountability").build()));
                assertThat(post.code()).isEqualTo(200);
                assertThat(client.get("/themes/accountability.html").body().string())
                        .doesNotContain("We call for accountability.");
            });
        }
    }
}
