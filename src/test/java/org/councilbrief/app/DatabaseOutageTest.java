package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.councilbrief.db.Database;
import org.councilbrief.db.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * The database goes away while the server serves (decision 0030): readers get a 503 page that says so, with
 * Retry-After, within the pool's connection timeout, never a 500 or a hang; when the database is back the server
 * serves again by itself, without a restart. The server reaches PostgreSQL through a proxy the test cuts and restores,
 * as a PostgreSQL restart or a network outage does.
 */
class DatabaseOutageTest {
    @Test
    void aReaderGetsA503WhileTheDatabaseIsAwayAndPagesAgainWhenItIsBack() throws Exception {
        var pg = TestDatabases.postgres();
        if (pg.isEmpty()) {
            return;
        }
        String direct = TestDatabases.freshPostgresSchema(pg.get());
        URI server = URI.create(direct.substring("jdbc:".length()));
        try (Proxy proxy = new Proxy(server.getHost(), server.getPort())) {
            String url = direct.replace(server.getHost() + ":" + server.getPort(), "127.0.0.1:" + proxy.port());
            try (Database database = Database.open(url)) {
                Javalin web = WebServer.create(Application.start(database, true)).start("127.0.0.1", 0);
                try {
                    HttpClient http = HttpClient.newHttpClient();
                    HttpRequest home = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + "/"))
                            .header("Accept", "text/html").build();
                    assertThat(http.send(home, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

                    proxy.cut();
                    Thread.sleep(WebServer.STAMP_AGE.toMillis() + 200);
                    long asked = System.nanoTime();
                    HttpResponse<String> away = http.send(home, HttpResponse.BodyHandlers.ofString());
                    long waited = (System.nanoTime() - asked) / 1_000_000;
                    assertThat(away.statusCode()).isEqualTo(503);
                    assertThat(away.headers().firstValue("Retry-After")).isPresent();
                    assertThat(away.body()).contains("Temporarily unavailable").contains("not answering")
                            .contains("href=");
                    assertThat(waited).as("ms until the 503").isLessThan(15_000);

                    proxy.restore();
                    long back = System.nanoTime();
                    int status = 0;
                    while (System.nanoTime() - back < 30_000_000_000L) {
                        status = http.send(home, HttpResponse.BodyHandlers.ofString()).statusCode();
                        if (status == 200) {
                            break;
                        }
                        Thread.sleep(200);
                    }
                    assertThat(status).as("the server serves again once the database is back").isEqualTo(200);
                } finally {
                    web.stop();
                }
            }
        }
    }

    /** A TCP proxy to the database that can be cut (every connection closed, new ones refused) and restored. */
    private static final class Proxy implements AutoCloseable {
        private final String host;
        private final int target;
        private final int port;
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        private volatile ServerSocket listener;

        Proxy(String host, int target) throws IOException {
            this.host = host;
            this.target = target;
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.port = listener.getLocalPort();
            accept(listener);
        }

        int port() {
            return port;
        }

        private void accept(ServerSocket server) {
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket client = server.accept();
                        Socket upstream = new Socket(host, target);
                        open.add(client);
                        open.add(upstream);
                        pipe(client, upstream);
                        pipe(upstream, client);
                    } catch (IOException e) {
                        // The listener was closed by cut().
                    }
                }
            });
        }

        private void pipe(Socket from, Socket to) {
            Thread.ofVirtual().start(() -> {
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException e) {
                    // One side closed: close both.
                } finally {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            });
        }

        void cut() throws IOException {
            listener.close();
            for (Socket s : open) {
                closeQuietly(s);
            }
            open.clear();
        }

        void restore() throws IOException {
            ServerSocket again = new ServerSocket();
            again.setReuseAddress(true);
            again.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listener = again;
            accept(again);
        }

        private static void closeQuietly(Socket s) {
            try {
                s.close();
            } catch (IOException e) {
                // Already closed.
            }
        }

        @Override
        public void close() throws IOException {
            cut();
        }
    }
}
