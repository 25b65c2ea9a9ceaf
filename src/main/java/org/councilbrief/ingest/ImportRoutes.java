package org.councilbrief.ingest;

import static org.councilbrief.Forms.blank;
import static org.councilbrief.Forms.date;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.councilbrief.WebRoutes;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.councilbrief.AppException;
import org.councilbrief.Forms;
import org.councilbrief.Progress;
import org.councilbrief.account.AccountRoutes;
import org.councilbrief.account.Accounts;
import org.councilbrief.account.Session;
import org.councilbrief.document.InputException;
import org.councilbrief.ingest.KeptUploads.Kept;

/**
 * The import page: an editor uploads a file, sees what would be imported (counts, the first items, warnings) and
 * confirms. Every step is a form sent to the page's own address ({@code /workspace/import}, the button pressed says
 * which step), so each page shown is at that address and its links hold. A refused form comes back as it was typed,
 * with the reason beside the field it concerns; the uploaded file stays on the server ({@link KeptUploads}), so the
 * editor corrects a field without choosing the file again. Uploads are limited in size and to text, PDF and CSV files.
 * For a large file, the page's script ({@code import.js}) sends the form itself and shows the upload's progress, then
 * the server's (rows read, reviews written), which it asks of {@code /workspace/import/progress} (decision 0046).
 */
public final class ImportRoutes {
    public static final int MAX_BYTES = 20 * 1024 * 1024;
    /** The longest file name taken: what file systems allow. */
    static final int MAX_NAME = 255;
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);
    private static final List<String> EXTENSIONS = List.of(".txt", ".pdf", ".csv", ".md");
    private static final String PAGE = "/workspace/import";
    /** The fetch form's field, in a screen's errors. */
    static final String FETCH = "fetch-symbol";
    /** The most warnings a page lists. */
    static final int WARNINGS = 50;
    /** A progress id as the page's script makes it. */
    private static final java.util.regex.Pattern PROGRESS_ID = java.util.regex.Pattern.compile("[0-9a-f]{16,64}");
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private static final byte[] SCRIPT = script();

    /** A kind of file, as the page's list shows it. */
    public record Kind(String id, String label) {
    }

    /** What a file would import: the page shows it before the editor confirms. */
    public record Preview(String fileName, String kind, String target, List<String> details, List<String> counts,
            List<String> items, List<String> warnings) {
    }

    /**
     * The form that fetches a document by its symbol, as typed (decision 0043).
     *
     * @param symbol the symbol typed, or ""
     * @param language en or fr
     */
    public record FetchForm(String symbol, String language) {
        public FetchForm {
            symbol = symbol == null ? "" : symbol.length() > ImportForm.KEPT ? symbol.substring(0, ImportForm.KEPT)
                    : symbol;
            language = "fr".equals(language) ? "fr" : "en";
        }

        static FetchForm empty() {
            return new FetchForm("", "en");
        }
    }

    /** An import done: what the page says of it, and a link onwards ({@code positions?meeting=…}) or "". */
    public record Done(String message, List<String> warnings, String next, String nextLabel) {
    }

    /**
     * What the page shows.
     *
     * @param root from the page's address to the workspace's folder ("" at /workspace/import)
     * @param errors the reasons of a refusal by field ({@code file}, {@code kind}, {@code situation}, {@code symbol},
     *     {@code date}, or {@code form} for the whole form)
     * @param upload the token of the file kept on the server, or ""
     * @param preview what would be imported, or null while the form is shown
     * @param done the import just done, or null
     * @param fetch the form that fetches a document by its symbol (its error under {@code fetch-symbol})
     */
    public record ImportScreen(String root, String csrf, List<Kind> kinds, int maxMegabytes, ImportForm form,
            Map<String, String> errors, String upload, String uploadName, String uploadSize, Preview preview,
            Done done, String notice, FetchForm fetch) {
        public String error(String field) {
            return errors.getOrDefault(field, "");
        }

        public boolean invalid(String field) {
            return errors.containsKey(field);
        }

        /** "true" on a field the refusal concerns, else null (no attribute). */
        public String ariaInvalid(String field) {
            return invalid(field) ? "true" : null;
        }

        /** The ids of what describes a field: its hint, the kept file, its error. */
        public String describedBy(String field) {
            List<String> ids = new ArrayList<>();
            if (!field.equals("kind")) {
                ids.add(field + "-hint");
            }
            if (field.equals("file") && !upload.isEmpty()) {
                ids.add("file-kept");
            }
            if (invalid(field)) {
                ids.add(field + "-error");
            }
            return ids.isEmpty() ? null : String.join(" ", ids);
        }

        public String fieldClass(String field) {
            return invalid(field) ? "field invalid" : "field";
        }
    }

    private record Finished(String session, Done done, Instant until) {
    }

    private ImportRoutes() {
    }

    /**
     * The page's routes; {@code fetcher} gets the documents the page fetches by symbol, one request at a time however
     * many editors ask at once.
     */
    public static void register(WebRoutes app, Accounts accounts, Imports imports, DocumentFetcher fetcher) {
        KeptUploads kept = KeptUploads.inTemporaryFolder(MAX_BYTES);
        app.events(events -> events.serverStopped(kept::close));
        Map<String, Finished> finished = new ConcurrentHashMap<>();
        Map<String, Progress> working = new ConcurrentHashMap<>();
        app.get("/workspace/import.js", ctx -> {
            if (AccountRoutes.session(ctx, accounts).isEmpty()) {
                ctx.redirect("../login");
                return;
            }
            ctx.contentType("text/javascript; charset=utf-8").header("Cache-Control", "no-cache").result(SCRIPT);
        });
        // What the server has done of a preview or an import the page's script sent with this id: {label, done,
        // total} (total below zero: unknown), or 404 before the upload has arrived and after the work.
        // The work is found by the session's cookie without asking the database, which a large import on the embedded
        // database holds for itself while it writes (decision 0051): the bar goes on moving meanwhile.
        app.get(PAGE + "/progress", ctx -> {
            Progress progress = working.get(progressKey(ctx, ctx.queryParam("id")));
            if (progress == null && AccountRoutes.session(ctx, accounts).isEmpty()) {
                ctx.redirect("../../login"); // as every workspace address answers a reader
                return;
            }
            ctx.header("Cache-Control", "no-store");
            if (progress == null) {
                ctx.status(404).contentType("application/json").result("{}");
                return;
            }
            ctx.contentType("application/json").result(JSON.writeValueAsString(Map.of("label", progress.label(),
                    "done", progress.done(), "total", progress.total())));
        });
        app.get(PAGE, ctx -> {
            var session = AccountRoutes.session(ctx, accounts);
            if (session.isEmpty()) {
                ctx.redirect("../login");
                return;
            }
            Finished f = finished.get(String.valueOf(ctx.queryParam("imported")));
            Done done = f != null && f.session().equals(session.get().id()) ? f.done() : null;
            render(ctx, session.get(), screen(ctx, session.get(), ImportForm.empty(), Map.of(), null, null, done,
                    ""));
        });
        app.post(PAGE, ctx -> {
            Session session = AccountRoutes.requireSession(ctx, accounts);
            AccountRoutes.requireCsrf(ctx, session);
            String step = String.valueOf(ctx.formParam("step"));
            String id = ctx.formParam("progress");
            String key = id != null && PROGRESS_ID.matcher(id).matches() && working.size() < 1000
                    ? progressKey(ctx, id) : null;
            Progress progress = Progress.quiet("Reading", -1);
            if (key != null) {
                working.put(key, progress);
            }
            try {
                post(ctx, session, step, kept, imports, fetcher, finished, progress);
            } finally {
                if (key != null) {
                    working.remove(key);
                }
            }
        });
        // The addresses the forms were sent to before every step went to the page's own: a client that still sends
        // there is sent on, with what it sent, to the page.
        for (String old : List.of(PAGE + "/preview", PAGE + "/confirm")) {
            app.post(old, ctx -> {
                Session session = AccountRoutes.requireSession(ctx, accounts);
                AccountRoutes.requireCsrf(ctx, session);
                ctx.redirect(root(ctx) + "import", HttpStatus.TEMPORARY_REDIRECT);
            });
        }
    }

    /** Where the work a request sent with progress id {@code id} is counted: by its session cookie's hash and the id. */
    private static String progressKey(Context ctx, String id) {
        String cookie = ctx.cookie(AccountRoutes.SESSION_COOKIE);
        return cookie == null || id == null ? "" : Imports.sha256(cookie.getBytes(StandardCharsets.UTF_8)) + "/" + id;
    }

    private static void post(Context ctx, Session session, String step, KeptUploads kept, Imports imports,
            DocumentFetcher fetcher, Map<String, Finished> finished, Progress progress) {
        switch (step) {
            case "confirm" -> confirm(ctx, session, kept, imports, finished, progress);
            case "fetch" -> fetch(ctx, session, kept, imports, fetcher, progress);
            case "edit", "cancel" -> {
                Kept k = kept.find(session.id(), ctx.formParam("upload")).orElse(null);
                if (k == null) {
                    refuse(ctx, session, screen(ctx, session, ImportForm.empty(), Map.of(ImportMessages.FORM,
                            expired()), null, null, null, ""));
                } else if (step.equals("edit")) {
                    render(ctx, session, screen(ctx, session, k.form(), Map.of(), k, null, null, ""));
                } else {
                    kept.remove(k.token());
                    // From the form, what was typed stays; from a preview, what was previewed.
                    ImportForm typed = ctx.formParam("kind") != null ? form(ctx) : k.form();
                    render(ctx, session, screen(ctx, session, typed, Map.of(), null, null, null, "Cancelled: "
                            + k.name() + " was not imported, and it is no longer kept on the server."));
                }
            }
            default -> preview(ctx, session, kept, imports, progress);
        }
    }

    private static void preview(Context ctx, Session session, KeptUploads kept, Imports imports, Progress progress) {
        ImportForm form = form(ctx);
        Map<String, String> errors = new LinkedHashMap<>();
        String token = blank(ctx.formParam("upload"));
        Kept k = kept.find(session.id(), token).orElse(null);
        UploadedFile file = ctx.uploadedFile("file");
        byte[] bytes = null;
        if (file != null && (file.size() > 0 || blank(file.filename()) != null)) {
            String name = baseName(file.filename());
            if (name.length() > MAX_NAME) {
                errors.put(ImportMessages.FILE, "The file's name (" + InputException.excerpt(name) + ") is longer"
                        + " than " + MAX_NAME + " characters; rename the file.");
            } else if (file.size() == 0) {
                errors.put(ImportMessages.FILE, name + " is empty.");
            } else if (file.size() > MAX_BYTES) {
                errors.put(ImportMessages.FILE, name + " is larger than " + (MAX_BYTES >> 20) + " MB.");
            } else if (EXTENSIONS.stream().noneMatch(name.toLowerCase(Locale.ROOT)::endsWith)) {
                errors.put(ImportMessages.FILE, name + ": only text (.txt, .md), PDF and CSV files can be imported.");
            } else {
                try (InputStream in = file.content()) {
                    bytes = in.readNBytes(MAX_BYTES + 1);
                } catch (IOException e) {
                    errors.put(ImportMessages.FILE, name + " could not be read: " + e.getMessage());
                }
            }
            if (bytes != null) {
                try {
                    k = kept.keep(session.id(), name, bytes, form, k == null ? null : k.token());
                } catch (AppException e) {
                    errors.put(ImportMessages.FILE, ImportMessages.of(e).message());
                }
            }
        } else if (k == null) {
            errors.put(ImportMessages.FILE, token == null ? "Choose a file to import." : expired());
        }
        if (form.kind().isEmpty()) {
            errors.put(ImportMessages.KIND, "Choose the kind of document the file is.");
        } else {
            try {
                Importers.byId(form.kind());
            } catch (AppException e) {
                errors.put(ImportMessages.KIND, ImportMessages.of(e).message());
            }
        }
        try {
            date(form.date());
        } catch (AppException e) {
            errors.put(ImportMessages.DATE, ImportMessages.of(e).message());
        }
        String situationTooLong = Forms.tooLong(blank(ctx.formParam("situation")), ImportForm.SITUATION,
                "A situation's id");
        if (situationTooLong != null) {
            errors.put(ImportMessages.SITUATION, situationTooLong + ".");
        }
        String symbolTooLong = Forms.tooLong(blank(ctx.formParam("symbol")), ImportForm.SYMBOL, "A symbol");
        if (symbolTooLong != null) {
            errors.put(ImportMessages.SYMBOL, symbolTooLong + ".");
        }
        if (errors.isEmpty()) {
            try {
                k = kept.renew(k, form);
                bytes = bytes != null ? bytes : kept.read(k);
                ParsedImport parsed = imports.preview(k.name(), bytes, form.kind(), options(form), progress);
                render(ctx, session, screen(ctx, session, form, Map.of(), k, preview(k, form, parsed, details(form)),
                        null, ""));
                return;
            } catch (AppException e) {
                ImportMessages.Refusal refusal = ImportMessages.of(e);
                errors.put(refusal.field(), refusal.message());
            }
        }
        if (k != null) {
            k = kept.renew(k, form);
        }
        refuse(ctx, session, screen(ctx, session, form, errors, k, null, null, ""));
    }

    private static Preview preview(Kept k, ImportForm form, ParsedImport parsed, List<String> details)
            throws AppException {
        List<String> counts = new ArrayList<>();
        parsed.counts().forEach((key, v) -> counts.add(key + ": " + v));
        return new Preview(k.name(), label(Importers.byId(form.kind())), parsed.target(), details, counts,
                parsed.firstItems(10), few(parsed.warnings().stream().map(ImportMessages::reword).toList()));
    }

    /**
     * Fetches the document whose symbol was typed (or takes the copy kept from an earlier fetch) and shows its preview,
     * as for a file chosen: the fetched file is kept as an upload, of the kind its symbol says, with the symbol as the
     * document's own, so that confirming, changing the details and cancelling are the upload's own steps.
     */
    private static void fetch(Context ctx, Session session, KeptUploads kept, Imports imports,
            DocumentFetcher fetcher, Progress progress) {
        FetchForm typed = new FetchForm(blank(ctx.formParam("fetchSymbol")), ctx.formParam("fetchLanguage"));
        String refusal = null;
        String tooLong = Forms.tooLong(blank(ctx.formParam("fetchSymbol")), ImportForm.SYMBOL, "A symbol");
        if (typed.symbol().isEmpty()) {
            refusal = "Enter the symbol of the document to fetch, e.g. S/PV.9365.";
        } else if (tooLong != null) {
            refusal = tooLong + ".";
        }
        Kept k = null;
        ImportForm form = null;
        DocumentFetcher.Fetched fetched = null;
        if (refusal == null) {
            try {
                String language = FetchSettings.language(ctx.formParam("fetchLanguage"));
                Fetches.Wanted wanted = Fetches.wanted(typed.symbol());
                fetched = fetcher.fetch(wanted.symbol(), language, false);
                form = new ImportForm(wanted.kind(), "", wanted.symbol().canonical(), "");
                // in place of the file the page kept, if it kept one: the editor fetches instead
                k = kept.keep(session.id(), Fetches.fileName(fetched), fetched.bytes(), form,
                        blank(ctx.formParam("upload")));
            } catch (AppException e) {
                refusal = ImportMessages.of(e).message();
            }
        }
        if (refusal != null) {
            refuse(ctx, session, screen(ctx, session, ImportForm.empty(), Map.of(FETCH, refusal), null, null, null,
                    "", typed));
            return;
        }
        try {
            ParsedImport parsed = imports.preview(k.name(), fetched.bytes(), form.kind(), options(form),
                    progress);
            List<String> details = new ArrayList<>(details(form));
            details.add((fetched.cached() ? "Kept from an earlier fetch of " : "Fetched from ") + fetched.url()
                    + " (" + DocumentFetcher.languageName(fetched.language()) + ")");
            render(ctx, session, screen(ctx, session, form, Map.of(), k, preview(k, form, parsed, details), null, ""));
        } catch (AppException e) {
            // Read as a chosen file is: the refusal beside the field it concerns, the fetched file kept.
            ImportMessages.Refusal r = ImportMessages.of(e);
            refuse(ctx, session, screen(ctx, session, form, Map.of(r.field(), r.message()), k, null, null, ""));
        }
    }

    private static void confirm(Context ctx, Session session, KeptUploads kept, Imports imports,
            Map<String, Finished> finished, Progress progress) {
        Kept k = kept.find(session.id(), ctx.formParam("upload")).orElse(null);
        if (k == null) {
            refuse(ctx, session, screen(ctx, session, ImportForm.empty(), Map.of(ImportMessages.FORM, expired()), null,
                    null, null, ""));
            return;
        }
        try {
            ImportResult result = imports.importBytes(k.name(), kept.read(k), k.form().kind(), options(k.form()),
                    session.user().username(), progress);
            kept.remove(k.token());
            String message = result.unchanged() ? k.name() + " was imported before; nothing changed."
                    : "Imported " + k.name() + " as " + result.target() + ".";
            boolean meeting = k.form().kind().equals("meeting-record");
            Done done = new Done(message, few(result.warnings().stream().map(ImportMessages::reword).toList()),
                    meeting ? "positions?meeting=" + URLEncoder.encode(result.target(), StandardCharsets.UTF_8) : "",
                    meeting ? "Review the meeting's positions" : "");
            finished.values().removeIf(f -> f.until().isBefore(Instant.now()));
            if (finished.size() < 1000) {
                finished.put(k.token(), new Finished(session.id(), done, Instant.now().plus(KeptUploads.LIFE)));
            }
            // Sent on to the page, so that reloading it shows the import done and does not send the form again.
            ctx.redirect(root(ctx) + "import?imported=" + k.token(), HttpStatus.SEE_OTHER);
        } catch (AppException e) {
            ImportMessages.Refusal refusal = ImportMessages.of(e);
            refuse(ctx, session, screen(ctx, session, k.form(), Map.of(refusal.field(), refusal.message()), k, null,
                    null, ""));
        }
    }

    /**
     * The warnings a page lists, at most {@link #WARNINGS} and a line saying how many more: what an import answers is
     * kept for a while (to show it again on reload), and a file can give thousands.
     */
    static List<String> few(List<String> warnings) {
        if (warnings.size() <= WARNINGS) {
            return warnings;
        }
        List<String> few = new ArrayList<>(warnings.subList(0, WARNINGS));
        few.add("… and " + (warnings.size() - WARNINGS) + " more warnings.");
        return few;
    }

    private static String expired() {
        return "The file chosen before is no longer kept on the server (an upload waits "
                + KeptUploads.LIFE.toMinutes() + " minutes); choose it again.";
    }

    private static ImportForm form(Context ctx) {
        return new ImportForm(ctx.formParam("kind"), ctx.formParam("situation"), ctx.formParam("symbol"),
                ctx.formParam("date"));
    }

    private static ImportOptions options(ImportForm form) throws AppException {
        return new ImportOptions(blank(form.situation()), blank(form.symbol()), date(form.date()));
    }

    private static List<String> details(ImportForm form) {
        List<String> details = new ArrayList<>();
        if (!form.situation().isEmpty()) {
            details.add("Situation: " + form.situation());
        }
        if (!form.symbol().isEmpty()) {
            details.add("Symbol: " + form.symbol());
        }
        if (!form.date().isEmpty()) {
            details.add("Meeting date: " + form.date());
        }
        return details;
    }

    /** The file's name without the folders some browsers send with it. */
    private static String baseName(String name) {
        String n = blank(name) == null ? "upload" : name.strip();
        return n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
    }

    /** A kind's name on the page: its description up to the colon. */
    static String label(Importer importer) {
        String d = importer.description();
        int colon = d.indexOf(':');
        String name = colon < 0 ? d : d.substring(0, colon);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** From the request's address to the workspace's folder: "" at /workspace/import, "../" below it. */
    static String root(Context ctx) {
        String path = ctx.path();
        int at = path.indexOf(PAGE);
        String rest = at < 0 ? "" : path.substring(at + PAGE.length());
        return "../".repeat((int) rest.chars().filter(c -> c == '/').count());
    }

    private static ImportScreen screen(Context ctx, Session session, ImportForm form, Map<String, String> errors,
            Kept upload, Preview preview, Done done, String notice) {
        return screen(ctx, session, form, errors, upload, preview, done, notice, FetchForm.empty());
    }

    private static ImportScreen screen(Context ctx, Session session, ImportForm form, Map<String, String> errors,
            Kept upload, Preview preview, Done done, String notice, FetchForm fetch) {
        List<Kind> kinds = Importers.all().stream().map(i -> new Kind(i.id(), label(i))).toList();
        return new ImportScreen(root(ctx), session.csrfToken(), kinds, MAX_BYTES >> 20, form, errors,
                upload == null ? "" : upload.token(), upload == null ? "" : upload.name(),
                upload == null ? "" : size(upload.size()), preview, done, notice, fetch);
    }

    private static String size(long bytes) {
        return bytes < 1024 * 1024 ? Math.max(1, (bytes + 512) / 1024) + " KB"
                : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    private static void refuse(Context ctx, Session session, ImportScreen screen) {
        ctx.status(400);
        render(ctx, session, screen);
    }

    private static byte[] script() {
        try (InputStream in = ImportRoutes.class.getResourceAsStream("import.js")) {
            if (in == null) {
                throw new IllegalStateException("the import page's script is missing from the application");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void render(Context ctx, Session session, ImportScreen screen) {
        org.councilbrief.PageHeader header = AccountRoutes.header(ctx, session, org.councilbrief.PageHeader.IMPORT);
        StringOutput out = new StringOutput();
        TEMPLATES.render("workspace/import.jte", Map.of("screen", screen, "header", header), out);
        ctx.html(out.toString());
    }
}
