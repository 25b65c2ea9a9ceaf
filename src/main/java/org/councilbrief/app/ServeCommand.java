package org.councilbrief.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.councilbrief.AppException;
import org.councilbrief.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code councilbrief serve}: the web application. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Starts the web application.")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--demo", description = "Start on a fresh in-memory database loaded with the bundled demo data.")
    boolean demo;

    private static final java.time.Duration WARM_UP_DELAY = java.time.Duration.ofSeconds(3);

    @Option(names = "--port", defaultValue = "7070", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--db", description = "JDBC URL of the database (default: H2 under ./data).")
    String db;

    @Option(names = "--session-idle", defaultValue = "2h", description = "A session ends after this long without a"
            + " request: 90m, 2h, 1d (default: ${DEFAULT-VALUE}).")
    String sessionIdle;

    @Option(names = "--session-max", defaultValue = "12h", description = "A session ends this long after its login,"
            + " used or not (default: ${DEFAULT-VALUE}).")
    String sessionMax;

    @Option(names = "--publish-own-changes", description = "Let a reviewer or admin publish a brief whose last change"
            + " they made themselves. Off by default: a second person reads every change before the public does.")
    boolean publishOwnChanges;

    @Option(names = "--behind-proxy", description = "The server is reached through a reverse proxy: count login"
            + " attempts per the client address the proxy adds to X-Forwarded-For, not per the proxy's address.")
    boolean behindProxy;

    @Option(names = "--documents-url", paramLabel = "TEMPLATE", description = "The address the import page fetches"
            + " a document from by its symbol, with {symbol} and {language} placeholders (default: the environment's "
            + org.councilbrief.ingest.FetchSettings.TEMPLATE_VARIABLE + ", else the UN's Official Document System).")
    String documentsUrl;

    @Option(names = "--documents-cache", paramLabel = "DIR", description = "The folder fetched documents are kept in"
            + " (default: the environment's " + org.councilbrief.ingest.FetchSettings.CACHE_VARIABLE
            + ", else ./data/documents).")
    java.nio.file.Path documentsCache;

    @Override
    public Integer call() throws AppException {
        if (demo && db != null) {
            throw new AppException("--demo starts on its own in-memory database; leave out --db");
        }
        if (port < 0 || port > 65535) {
            throw new AppException("--port must be between 0 and 65535");
        }
        org.councilbrief.account.AccountSettings settings = new org.councilbrief.account.AccountSettings(
                org.councilbrief.account.AccountSettings.duration(sessionIdle, "--session-idle"),
                org.councilbrief.account.AccountSettings.duration(sessionMax, "--session-max"), publishOwnChanges,
                behindProxy);
        org.councilbrief.ingest.FetchSettings documents = org.councilbrief.ingest.FetchSettings.of(documentsUrl,
                documentsCache, System.getenv());
        Database database = demo ? Database.inMemory("demo") : Database.openOrDefault(db);
        Application application = Application.start(database, demo, java.time.Clock.systemDefaultZone(), settings,
                documents);
        if (demo) {
            DemoData.loadMeetings(database);
        }
        WebServer server = WebServer.start(application, host, port);
        // The first PDF and Word downloads would pay for loading their renderers; a spare thread does it a few seconds
        // after the start, so as not to slow the first pages.
        Thread.ofPlatform().daemon().name("warm-up").start(() -> {
            try {
                Thread.sleep(WARM_UP_DELAY);
                org.councilbrief.site.SiteBuilder.warmUp();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        PrintWriter err = spec.commandLine().getErr();
        String base = "http://" + host + ":" + server.port();
        err.println("councilbrief is serving at " + base + "/");
        if (demo) {
            err.println("The demo brief: " + base + "/briefs/" + DemoData.SITUATION);
            // The demo's database lives and dies with this process, so its accounts are made here, with passwords
            // drawn afresh each start and shown once: log in at /login to try the workspace.
            for (org.councilbrief.account.Role role : List.of(org.councilbrief.account.Role.EDITOR,
                    org.councilbrief.account.Role.REVIEWER, org.councilbrief.account.Role.ADMIN)) {
                String password = DemoData.password();
                application.accounts().add(role.id(), password, role, "demo");
                err.println("Demo account: user '" + role.id() + "', password '" + password + "' (" + base
                        + "/login)");
            }
        }
        err.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            database.close();
        }));
        return 0;
    }
}
