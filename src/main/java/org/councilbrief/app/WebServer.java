package org.councilbrief.app;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Map;
import org.councilbrief.AppException;
import org.councilbrief.WebRoutes;
import org.councilbrief.account.AccountRoutes;
import org.councilbrief.brief.BriefRoutes;
import org.councilbrief.brief.BriefWorkflow;
import org.councilbrief.ingest.ImportRoutes;
import org.councilbrief.ingest.Imports;
import org.councilbrief.statement.PositionRoutes;
import org.councilbrief.statement.StatementRepository;
import org.councilbrief.site.SiteBuilder;
import org.councilbrief.site.SiteFile;

/** The public site over HTTP: every page and download of {@link SiteBuilder}, at its path. */
final class WebServer {
    /**
     * How long a stamp of the data is trusted before it is asked for again: a change made through another instance on
     * the same database (decision 0030) is served here at most this long plus one page's rendering later.
     */
    static final java.time.Duration STAMP_AGE = java.time.Duration.ofSeconds(1);
    /**
     * The largest body of a form: every field at its limit, each character written as nine bytes, is far below it.
     */
    static final long FORM_BYTES = 1024 * 1024;
    /** The largest body of an upload to the import page: its file at the page's limit and the form's fields. */
    static final long UPLOAD_BYTES = ImportRoutes.MAX_BYTES + FORM_BYTES;
    /** How often the search index asks the database for changes: another instance's import is found within 2 s. */
    static final java.time.Duration SEARCH_POLL = java.time.Duration.ofSeconds(1);
    private static final gg.jte.TemplateEngine TEMPLATES = gg.jte.TemplateEngine.createPrecompiled(
            gg.jte.ContentType.Html);
    private final Javalin javalin;

    private WebServer(Javalin javalin) {
        this.javalin = javalin;
    }

    static WebServer start(Application application, String host, int port) {
        Javalin javalin = create(application);
        javalin.start(host, port);
        return new WebServer(javalin);
    }

    static Javalin create(Application application) {
        return create(application, STAMP_AGE);
    }

    /** The server, trusting a stamp of the data for {@code stampAge} (tests make it long, to see what renews it). */
    static Javalin create(Application application, java.time.Duration stampAge) {
        // The search index of this instance, kept in step with the database while the server runs (decision 0039).
        org.councilbrief.search.SearchIndex search = searchIndex(application);
        org.councilbrief.search.SearchRepository texts = SearchWiring.repository(application);
        return Javalin.create(config -> {
            config.events.serverStarted(() -> search.keepInStep(texts, SEARCH_POLL));
            config.events.serverStopped(search::close);
            config.startup.showJavalinBanner = false;
            config.http.defaultContentType = "text/html; charset=utf-8";
            config.http.maxRequestSize = FORM_BYTES;
            config.jetty.multipartConfig.maxTotalRequestSize(UPLOAD_BYTES, io.javalin.config.SizeUnit.BYTES);
            routes(new WebRoutes(config), application, stampAge, search, texts);
        });
    }

    /** Every route of the site and the workspace, declared in Javalin's configuration; each *Routes class its own. */
    private static void routes(WebRoutes app, Application application, java.time.Duration stampAge,
            org.councilbrief.search.SearchIndex search, org.councilbrief.search.SearchRepository texts) {
        // Bodies are capped before they are read: a form at FORM_BYTES, an upload to the import page at UPLOAD_BYTES;
        // a body of unknown length (sent in chunks, which no browser does for a form) is refused rather than read.
        app.before(ctx -> {
            if (ctx.method() != io.javalin.http.HandlerType.POST) {
                return;
            }
            long length = ctx.req().getContentLengthLong();
            boolean upload = ctx.isMultipartFormData() && ctx.path().startsWith("/workspace/import");
            if (length > (upload ? UPLOAD_BYTES : FORM_BYTES)) {
                throw new io.javalin.http.HttpResponseException(413, tooLarge(upload));
            }
            if (length < 0 && ctx.header("Transfer-Encoding") != null) {
                throw new io.javalin.http.HttpResponseException(411, "A form is sent with its length.");
            }
        });
        app.exception(AppException.class, (e, ctx) -> ctx.status(400).contentType("text/plain; charset=utf-8")
                .result(e.getMessage()));
        // The database stopped answering (a PostgreSQL restart, the network): a 503 that asks to come back, never a
        // 500 or a hang; the pool reconnects by itself and the next request after its return is served as usual.
        app.exception(org.councilbrief.db.DatabaseUnavailableException.class, (e, ctx) -> {
            org.slf4j.LoggerFactory.getLogger(WebServer.class).warn("the database is unavailable: {}", e.getMessage());
            unavailable(ctx);
        });
        // A form Jetty cannot read (a part's headers over its 8 KB, a broken multipart body): Jetty says so with a
        // 400 of its own inside the servlet's exception; the client's fault, said in words. Jetty gives the same 400
        // when it could not write the parts to its temporary files (a full disk): that one is the server's, a 500.
        app.exception(jakarta.servlet.ServletException.class, (e, ctx) -> {
            int status = formFailure(e);
            if (status >= 500) {
                serverError(ctx, e);
                return;
            }
            org.slf4j.LoggerFactory.getLogger(WebServer.class).warn("a form could not be read: {}", e.toString());
            ctx.status(status);
            String message = "The form could not be read: a file's name or a field is too long, or the form is"
                    + " broken. Rename the file or shorten the field, and send it again.";
            if (String.valueOf(ctx.header("Accept")).contains("text/html")) {
                errorPage(ctx, "The form could not be read", message);
            } else {
                ctx.contentType("text/plain; charset=utf-8").result(message);
            }
        });
        // Anything else unexpected: logged as the server's fault, and a page a browser can leave by a link (the more
        // specific handlers above, and Javalin's for its own HTTP responses, come first).
        // A database connection lost while in use (the embedded database shut down at the end of a large import,
        // decision 0051; a server restarted mid-request) is the same 503: the next request gets a new connection.
        app.exception(Exception.class, (e, ctx) -> {
            if (lostConnection(e)) {
                org.slf4j.LoggerFactory.getLogger(WebServer.class).warn("a database connection was lost: {}",
                        e.toString());
                unavailable(ctx);
            } else {
                serverError(ctx, e);
            }
        });
        // A browser gets a page it can leave by a link; other clients keep the short plain text.
        app.error(404, "html", ctx -> {
            if (!ctx.path().startsWith("/api/")) { // the API answers in JSON, whoever asks
                errorPage(ctx, "Page not found", "There is no page at this address.");
            }
        });
        app.error(413, "html", ctx -> errorPage(ctx, "Too much was sent", ctx.result() == null
                || ctx.result().isBlank() ? tooLarge(false) : ctx.result()));
        app.error(403, "html", ctx -> errorPage(ctx, "Not allowed", ctx.result() == null || ctx.result().isBlank()
                ? "This needs an editor's account." : ctx.result()));
        app.after(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "same-origin");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline';"
                    + " img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
        });
        // A published version keeps what its pictures were drawn from (decision 0049).
        org.councilbrief.site.BriefFigures figures = new org.councilbrief.site.BriefFigures(new StatementRepository(
                application.database().jdbi()), application.council());
        BriefWorkflow workflow = new BriefWorkflow(application.database(), application.council(), application.clock(),
                figures);
        // The workspace lists stale briefs first (decision 0040): what arrived after a brief's publication, its age.
        org.councilbrief.account.OfficeRepository office = new org.councilbrief.account.OfficeRepository(
                application.database().jdbi());
        org.councilbrief.calendar.StaleBriefs stale = new org.councilbrief.calendar.StaleBriefs(
                new org.councilbrief.calendar.CalendarRepository(application.database().jdbi()));
        AccountRoutes.register(app, application.accounts(), () -> BriefRoutes.lines(workflow, application.composer(),
                staleLines(stale.reasons(application.today(), office.staleAfterDays()))), office);
        BriefRoutes.register(app, application.accounts(), workflow, application.composer(),
                new org.councilbrief.situation.SituationRepository(application.database().jdbi()),
                new org.councilbrief.audit.ChangeLogRepository(application.database().jdbi()), figures);
        ImportRoutes.register(app, application.accounts(), new Imports(application.database()),
                new org.councilbrief.ingest.DocumentFetcher(application.documents()));
        PositionRoutes.register(app, application.accounts(), new StatementRepository(application.database().jdbi()),
                workflow, Assets.HTMX_VERSION);
        org.councilbrief.search.SearchRoutes.register(app, application.accounts(), search, texts,
                SearchWiring.themeLabel(), new org.councilbrief.search.SearchRoutes.JsonRoutes() {
                    @Override
                    public void send(io.javalin.http.Context ctx, byte[] json) {
                        org.councilbrief.api.ApiRoutes.send(ctx, json, "application/json");
                    }

                    @Override
                    public void problem(io.javalin.http.Context ctx, int status, String detail)
                            throws java.io.IOException {
                        org.councilbrief.api.ApiRoutes.problem(ctx, status, detail);
                    }

                    @Override
                    public int limit(String text) throws AppException {
                        return org.councilbrief.api.ApiRoutes.pageLimit(text);
                    }

                    @Override
                    public java.util.Optional<String> after(io.javalin.http.Context ctx, String collection,
                            java.util.function.Predicate<String> readable) throws AppException {
                        return org.councilbrief.api.ApiRoutes.pageAfter(ctx, collection, readable);
                    }

                    @Override
                    public String cursor(String collection, String key) {
                        return org.councilbrief.api.ApiRoutes.pageCursor(collection, key);
                    }
                }, SearchWiring::memberCode);
        Assets.register(app);
        org.councilbrief.export.Exports exports = new org.councilbrief.export.Exports(application.database(),
                application::membership);
        org.councilbrief.export.ExportRoutes.register(app, exports);
        org.councilbrief.api.ApiRoutes.register(app, new org.councilbrief.api.ApiSources(exports,
                new org.councilbrief.api.ApiRepository(application.database().jdbi()), application.briefs(), workflow,
                application::membership, application::site, application::today));
        // Rendered files, kept while the data they come from is unchanged. The stamp of the data is asked for at most
        // once per STAMP_AGE (its counts cost a scan of large tables on PostgreSQL), and at once after a write through
        // this server, so an editor sees their change on the next page and another process's within seconds. A
        // refused form (4xx) or a failed one (5xx) wrote nothing, so it leaves the stamp as it is.
        Map<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();
        Stamp stamp = new Stamp(stampAge);
        app.after(ctx -> {
            if (ctx.method() == io.javalin.http.HandlerType.POST && ctx.status().getCode() < 400) {
                stamp.invalidate();
            }
        });
        app.get("/", ctx -> page(application, cache, stamp, "index.html", ctx));
        // Browsers that ask for the icon where it used to be, without reading the page's link, find the SVG one.
        app.get("/favicon.ico", ctx -> ctx.redirect("favicon.svg", io.javalin.http.HttpStatus.MOVED_PERMANENTLY));
        app.get("/briefs/{file}", ctx -> {
            String file = ctx.pathParam("file");
            page(application, cache, stamp, "briefs/" + (file.contains(".") ? file : file + ".html"), ctx);
        });
        app.get("/<path>", ctx -> page(application, cache, stamp, ctx.pathParam("path"), ctx));
    }

    /** The reasons briefs are stale, as the workspace's list of briefs holds them. */
    private static Map<String, java.util.List<AccountRoutes.BriefLine.Stale>> staleLines(
            Map<String, java.util.List<org.councilbrief.calendar.StaleBriefs.Reason>> reasons) {
        Map<String, java.util.List<AccountRoutes.BriefLine.Stale>> out = new java.util.HashMap<>();
        reasons.forEach((situation, list) -> out.put(situation, list.stream().map(r -> new AccountRoutes.BriefLine
                .Stale(r.reason(), r.label(), r.href(), r.at())).toList()));
        return out;
    }

    private static org.councilbrief.search.SearchIndex searchIndex(Application application) {
        try {
            return SearchWiring.open(application);
        } catch (AppException e) {
            // The index is derived data: a folder that cannot be written leaves search working from memory.
            org.slf4j.LoggerFactory.getLogger(WebServer.class).warn("{}; the search index is kept in memory",
                    e.getMessage());
            return org.councilbrief.search.SearchIndex.inMemory();
        }
    }

    /**
     * The status for a form Jetty could not read, from what it reported in {@code e}'s causes: its own 4xx when the
     * client sent something it refuses, 500 when there is none or the cause is the server's own input or output (a
     * temporary file it could not write), except a connection the client closed.
     */
    static int formFailure(Throwable e) {
        int status = 500;
        for (Throwable t = e; t != null; t = t.getCause()) {
            // An EOFException (Jetty's EofException is one) is the client's closed connection.
            if (t instanceof java.io.IOException && !(t instanceof java.io.EOFException)) {
                return 500;
            }
            if (status == 500 && t instanceof org.eclipse.jetty.http.HttpException h && h.getCode() >= 400
                    && h.getCode() < 500) {
                status = h.getCode();
            }
        }
        return status;
    }

    /** The database is not answering: a 503 that asks to come back, as a page for a browser or a short text. */
    private static void unavailable(Context ctx) {
        ctx.status(503).header("Retry-After", "10");
        String message = ctx.method() == io.javalin.http.HandlerType.POST
                ? "Your change was not saved: the site's database is not answering. Go back and send it again"
                        + " in a minute."
                : "The site's database is not answering at the moment. Please try again in a minute.";
        if (String.valueOf(ctx.header("Accept")).contains("text/html")) {
            errorPage(ctx, "Temporarily unavailable", message);
        } else {
            ctx.contentType("text/plain; charset=utf-8").result(message);
        }
    }

    /** H2's codes for a connection lost: database closed, connection broken, database gone, exclusive mode. */
    private static final java.util.Set<Integer> H2_LOST = java.util.Set.of(90121, 90067, 90098, 90135);

    /**
     * Whether {@code e} comes of a database connection lost or refused while in use: SQL state class 08 (PostgreSQL
     * and the standard), H2's codes for it, or the pool's time-out. Not a damaged file or a lack of memory.
     */
    static boolean lostConnection(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && (String.valueOf(sql.getSQLState()).startsWith("08")
                    || H2_LOST.contains(sql.getErrorCode()))) {
                return true;
            }
        }
        return false;
    }

    /** A 500: logged with its cause, and answered as a page a browser can leave by a link, or a short text. */
    private static void serverError(Context ctx, Exception e) {
        org.slf4j.LoggerFactory.getLogger(WebServer.class).error("uncaught", e);
        ctx.status(500);
        String message = "Something went wrong on the server.";
        if (String.valueOf(ctx.header("Accept")).contains("text/html")) {
            errorPage(ctx, "Server error", message);
        } else {
            ctx.contentType("text/plain; charset=utf-8").result(message);
        }
    }

    private record Cached(String stamp, SiteFile file) {
    }

    /** The latest stamp of the data, asked for again when older than {@link #STAMP_AGE} or after a write. */
    private static final class Stamp {
        private final long age;
        private String value;
        private long askedAt;

        Stamp(java.time.Duration age) {
            this.age = age.toNanos();
        }

        synchronized String current(java.util.function.Supplier<SiteBuilder> site) {
            long now = System.nanoTime();
            if (value == null || now - askedAt > age) {
                value = site.get().stamp();
                askedAt = now;
            }
            return value;
        }

        synchronized void invalidate() {
            value = null;
        }
    }

    /** Serves a file of the public site, the same bytes as {@code publish} writes. */
    private static void page(Application application, Map<String, Cached> cache, Stamp stamps, String path,
            Context ctx) throws AppException {
        // A builder is made only when the stamp is asked for or a file is rendered, not for a file served from the cache.
        String stamp = stamps.current(application::site);
        Cached cached = cache.get(path);
        SiteFile file;
        if (cached != null && cached.stamp().equals(stamp)) {
            file = cached.file();
        } else {
            file = application.site().render(path).orElseThrow(NotFoundResponse::new);
            if (cache.size() < 10_000) {
                cache.put(path, new Cached(stamp, file));
            }
        }
        ctx.contentType(file.contentType());
        if (!file.contentType().startsWith("text/html") && !file.contentType().startsWith("application/atom")) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            ctx.header("Content-Disposition", "inline; filename=\"" + name + "\"");
        }
        ctx.result(file.bytes());
    }

    /** What a page says of a body over its cap. */
    private static String tooLarge(boolean upload) {
        return upload ? "The file and form sent are larger than the import page takes (" + (UPLOAD_BYTES >> 20)
                + " MB); nothing was imported. Choose a smaller file."
                : "The form sent is larger than any form of councilbrief takes (" + (FORM_BYTES >> 20) + " MB); nothing"
                + " was saved. Go back, shorten what was typed and send it again.";
    }

    /** An error page with links back, relative to where it is shown so that it works under any prefix. */
    private static void errorPage(Context ctx, String title, String message) {
        String path = ctx.path();
        String home = "../".repeat((int) Math.max(0, path.chars().filter(c -> c == '/').count() - 1));
        gg.jte.output.StringOutput out = new gg.jte.output.StringOutput();
        TEMPLATES.render("app/error.jte", Map.of("title", title, "message", message, "home", home, "header",
                org.councilbrief.PageHeader.site(home, true, "")), out);
        ctx.html(out.toString());
    }

    int port() {
        return javalin.port();
    }

    void stop() {
        javalin.stop();
    }
}
