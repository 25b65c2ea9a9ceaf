package org.councilbrief.brief;

import static org.councilbrief.Forms.blank;
import static org.councilbrief.Forms.date;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.councilbrief.WebRoutes;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.councilbrief.AppException;
import org.councilbrief.Forms;
import org.councilbrief.account.AccountRoutes;
import org.councilbrief.account.Accounts;
import org.councilbrief.account.Session;
import org.councilbrief.audit.ChangeLogRepository;
import org.councilbrief.situation.PlannedMeeting;
import org.councilbrief.situation.SituationRepository;

/**
 * The editors' pages of a brief, from writing to publishing: its items to add and edit (the section's word count
 * updated as they type, a draft of what is typed kept in the browser), its date, the word limit of each section, the
 * UPR review it draws on, sending it for review; for reviewers and admins a preview in every format, sending it back
 * with a comment, publishing; its history with the changes between versions, and restoring a version.
 *
 * <p>A refused form comes back with everything typed and each error beside its field. A save made from a version
 * someone else has saved over is refused with 409 and the editor's text is shown again, so nothing is lost. An item
 * already in the brief is not added again: the answer points at it.
 */
public final class BriefRoutes {
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);
    private static final String BRIEFS = "/workspace/briefs/";
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String SCRIPT = script();

    /**
     * What the brief's workspace page shows.
     *
     * @param statusLabel the status in the page's words: draft, in review, sent back, published
     * @param messageLink where the message points (the item a refused add repeats), relative, or empty
     * @param sentBack the reviewer's comment still open, or null
     * @param liveHref the public page of the brief when a version of it is published, relative, or empty
     * @param asOf the brief's date, as the date field wants it (YYYY-MM-DD)
     * @param edit the item being edited, or null
     * @param ownLastChange why this user may not publish the version in review (they made its last change), or
     *     empty
     * @param hasState whether the situation concerns a state (so that its UPR reviews can be listed)
     */
    public record BriefScreen(String root, String id, String name, String stateCode, int version, String status,
            String statusLabel, String user, boolean mayPublish, String ownLastChange, String csrf, String message, String messageLink,
            String messageLinkText, String problemsHeading, List<Problem> problems, String notice, SentBack sentBack,
            String lastChange, String published, String liveHref, String asOf, String updatedLine,
            List<SectionLine> sections, FormState add, ItemEdit edit, FormState dates, FormState limits,
            FormState review, FormState situation, FormState meeting, FormState upr, List<BriefWorkflow.UprChoice> reviews, boolean hasState,
            List<Version> history, List<String> diff, List<PlannedMeeting> planned) {

        /** The sections with their counts, limits and items, in order. */
        public record SectionLine(String id, String title, int words, int limit, boolean over, boolean withUpr,
                List<ItemLink> items) {
            /** What the section's count says: "513 words", "513 of 500 words: 13 over the limit". */
            public String count() {
                String count = words + (limit > 0 ? " of " + limit : "") + " words" + (withUpr
                        ? " + UPR recommendations" : "");
                return over ? count + ": " + (words - limit) + " over the limit" : count;
            }
        }

        /** An item to edit. */
        public record ItemLink(String id, String title, String date) {
        }

        /** A line of the history. */
        public record Version(int version, String status, String author, String at, String note, String comment) {
        }

        /** A reviewer's comment that sent the brief back. */
        public record SentBack(String by, String at, String comment) {
        }

        /** A refused field, for the summary at the top of the page that links to it. */
        public record Problem(String field, String message) {
        }

        /**
         * The item being edited.
         *
         * @param sectionBase the words of its section without this item, for the counter that runs as the editor types
         */
        public record ItemEdit(String id, String title, FormState form, int sectionBase, int sectionCount,
                int limit) {
        }
    }

    /**
     * One form's fields as the page shows them: what was typed when the form was refused, else the values saved, and
     * each field's error.
     *
     * @param prefix the prefix of the form's field ids ("new-" for the add form), for the ids of the errors
     */
    public record FormState(String prefix, Map<String, String> values, Map<String, String> errors) {
        public String value(String field) {
            return values.getOrDefault(field, "");
        }

        public boolean invalid(String field) {
            return errors.containsKey(field);
        }

        public String error(String field) {
            return errors.getOrDefault(field, "");
        }

        public String errorId(String field) {
            return prefix + field + "-error";
        }

        /** The aria-invalid attribute: "true" for a refused field, null (no attribute) for the others. */
        public String ariaInvalid(String field) {
            return invalid(field) ? "true" : null;
        }

        /** The aria-describedby attribute: the id of the field's error, or null (no attribute). */
        public String describedBy(String field) {
            return invalid(field) ? errorId(field) : null;
        }

        public boolean refused() {
            return !errors.isEmpty();
        }
    }

    /** A line of the workspace's activity page. */
    public record Activity(String at, String user, String what, String detail) {
    }

    /**
     * What a refused or answered request shows besides the brief: which form it was, what was typed in it, each
     * field's error, a message for the page and where it points, a notice.
     */
    private record Feedback(String form, Map<String, String> typed, Map<String, String> errors, String message,
            String link, String notice) {
        static final Feedback NONE = new Feedback("", Map.of(), Map.of(), null, null, null);

        static Feedback notice(String notice) {
            return new Feedback("", Map.of(), Map.of(), null, null, notice);
        }

        static Feedback message(String message) {
            return new Feedback("", Map.of(), Map.of(), message, null, null);
        }
    }

    private BriefRoutes() {
    }

    public static void register(WebRoutes app, Accounts accounts, BriefWorkflow workflow, BriefComposer composer,
            SituationRepository situations, ChangeLogRepository changes) {
        register(app, accounts, workflow, composer, situations, changes, BriefPictures.Maker.NONE);
    }

    /** The workspace's brief pages; {@code pictures} draws the pictures of the preview and its PDF (decision 0044). */
    public static void register(WebRoutes app, Accounts accounts, BriefWorkflow workflow, BriefComposer composer,
            SituationRepository situations, ChangeLogRepository changes, BriefPictures.Maker pictures) {
        Pages pages = new Pages(workflow, composer, situations, accounts.settings().publishOwnChanges());
        app.get("/workspace/brief.js", ctx -> {
            if (AccountRoutes.session(ctx, accounts).isEmpty()) {
                ctx.redirect("../login");
                return;
            }
            ctx.contentType("text/javascript; charset=utf-8").header("Cache-Control", "no-cache").result(SCRIPT);
        });
        app.get("/workspace/briefs/{id}", ctx -> {
            var session = AccountRoutes.session(ctx, accounts);
            if (session.isEmpty()) {
                ctx.redirect("../../login");
                return;
            }
            String already = ctx.queryParam("already");
            String added = ctx.queryParam("added");
            Feedback feedback = already != null ? new Feedback("", Map.of(), Map.of(), null, already,
                    "This form was sent twice; its item was added once.")
                    : added != null ? new Feedback("", Map.of(), Map.of(), null, null, "Added the item.")
                    : Feedback.NONE;
            show(pages, ctx, session.get(), ctx.pathParam("id"), ctx.queryParam("item"), feedback);
        });
        app.get("/workspace/briefs/{id}/preview", ctx -> preview(ctx, accounts, workflow, composer, pictures, "html"));
        app.get("/workspace/briefs/{id}/preview/{format}", ctx -> preview(ctx, accounts, workflow, composer,
                pictures, ctx.pathParam("format")));
        app.post("/workspace/briefs/{id}/items/{item}", ctx -> {
            Session session = write(ctx, accounts);
            String id = ctx.pathParam("id");
            String item = ctx.pathParam("item");
            try {
                BriefWorkflow.ItemForm form = itemForm(ctx, workflow, id, item);
                SectionKind in = form.section() != null ? form.section() : sectionOf(workflow, id, item);
                List<String> notes = workflow.notes(new BriefWorkflow.ItemForm(in, form.title(), form.date(),
                        form.subHeading(), form.text(), form.sources()));
                workflow.editItem(id, base(ctx), item, form, session.user().username());
                // An item moved to another section has a new id there: back to the brief rather than to the item.
                String stays = form.section() == null || form.section() == in ? item : null;
                if (notes.isEmpty()) {
                    ctx.redirect(root(ctx) + id + (stays == null ? "" : "?item=" + stays));
                } else {
                    show(pages, ctx, session, id, stays, Feedback.notice("Saved. " + String.join(" ", notes)));
                }
            } catch (AppException e) {
                refuse(ctx, pages, session, id, item, "edit", e);
            }
        });
        app.post("/workspace/briefs/{id}/items", ctx -> {
            Session session = write(ctx, accounts);
            String id = ctx.pathParam("id");
            String token = ctx.formParam("token");
            BriefWorkflow.ItemForm form = null;
            try {
                form = itemForm(ctx, workflow, id, null);
                List<String> notes = new ArrayList<>(workflow.notes(form));
                BriefWorkflow.Added added = workflow.addItem(id, base(ctx), form, token, session.user().username());
                if (added.asOf() != null) {
                    notes.add("The brief's date moved to " + BriefComposer.DATE.format(added.asOf())
                            + ", the date of this item.");
                }
                if (notes.isEmpty()) {
                    ctx.redirect(root(ctx) + id + "?added=" + added.item());
                } else {
                    show(pages, ctx, session, id, null, new Feedback("", Map.of(), Map.of(), null, "?item="
                            + added.item(), "Saved. " + String.join(" ", notes)));
                }
            } catch (BriefConflictException e) {
                // Two sends of one form, or of the same item, at once: the one that lost is answered as a repeat.
                AppException answer = e;
                if (form != null) {
                    answer = workflow.repeated(id, form, token).map(AppException.class::cast).orElse(e);
                }
                refuse(ctx, pages, session, id, null, "add", answer);
            } catch (AppException e) {
                refuse(ctx, pages, session, id, null, "add", e);
            }
        });
        app.post("/workspace/briefs/{id}/items/{item}/remove", ctx -> step(ctx, accounts, pages, "",
                (id, session) -> workflow.removeItem(id, base(ctx), ctx.pathParam("item"),
                        session.user().username())));
        app.post("/workspace/briefs/{id}/items/{item}/move", ctx -> step(ctx, accounts, pages, "",
                (id, session) -> workflow.moveItem(id, base(ctx), ctx.pathParam("item"),
                        direction(ctx.formParam("direction")), session.user().username())));
        app.post("/workspace/briefs/{id}/situation", ctx -> step(ctx, accounts, pages, "situation",
                (id, session) -> {
                    String intro = ctx.formParam("intro");
                    workflow.editSituation(id, base(ctx), blank(ctx.formParam("name")),
                            stateCode(ctx.formParam("state")), intro == null ? null : Forms.clean(intro, true),
                            session.user().username());
                }));
        app.post("/workspace/briefs/{id}/meetings", ctx -> step(ctx, accounts, pages, "meeting",
                (id, session) -> {
                    Map<String, String> errors = new LinkedHashMap<>();
                    LocalDate date = null;
                    try {
                        date = date(ctx.formParam("date"));
                    } catch (AppException e) {
                        errors.put("date", e.getMessage());
                    }
                    if (date == null) {
                        errors.putIfAbsent("date", "a planned meeting needs a date");
                    }
                    String title = blank(ctx.formParam("title"));
                    if (title == null) {
                        errors.put("title", "a planned meeting needs a title");
                    } else if (Forms.tooLong(title, FieldLimits.MEETING_TITLE, "a planned meeting's title") != null) {
                        errors.put("title", Forms.tooLong(title, FieldLimits.MEETING_TITLE,
                                "a planned meeting's title"));
                    }
                    String source = blank(ctx.formParam("source"));
                    if (source != null && Forms.tooLong(source, FieldLimits.MEETING_SOURCE, "a meeting's source")
                            != null) {
                        errors.put("source", Forms.tooLong(source, FieldLimits.MEETING_SOURCE, "a meeting's source"));
                    } else if (source != null && !source.startsWith("https://") && !source.startsWith("http://")) {
                        var symbol = org.councilbrief.document.Symbols.tryParse(source);
                        if (symbol.isEmpty()) {
                            errors.put("source", "a meeting's source is an address (https://…) or a document"
                                    + " symbol");
                        } else {
                            source = symbol.get().canonical();
                        }
                    }
                    if (!errors.isEmpty()) {
                        throw new FormException(errors);
                    }
                    workflow.current(id);
                    situations.plan(id, date, title, source, session.user().username());
                }));
        app.post("/workspace/briefs/{id}/meetings/{meeting}/remove", ctx -> step(ctx, accounts, pages, "",
                (id, session) -> {
                    String meeting = ctx.pathParam("meeting");
                    if (!meeting.matches("[0-9]{1,18}")
                            || !situations.unplan(id, Long.parseLong(meeting), session.user().username())) {
                        throw new AppException("no such planned meeting");
                    }
                }));
        app.post("/workspace/briefs/{id}/as-of", ctx -> step(ctx, accounts, pages, "dates", (id, session) -> {
            LocalDate date;
            try {
                date = date(ctx.formParam("asOf"));
            } catch (AppException e) {
                throw FormException.of("asOf", e.getMessage());
            }
            workflow.setAsOf(id, base(ctx), date, session.user().username());
        }));
        app.post("/workspace/briefs/{id}/limits", ctx -> step(ctx, accounts, pages, "limits", (id, session) -> {
            Map<SectionKind, String> fields = new EnumMap<>(SectionKind.class);
            for (SectionKind kind : SectionKind.values()) {
                fields.put(kind, ctx.formParam("limit-" + kind.id()));
            }
            workflow.setWordLimits(id, fields, session.user().username());
        }));
        app.post("/workspace/briefs/{id}/upr", ctx -> {
            Session session = write(ctx, accounts);
            String id = ctx.pathParam("id");
            try {
                BriefWorkflow.Added added = workflow.attachUpr(id, base(ctx), blank(ctx.formParam("review")),
                        session.user().username());
                if (added.asOf() == null) {
                    ctx.redirect(root(ctx) + id + "?added=" + added.item());
                } else {
                    show(pages, ctx, session, id, null, new Feedback("", Map.of(), Map.of(), null, "?item="
                            + added.item(), "Added the item. The brief's date moved to "
                            + BriefComposer.DATE.format(added.asOf()) + ", the date of the review."));
                }
            } catch (AppException e) {
                refuse(ctx, pages, session, id, null, "upr", e);
            }
        });
        app.get("/workspace/activity", ctx -> {
            var session = AccountRoutes.session(ctx, accounts);
            if (session.isEmpty()) {
                ctx.redirect("../login");
                return;
            }
            record Dated(LocalDateTime at, Activity activity) {
            }
            List<Dated> dated = new ArrayList<>();
            for (var c : changes.recent(500)) {
                dated.add(new Dated(c.at(), new Activity(stamp(c.at()), c.user(), c.entity() + " " + c.entityId()
                        + " " + c.action(), c.detail() == null ? "" : c.detail())));
            }
            for (BriefRevision r : workflow.recentRevisions(500)) {
                dated.add(new Dated(r.at(), new Activity(stamp(r.at()), r.author(), "brief " + r.situation()
                        + " version " + r.version() + " " + BriefRevision.label(r.status()),
                        r.comment() != null ? r.comment() : r.note() == null ? "" : r.note())));
            }
            // Newest first; a stable sort keeps each log's own newest-first order for entries of the same instant.
            dated.sort(java.util.Comparator.comparing(Dated::at).reversed());
            List<Activity> lines = dated.stream().limit(500).map(Dated::activity).toList();
            StringOutput out = new StringOutput();
            TEMPLATES.render("workspace/activity.jte", Map.of("lines", lines, "user",
                    session.get().user().username(), "header", AccountRoutes.header(ctx, session.get(),
                            org.councilbrief.PageHeader.ACTIVITY)), out);
            ctx.html(out.toString());
        });
        app.post("/workspace/briefs", ctx -> {
            Session session = write(ctx, accounts);
            String id = blank(ctx.formParam("id"));
            String name = blank(ctx.formParam("name"));
            Map<String, String> errors = new LinkedHashMap<>();
            try {
                String code = null;
                try {
                    code = stateCode(ctx.formParam("state"));
                } catch (AppException e) {
                    errors.put("state", e.getMessage());
                }
                LocalDate asOf = null;
                try {
                    asOf = date(ctx.formParam("asOf"));
                    if (asOf != null && workflow.unknownCouncil(asOf) != null) {
                        errors.put("asOf", workflow.unknownCouncil(asOf));
                    }
                } catch (AppException e) {
                    errors.put("asOf", e.getMessage());
                }
                if (!errors.isEmpty()) {
                    Map<String, String> all = new LinkedHashMap<>(workflow.startProblems(id, name));
                    all.putAll(errors);
                    throw new FormException(all);
                }
                workflow.create(id, name, code, asOf != null ? asOf : workflow.today(),
                        session.user().username());
                ctx.redirect("briefs/" + id);
            } catch (AppException e) {
                ctx.status(400);
                Map<String, String> fields = e instanceof FormException f ? f.errors() : Map.of();
                Map<String, String> typed = new LinkedHashMap<>();
                for (String field : List.of("id", "name", "state", "asOf")) {
                    typed.put(field, ctx.formParam(field) == null ? "" : Forms.clean(ctx.formParam(field), false));
                }
                StringOutput out = new StringOutput();
                TEMPLATES.render("workspace/briefstart.jte", Map.of("form", new FormState("situation-", typed,
                        fields), "message", e.getMessage(), "csrf", session.csrfToken(), "user",
                        session.user().username(), "header", AccountRoutes.header(ctx, session,
                                org.councilbrief.PageHeader.BRIEFS)), out);
                ctx.html(out.toString());
            }
        });
        app.post("/workspace/briefs/{id}/submit", ctx -> step(ctx, accounts, pages, "",
                (id, session) -> workflow.submit(id, base(ctx), session.user().username())));
        app.post("/workspace/briefs/{id}/send-back", ctx -> step(ctx, accounts, pages, "review",
                (id, session) -> workflow.sendBack(id, base(ctx), Forms.lines(ctx.formParam("comment")),
                        session.user().username(), session.user().role().mayPublish())));
        app.post("/workspace/briefs/{id}/publish", ctx -> step(ctx, accounts, pages, "",
                (id, session) -> workflow.publish(id, base(ctx), session.user().username(),
                        session.user().role().mayPublish(), accounts.settings().publishOwnChanges())));
        app.post("/workspace/briefs/{id}/restore", ctx -> step(ctx, accounts, pages, "",
                (id, session) -> workflow.restore(id, base(ctx), Forms.number(ctx.formParam("version"), 1,
                        Integer.MAX_VALUE, "a version of the brief"), session.user().username())));
    }

    /**
     * The briefs as the workspace lists them: status, last change and by whom, each section's words against its limit,
     * and whether a version is published (so that the list links to the live page).
     */
    public static List<AccountRoutes.BriefLine> lines(BriefWorkflow workflow, BriefComposer composer) {
        return lines(workflow, composer, Map.of());
    }

    /** The same, stale briefs first (in the same order among themselves), each with why it is stale. */
    public static List<AccountRoutes.BriefLine> lines(BriefWorkflow workflow, BriefComposer composer,
            Map<String, List<AccountRoutes.BriefLine.Stale>> stale) {
        List<AccountRoutes.BriefLine> lines = new ArrayList<>();
        for (var situation : workflow.situations()) {
            try {
                String id = situation.id();
                BriefWorkflow.Current current = workflow.current(id);
                Map<SectionKind, Integer> limits = workflow.wordLimits(id);
                List<AccountRoutes.BriefLine.SectionWords> sections = new ArrayList<>();
                try {
                    for (BriefView.SectionView s : composer.compose(current.brief()).sections()) {
                        sections.add(new AccountRoutes.BriefLine.SectionWords(s.title(), s.wordCount(),
                                limits.getOrDefault(s.kind(), 0)));
                    }
                } catch (IllegalArgumentException e) {
                    // a brief dated in a year whose Council is not known yet: listed without its counts
                }
                List<BriefRevision> history = workflow.history(id);
                String changed = history.isEmpty() ? "" : stamp(history.get(0).at());
                String by = history.isEmpty() ? "" : history.get(0).author();
                boolean live = history.isEmpty() || history.stream()
                        .anyMatch(r -> r.status().equals(BriefRevision.PUBLISHED));
                lines.add(new AccountRoutes.BriefLine(id, current.brief().situationName(),
                        workflow.statusLabel(id, current.status()), changed, by, sections, live,
                        stale.getOrDefault(id, List.of())));
            } catch (AppException e) {
                throw new IllegalStateException("a stored version of the brief on " + situation.id()
                        + " cannot be read", e);
            }
        }
        lines.sort(java.util.Comparator.comparing(line -> !line.isStale()));
        return lines;
    }

    /** The draft in a format, for a reviewer to read before publishing; the page and the files say it is a draft. */
    private static void preview(Context ctx, Accounts accounts, BriefWorkflow workflow, BriefComposer composer,
            BriefPictures.Maker pictures, String format) throws IOException {
        var session = AccountRoutes.session(ctx, accounts);
        if (session.isEmpty()) {
            ctx.redirect("../".repeat(ctx.path().substring(BRIEFS.length()).split("/").length) + "../login");
            return;
        }
        String id = ctx.pathParam("id");
        BriefWorkflow.Current current;
        try {
            current = workflow.current(id);
        } catch (AppException e) {
            throw new NotFoundResponse(e.getMessage());
        }
        BriefView view = composer.compose(current.brief());
        String mark = (current.status().equals(BriefRevision.PUBLISHED) ? "Preview of version " + current.version()
                + ", as published" : "Draft — not published (version " + current.version() + ", "
                + workflow.statusLabel(id, current.status()) + ")");
        String file = id + "-v" + current.version();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        switch (format) {
            case "html" -> {
                List<BriefPage.Download> downloads = List.of(new BriefPage.Download("PDF", "preview/pdf"),
                        new BriefPage.Download("Word", "preview/docx"), new BriefPage.Download("Markdown",
                                "preview/md"), new BriefPage.Download("Text", "preview/txt"),
                        new BriefPage.Download("JSON", "preview/json"));
                ctx.html(HtmlRenderer.html(new BriefPage(view, AccountRoutes.header(ctx, session.get(),
                        org.councilbrief.PageHeader.BRIEFS), downloads, mark, pictures.of(current.brief(), view))));
                return;
            }
            case "pdf" -> PdfRenderer.render(new BriefPage(view, null, List.of(), mark,
                    pictures.of(current.brief(), view)), bytes);
            case "docx" -> DocxRenderer.render(view, mark, bytes);
            case "md", "txt", "json" -> BriefRenderers.all().stream().filter(r -> r.extension().equals(format))
                    .findFirst().orElseThrow().render(view, bytes);
            default -> throw new NotFoundResponse("no preview in that format");
        }
        BriefRenderer renderer = BriefRenderers.all().stream().filter(r -> r.extension().equals(format)).findFirst()
                .orElseThrow();
        ctx.contentType(renderer.contentType());
        ctx.result(bytes.toByteArray());
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + "-draft." + format + "\"");
    }

    /** An item's form as sent: each field read, a field that cannot be read (a date) kept as its own error. */
    private static BriefWorkflow.ItemForm itemForm(Context ctx, BriefWorkflow workflow, String id, String item)
            throws AppException {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate date = null;
        try {
            date = date(ctx.formParam("date"));
        } catch (AppException e) {
            errors.put("date", e.getMessage());
        }
        String sectionField = ctx.formParam("section");
        SectionKind section = section(sectionField);
        if (section == null && (item == null || sectionField != null)) {
            errors.put("section", "choose a section");
        }
        // The door of the item's text: control characters go, line ends become \n; limits are the workflow's.
        BriefWorkflow.ItemForm form = new BriefWorkflow.ItemForm(section, blank(ctx.formParam("title")), date,
                blank(ctx.formParam("subHeading")), Forms.lines(ctx.formParam("body")),
                Forms.lines(ctx.formParam("sources")));
        if (!errors.isEmpty()) {
            workflow.problems(id, item, form).forEach(errors::putIfAbsent);
            throw new FormException(errors);
        }
        return form;
    }

    private static SectionKind sectionOf(BriefWorkflow workflow, String id, String item) throws AppException {
        for (Section section : workflow.current(id).brief().sections()) {
            for (Item i : section.items()) {
                if (i.id().equals(item)) {
                    return section.kind();
                }
            }
        }
        return null;
    }

    private interface Step {
        void apply(String id, Session session) throws AppException;
    }

    /** A form that changes the brief, then back to the brief's page; refused, the page with the form as typed. */
    private static void step(Context ctx, Accounts accounts, Pages pages, String form, Step step) {
        Session session = write(ctx, accounts);
        String id = ctx.pathParam("id");
        try {
            step.apply(id, session);
            ctx.redirect(root(ctx) + id);
        } catch (AppException e) {
            refuse(ctx, pages, session, id, null, form, e);
        }
    }

    /** The page again with the refusal: status, the form's fields as typed, each error beside its field. */
    private static void refuse(Context ctx, Pages pages, Session session, String id, String item, String form,
            AppException e) {
        Map<String, String> typed = new LinkedHashMap<>();
        ctx.formParamMap().forEach((name, values) -> {
            if (!values.isEmpty() && !name.equals("_csrf")) {
                typed.put(name, Forms.clean(values.get(0), true));
            }
        });
        if (e instanceof DuplicateItemException duplicate && duplicate.resent()) {
            // The very same form sent again: what it asked for is done; show the item it added.
            ctx.redirect(root(ctx) + id + "?item=" + duplicate.item() + "&already=" + duplicate.item());
            return;
        }
        ctx.status(e instanceof BriefConflictException || e instanceof DuplicateItemException ? 409
                : e instanceof NotAllowedException ? 403 : 400);
        String message = e instanceof FormException ? null : capitalize(e.getMessage());
        if (e instanceof BriefConflictException) {
            message += " What you typed is below: save it again to keep it.";
        }
        String link = e instanceof DuplicateItemException duplicate ? "?item=" + duplicate.item() : null;
        Map<String, String> errors = e instanceof FormException f ? f.errors() : Map.of();
        try {
            show(pages, ctx, session, id, item, new Feedback(form, typed, errors, message, link, null));
        } catch (AppException notFound) {
            throw new NotFoundResponse(notFound.getMessage());
        }
    }

    private static Session write(Context ctx, Accounts accounts) {
        Session session = AccountRoutes.requireSession(ctx, accounts);
        AccountRoutes.requireCsrf(ctx, session);
        return session;
    }

    /** The direction of a move: up is -1, down is +1; anything else is refused. */
    private static int direction(String direction) throws AppException {
        return switch (direction == null ? "" : direction) {
            case "up" -> -1;
            case "down" -> 1;
            default -> throw new AppException("an item moves up or down, not '" + Forms.excerpt(direction) + "'");
        };
    }

    private static int base(Context ctx) throws AppException {
        try {
            return Integer.parseInt(String.valueOf(ctx.formParam("base")));
        } catch (NumberFormatException e) {
            throw new AppException("the form does not say which version it was made from; reload the page");
        }
    }

    /**
     * From the request's page to the folder of the briefs' pages ("../../" from /workspace/briefs/mali/items/x): the
     * pages use relative links, so that the application may live under any prefix, and a form whose save failed is
     * shown again at the address it was sent to.
     */
    static String root(Context ctx) {
        String path = ctx.path();
        int at = path.indexOf(BRIEFS);
        if (at < 0) {
            return "";
        }
        String rest = path.substring(at + BRIEFS.length());
        return "../".repeat((int) rest.chars().filter(c -> c == '/').count());
    }

    private static SectionKind section(String id) {
        return java.util.Arrays.stream(SectionKind.values()).filter(k -> k.id().equals(id)).findFirst().orElse(null);
    }

    /** A state's code from a form's code or name; null when blank. */
    private static String stateCode(String text) throws AppException {
        String state = blank(text);
        if (state == null) {
            return null;
        }
        if (Forms.tooLong(state, FieldLimits.STATE, "a state's code or name") != null) {
            throw FormException.of("state", Forms.tooLong(state, FieldLimits.STATE, "a state's code or name"));
        }
        return org.councilbrief.council.States.shipped().byName(state) // codes are among a state's names
                .orElseThrow(() -> FormException.of("state", "'" + Forms.excerpt(state)
                        + "' is not a state councilbrief knows"))
                .code();
    }

    static String stamp(LocalDateTime at) {
        return at.toString().replace('T', ' ').substring(0, 16) + " UTC";
    }

    private static String capitalize(String text) {
        return text == null || text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1)
                + (text.endsWith(".") ? "" : ".");
    }

    private static String token() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String script() {
        try (InputStream in = BriefRoutes.class.getResourceAsStream("brief.js")) {
            if (in == null) {
                throw new IllegalStateException("the workspace's script is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the brief's page is built from. */
    private record Pages(BriefWorkflow workflow, BriefComposer composer, SituationRepository situations,
            boolean publishOwnChanges) {
    }

    /** The brief's page, with what a request refused or answered. */
    private static void show(Pages pages, Context ctx, Session session, String id, String itemId, Feedback feedback)
            throws AppException {
        BriefWorkflow workflow = pages.workflow();
        BriefComposer composer = pages.composer();
        SituationRepository situations = pages.situations();
        BriefWorkflow.Current current;
        try {
            current = workflow.current(id);
        } catch (AppException e) {
            throw new NotFoundResponse(e.getMessage());
        }
        Brief brief = current.brief();
        BriefView view = composer.compose(brief);
        Map<SectionKind, Integer> limits = workflow.wordLimits(id);
        String root = root(ctx);
        String message = feedback.message();
        List<BriefScreen.SectionLine> sections = new ArrayList<>();
        Item item = null;
        SectionKind itemSection = null;
        for (BriefView.SectionView s : view.sections()) {
            List<BriefScreen.ItemLink> items = new ArrayList<>();
            for (Item i : brief.section(s.kind()).items()) {
                items.add(new BriefScreen.ItemLink(i.id(), i.title(), i.date() == null ? ""
                        : BriefComposer.DATE.format(i.date())));
                if (i.id().equals(itemId)) {
                    item = i;
                    itemSection = s.kind();
                }
            }
            int limit = limits.getOrDefault(s.kind(), 0);
            sections.add(new BriefScreen.SectionLine(s.kind().id(), s.title(), s.wordCount(), limit,
                    limit > 0 && s.wordCount() > limit, s.withUpr(), items));
        }
        if (itemId != null && item == null && message == null) {
            message = "The brief has no item '" + itemId + "' (any more): it may have been moved or removed.";
        }
        // The add form: as typed when it was refused, else empty with a new token of its own.
        Map<String, String> addValues = new LinkedHashMap<>();
        if (feedback.form().equals("add")) {
            addValues.putAll(feedback.typed());
        } else {
            addValues.put("section", "");
        }
        addValues.putIfAbsent("token", token());
        FormState add = state("add", "new-", addValues, feedback);

        BriefScreen.ItemEdit edit = null;
        if (item != null) {
            SectionKind in = itemSection;
            List<String> paragraphs = paragraphs(view, "item-" + item.id());
            int itemWords = paragraphs.stream().mapToInt(WordCount::of).sum();
            int sectionCount = view.sections().stream().filter(s -> s.kind() == in)
                    .mapToInt(BriefView.SectionView::wordCount).sum();
            Map<String, String> values = new LinkedHashMap<>();
            values.put("section", in.id());
            values.put("title", item.title());
            values.put("date", item.date() == null ? "" : item.date().toString());
            values.put("subHeading", item.subHeading() == null ? "" : item.subHeading());
            values.put("body", String.join("\n\n", paragraphs));
            values.put("sources", BriefWorkflow.sourceLines(item.sources()));
            if (feedback.form().equals("edit")) {
                values.putAll(feedback.typed());
            }
            edit = new BriefScreen.ItemEdit(item.id(), item.title(), state("edit", "", values, feedback),
                    sectionCount - itemWords, sectionCount, limits.getOrDefault(in, 0));
        }

        String stateCode = situations.find(id).map(org.councilbrief.situation.Situation::stateCode).orElse(null);
        Map<String, String> dateValues = new LinkedHashMap<>();
        dateValues.put("asOf", brief.asOf() == null ? "" : brief.asOf().toString());
        Map<String, String> limitValues = new LinkedHashMap<>();
        for (SectionKind kind : SectionKind.values()) {
            limitValues.put("limit-" + kind.id(), limits.containsKey(kind) ? String.valueOf(limits.get(kind))
                    : "");
        }
        Map<String, String> situationValues = new LinkedHashMap<>();
        situationValues.put("name", brief.situationName());
        situationValues.put("state", stateCode == null ? "" : stateCode);
        situationValues.put("intro", String.join("\n\n", brief.intro()));

        List<BriefScreen.Version> history = new ArrayList<>();
        List<BriefRevision> revisions = workflow.history(id);
        for (BriefRevision r : revisions) {
            history.add(new BriefScreen.Version(r.version(), BriefRevision.label(r.status()), r.author(),
                    stamp(r.at()), r.note() == null ? "" : r.note(), r.comment() == null ? "" : r.comment()));
        }
        List<String> changes = new ArrayList<>();
        String from = ctx.queryParam("from");
        String to = ctx.queryParam("to");
        if (from != null && to != null) {
            try {
                for (TextDiff.Line line : workflow.diff(id, Integer.parseInt(from), Integer.parseInt(to))) {
                    changes.add(line.kind() + " " + line.text());
                }
            } catch (NumberFormatException e) {
                message = "The versions to compare are not numbers.";
            } catch (AppException e) {
                message = capitalize(e.getMessage());
            }
        }
        BriefScreen.SentBack sentBack = workflow.openComment(id).map(r -> new BriefScreen.SentBack(r.author(),
                stamp(r.at()), r.comment() == null ? r.note() : r.comment())).orElse(null);
        boolean live = revisions.isEmpty() || revisions.stream()
                .anyMatch(r -> r.status().equals(BriefRevision.PUBLISHED));
        String published = workflow.publishedAt(id).map(BriefRoutes::stamp).orElse("");
        List<BriefScreen.Problem> problems = feedback.errors().entrySet().stream()
                .map(e -> new BriefScreen.Problem(fieldId(feedback.form(), e.getKey()), e.getValue())).toList();
        String link = feedback.link() == null ? "" : root + id + feedback.link();
        String linkText = "";
        if (feedback.link() != null) {
            String linked = feedback.link().substring(feedback.link().lastIndexOf('=') + 1);
            linkText = sections.stream().flatMap(s -> s.items().stream()).filter(i -> i.id().equals(linked))
                    .map(i -> "Open “" + i.title() + "”" + (i.date().isEmpty() ? "" : " (" + i.date() + ")"))
                    .findFirst().orElse("");
            if (linkText.isEmpty()) {
                link = "";
            }
        }
        String ownLastChange = pages.publishOwnChanges() || !session.user().role().mayPublish() ? ""
                : workflow.lastChange(id, current.version()).filter(r -> r.author().equals(session.user().username()))
                        .map(r -> "You made the last change to this brief (version " + r.version()
                                + "), so another reviewer or an admin publishes it.").orElse("");
        BriefScreen screen = new BriefScreen(root, id, brief.situationName(), stateCode == null ? "" : stateCode,
                current.version(), current.status(), workflow.statusLabel(id, current.status()),
                session.user().username(), session.user().role().mayPublish(), ownLastChange, session.csrfToken(),
                message == null ? "" : message, link, linkText, switch (feedback.form()) {
                    case "add" -> "The item was not added";
                    case "edit" -> "The item was not saved";
                    case "upr" -> "The UPR item was not added";
                    case "review" -> "The brief was not sent back";
                    default -> "Nothing was saved";
                } + ": see what to change below", problems,
                feedback.notice() == null ? "" : feedback.notice(), sentBack,
                revisions.isEmpty() ? "" : stamp(revisions.get(0).at()) + " by " + revisions.get(0).author(),
                published, live ? root + "../../briefs/" + id : "",
                brief.asOf() == null ? "" : brief.asOf().toString(), view.updatedLine(), sections, add, edit,
                state("dates", "", dateValues, feedback), state("limits", "", limitValues, feedback),
                state("review", "review-", new LinkedHashMap<>(), feedback),
                state("situation", "situation-", situationValues, feedback),
                state("meeting", "meeting-", new LinkedHashMap<>(), feedback),
                state("upr", "upr-", new LinkedHashMap<>(), feedback), workflow.uprChoices(id),
                stateCode != null, history, changes, situations.planned(id));
        StringOutput out = new StringOutput();
        TEMPLATES.render("workspace/brief.jte", Map.of("screen", screen, "header", AccountRoutes.header(ctx, session,
                org.councilbrief.PageHeader.BRIEFS)), out);
        ctx.html(out.toString());
    }

    /** A form's state: its values, overlaid with what was typed and its errors when it is the refused form. */
    private static FormState state(String form, String prefix, Map<String, String> values, Feedback feedback) {
        if (!feedback.form().equals(form)) {
            return new FormState(prefix, values, Map.of());
        }
        Map<String, String> typed = new LinkedHashMap<>(values);
        typed.putAll(feedback.typed());
        return new FormState(prefix, typed, feedback.errors());
    }

    /** The id of a refused field on the page, for the summary's links. */
    private static String fieldId(String form, String field) {
        return switch (form) {
            case "add" -> "new-" + field;
            case "edit" -> field;
            case "dates" -> "as-of";
            case "limits" -> field;
            case "review" -> "review-" + field;
            case "upr" -> "upr-" + field;
            case "situation" -> "situation-" + field;
            case "meeting" -> "meeting-" + field;
            default -> field;
        };
    }

    /** The text of an item's paragraphs in the view: from its anchor to the next item's. */
    static List<String> paragraphs(BriefView view, String anchor) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (BriefView.SectionView section : view.sections()) {
            for (BriefView.Block block : section.blocks()) {
                for (BriefView.ParagraphView p : block.paragraphs()) {
                    if (p.anchor() != null) {
                        in = p.anchor().equals(anchor);
                    }
                    if (in) {
                        out.add(p.text());
                    }
                }
            }
            in = false;
        }
        return out;
    }
}
