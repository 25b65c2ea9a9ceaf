package org.councilbrief.ingest;

import static org.councilbrief.Forms.blank;
import static org.councilbrief.Forms.date;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.councilbrief.AppException;
import org.councilbrief.account.AccountRoutes;
import org.councilbrief.account.Accounts;
import org.councilbrief.account.Session;

/**
 * The import page: an editor uploads a file, sees what would be imported (counts, the first items, warnings) and
 * confirms; errors show file, line and reason. Uploads are limited in size and to text, PDF and CSV files. The
 * uploaded bytes wait, for a quarter of an hour at most, under a random token bound to the editor's session.
 */
public final class ImportRoutes {
    public static final int MAX_BYTES = 20 * 1024 * 1024;
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> EXTENSIONS = List.of(".txt", ".pdf", ".csv", ".md");

    /** What the page shows. */
    public record ImportScreen(String csrf, String error, String done, List<String> kinds, int maxMegabytes,
            String token, String fileName, String kind, String target, List<String> counts, List<String> items,
            List<String> warnings) {
    }

    private record Pending(String session, String name, byte[] bytes, String kind, ImportOptions options,
            Instant until) {
    }

    private ImportRoutes() {
    }

    public static void register(Javalin app, Accounts accounts, Imports imports) {
        Map<String, Pending> pending = new ConcurrentHashMap<>();
        app.get("/workspace/import", ctx -> {
            var session = AccountRoutes.session(ctx, accounts);
            if (session.isEmpty()) {
                ctx.redirect("../login");
                return;
            }
            render(ctx, session.get(), form(session.get(), "", ""));
        });
        app.post("/workspace/import/preview", ctx -> {
            Session session = AccountRoutes.requireSession(ctx, accounts);
            AccountRoutes.requireCsrf(ctx, session);
            UploadedFile file = ctx.uploadedFile("file");
            try {
                if (file == null || file.size() == 0) {
                    throw new AppException("choose a file to import");
                }
                String name = file.filename() == null ? "upload" : file.filename();
                if (file.size() > MAX_BYTES) {
                    throw new AppException(name + ": larger than " + (MAX_BYTES >> 20) + " MB");
                }
                if (EXTENSIONS.stream().noneMatch(name.toLowerCase(Locale.ROOT)::endsWith)) {
                    throw new AppException(name + ": only text (.txt, .md), PDF and CSV files can be imported");
                }
                byte[] bytes;
                try (InputStream in = file.content()) {
                    bytes = in.readNBytes(MAX_BYTES + 1);
                }
                String kind = String.valueOf(ctx.formParam("kind"));
                ImportOptions options = new ImportOptions(blank(ctx.formParam("situation")),
                        blank(ctx.formParam("symbol")), date(ctx.formParam("date")));
                ParsedImport parsed = imports.preview(name, bytes, kind, options);
                String token = HexFormat.of().formatHex(token());
                pending.values().removeIf(p -> p.until().isBefore(Instant.now()));
                pending.put(token, new Pending(session.id(), name, bytes, kind, options,
                        Instant.now().plusSeconds(900)));
                List<String> counts = new ArrayList<>();
                parsed.counts().forEach((k, v) -> counts.add(k + ": " + v));
                render(ctx, session, new ImportScreen(session.csrfToken(), "", "", kinds(), MAX_BYTES >> 20, token,
                        name, kind, parsed.target(), counts, parsed.firstItems(10), parsed.warnings()));
            } catch (AppException e) {
                ctx.status(400);
                render(ctx, session, form(session, e.getMessage(), ""));
            } catch (IOException e) {
                ctx.status(400);
                render(ctx, session, form(session, "the upload could not be read: " + e.getMessage(), ""));
            }
        });
        app.post("/workspace/import/confirm", ctx -> {
            Session session = AccountRoutes.requireSession(ctx, accounts);
            AccountRoutes.requireCsrf(ctx, session);
            Pending p = pending.remove(String.valueOf(ctx.formParam("token")));
            if (p == null || !p.session().equals(session.id()) || p.until().isBefore(Instant.now())) {
                ctx.status(400);
                render(ctx, session, form(session, "that preview has expired; upload the file again", ""));
                return;
            }
            try {
                ImportResult result = imports.importBytes(p.name(), p.bytes(), p.kind(), p.options(),
                        session.user().username());
                render(ctx, session, form(session, "", result.unchanged()
                        ? p.name() + " was imported before; nothing changed."
                        : "Imported " + p.name() + " as " + result.target() + "."));
            } catch (AppException e) {
                ctx.status(400);
                render(ctx, session, form(session, e.getMessage(), ""));
            }
        });
    }

    private static ImportScreen form(Session session, String error, String done) {
        return new ImportScreen(session.csrfToken(), error, done, kinds(), MAX_BYTES >> 20, "", "", "", "",
                List.of(), List.of(), List.of());
    }

    private static List<String> kinds() {
        return Importers.all().stream().map(Importer::id).toList();
    }

    private static void render(Context ctx, Session session, ImportScreen screen) {
        org.councilbrief.PageHeader header = AccountRoutes.header(ctx, session, org.councilbrief.PageHeader.IMPORT);
        StringOutput out = new StringOutput();
        TEMPLATES.render("workspace/import.jte", Map.of("screen", screen, "header", header), out);
        ctx.html(out.toString());
    }

    private static byte[] token() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return b;
    }
}
