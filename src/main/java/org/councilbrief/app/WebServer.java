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
import org.councilbrief.brief.Brief;
import org.councilbrief.brief.BriefComposer;
import org.councilbrief.brief.BriefPage;
import org.councilbrief.brief.BriefRenderer;
import org.councilbrief.brief.BriefRenderers;
import org.councilbrief.brief.BriefView;
import org.councilbrief.brief.HtmlRenderer;
import org.councilbrief.situation.Situation;

/** The public site: the list of situations, each brief as a page and as downloads. */
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
        app.get("/", ctx -> home(application, ctx));
        app.get("/briefs/{file}", ctx -> brief(application, ctx));
        return app;
    }

    int port() {
        return javalin.port();
    }

    void stop() {
        javalin.stop();
    }

    private static void home(Application application, Context ctx) {
        List<SituationLink> links = new ArrayList<>();
        for (Map.Entry<Situation, LocalDate> e
                : application.briefs().situationsWithBriefs()) {
            links.add(new SituationLink(e.getKey().name(), "/briefs/" + e.getKey().id(),
                    BriefComposer.DATE.format(e.getValue())));
        }
        StringOutput out = new StringOutput();
        TEMPLATES.render("site/index.jte", links, out);
        ctx.html(out.toString());
    }

    private static void brief(Application application, Context ctx) throws IOException {
        String file = ctx.pathParam("file");
        int dot = file.lastIndexOf('.');
        String situation = dot < 0 ? file : file.substring(0, dot);
        String extension = dot < 0 ? null : file.substring(dot + 1);
        Brief brief = application.briefs().find(situation).orElseThrow(NotFoundResponse::new);
        BriefView view = application.composer().compose(brief);
        if (extension == null) {
            List<BriefPage.Download> downloads = new ArrayList<>();
            for (BriefRenderer r : BriefRenderers.all()) {
                if (!r.format().equals("html")) {
                    downloads.add(new BriefPage.Download(label(r.format()), "/briefs/" + situation + "." + r.extension()));
                }
            }
            ctx.html(HtmlRenderer.html(new BriefPage(view, "/", downloads)));
            return;
        }
        BriefRenderer renderer = BriefRenderers.all().stream().filter(r -> r.extension().equals(extension)).findFirst()
                .orElseThrow(NotFoundResponse::new);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        renderer.render(view, bytes);
        ctx.contentType(renderer.contentType());
        if (!renderer.format().equals("html")) {
            ctx.header("Content-Disposition", "inline; filename=\"" + situation + "." + renderer.extension() + "\"");
        }
        ctx.result(bytes.toByteArray());
    }

    private static String label(String format) {
        return switch (format) {
            case "pdf" -> "PDF";
            case "docx" -> "Word";
            case "md" -> "Markdown";
            case "json" -> "JSON";
            case "text" -> "Text";
            default -> format;
        };
    }
}
