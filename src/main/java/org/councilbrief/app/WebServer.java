package org.councilbrief.app;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.councilbrief.AppException;
import org.councilbrief.site.SiteBuilder;
import org.councilbrief.site.SiteFile;
import org.councilbrief.brief.Brief;
import org.councilbrief.brief.BriefComposer;
import org.councilbrief.brief.BriefPage;
import org.councilbrief.brief.BriefRenderer;
import org.councilbrief.brief.BriefRenderers;
import org.councilbrief.brief.BriefView;
import org.councilbrief.brief.HtmlRenderer;
import org.councilbrief.situation.Situation;

/** The public site over HTTP: every page and download of {@link SiteBuilder}, at its path. */
final class WebServer {
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

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
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.defaultContentType = "text/html; charset=utf-8";
        });
        app.exception(AppException.class, (e, ctx) -> ctx.status(400).contentType("text/plain; charset=utf-8")
                .result(e.getMessage()));
        app.get("/", ctx -> page(application, "index.html", ctx));
        app.get("/briefs/{file}", ctx -> {
            String file = ctx.pathParam("file");
            page(application, "briefs/" + (file.contains(".") ? file : file + ".html"), ctx);
        });
        app.get("/<path>", ctx -> page(application, ctx.pathParam("path"), ctx));
        return app;
    }

    /** Serves a file of the public site, the same bytes as {@code publish} writes. */
    private static void page(Application application, String path, Context ctx) throws AppException {
        SiteFile file = application.site().render(path).orElseThrow(NotFoundResponse::new);
        ctx.contentType(file.contentType());
        if (!file.contentType().startsWith("text/html") && !file.contentType().startsWith("application/atom")) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            ctx.header("Content-Disposition", "inline; filename=\"" + name + "\"");
        }
        ctx.result(file.bytes());
    }

    int port() {
        return javalin.port();
    }

    void stop() {
        javalin.stop();
    }
}
