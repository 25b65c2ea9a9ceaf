package org.councilbrief.brief;

import static org.councilbrief.Forms.blank;
import static org.councilbrief.Forms.date;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.councilbrief.AppException;
import org.councilbrief.account.AccountRoutes;
import org.councilbrief.account.Accounts;
import org.councilbrief.account.Session;
import org.councilbrief.audit.ChangeLogRepository;
import org.councilbrief.situation.PlannedMeeting;
import org.councilbrief.situation.SituationRepository;

/**
 * The editors' pages of a brief: its items to edit (with the section's word count updated as they type), sending it
 * for review, publishing (reviewers and admins), its history with the changes between versions, and restoring a
 * version. A save made from a version someone else has saved over is refused with 409 and the editor's text is shown
 * again, so nothing is lost.
 */
public final class BriefRoutes {
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);
    private static final String BRIEFS = "/workspace/briefs/";
    static final String WORD_COUNT_JS = """
            // Counts the words of the item being edited and shows the section's count as the editor types.
            document.addEventListener('DOMContentLoaded', function () {
              var body = document.getElementById('body');
              var out = document.getElementById('section-count');
              if (!body || !out) { return; }
              var base = parseInt(body.getAttribute('data-section-base'), 10) || 0;
              function words(text) { var t = text.trim(); return t === '' ? 0 : t.split(/\\s+/).length; }
              function update() { out.value = String(base + words(body.value)); out.textContent = out.value; }
              body.addEventListener('input', update);
              update();
            });
            """;

    /** What the brief's workspace page shows. */
    public record BriefScreen(String root, String id, String name, String stateCode, String intro, int version,
            String status, String user, boolean mayPublish, String csrf, String message, String notice,
            List<ItemLink> items, Item item, String itemSection,
            String itemDate, String itemText, String itemSources, int sectionBase, int sectionCount,
            List<Version> history, List<String> diff, List<PlannedMeeting> planned) {
        /** An item to edit. */
        public record ItemLink(String id, String title, String section) {
        }

        /** A line of the history. */
        public record Version(int version, String status, String author, String at, String note) {
        }
    }

    private BriefRoutes() {
    }

    /** A line of the workspace's activity page. */
    public record Activity(String at, String user, String what, String detail) {
    }

    public static void register(Javalin app, Accounts accounts, BriefWorkflow workflow, BriefComposer composer,
            SituationRepository situations, ChangeLogRepository changes) {
        app.get("/workspace/wordcount.js", ctx -> ctx.contentType("text/javascript; charset=utf-8")
                .result(WORD_COUNT_JS));
        app.get("/workspace/briefs/{id}", ctx -> {
            var session = AccountRoutes.session(ctx, accounts);
            if (session.isEmpty()) {
                ctx.redirect("../../login");
                return;
            }
            show(ctx, session.get(), workflow, composer, situations, ctx.pathParam("id"), ctx.queryParam("item"),
                    null, null, List.of());
        });
        app.post("/workspace/briefs/{id}/items/{item}", ctx -> {
            Session session = write(ctx, accounts);
            String id = ctx.pathParam("id");
            String item = ctx.pathParam("item");
            String body = ctx.formParam("body");
            try {
                BriefWorkflow.ItemForm form = new BriefWorkflow.ItemForm(section(ctx.formParam("section")),
                        ctx.formParam("title"), date(ctx.formParam("date")), ctx.formParam("subHeading"), body,
                        ctx.formParam("sources"));
                SectionKind in = form.section() != null ? form.section() : sectionOf(workflow, id, item);
                List<String> notes = workflow.notes(new BriefWorkflow.ItemForm(in, form.title(), form.date(),
                        form.subHeading(), form.text(), form.sources()));
                workflow.editItem(id, base(ctx), item, form, session.user().username());
                // An item moved to another section has a new id there: back to the brief rather than to the item.
                saved(ctx, session, workflow, composer, situations, id, form.section() == null
                        || form.section() == in ? item : null, notes);
            } catch (BriefConflictException e) {
                ctx.status(409);
                show(ctx, session, workflow, composer, situations, id, item, e.getMessage(), body, List.of());
            } catch (AppException e) {
                ctx.status(400);
                show(ctx, session, workflow, composer, situations, id, item, e.getMessage(), body, List.of());
            }
        });
        app.post("/workspace/briefs/{id}/items/{item}/remove", ctx -> step(ctx, accounts, workflow, composer,
                situations, (id, session) -> workflow.removeItem(id, base(ctx), ctx.pathParam("item"),
                        session.user().username())));
        app.post("/workspace/briefs/{id}/situation", ctx -> step(ctx, accounts, workflow, composer, situations,
                (id, session) -> workflow.editSituation(id, base(ctx), ctx.formParam("name"),
                        stateCode(ctx.formParam("state")), ctx.formParam("intro"), session.user().username())));
        app.post("/workspace/briefs/{id}/items/{item}/move", ctx -> step(ctx, accounts, workflow, composer,
                situations, (id, session) -> workflow.moveItem(id, base(ctx), ctx.pathParam("item"),
                        "up".equals(ctx.formParam("direction")) ? -1 : 1, session.user().username())));
        app.post("/workspace/briefs/{id}/meetings", ctx -> step(ctx, accounts, workflow, composer, situations,
                (id, session) -> {
                    LocalDate date = date(ctx.formParam("date"));
                    String title = blank(ctx.formParam("title"));
                    if (date == null || title == null) {
                        throw new AppException("a planned meeting needs a date and a title");
                    }
                    if (title.length() > 300) {
                        throw new AppException("a planned meeting's title has at most 300 characters");
                    }
                    String source = blank(ctx.formParam("source"));
                    if (source != null && !source.startsWith("https://") && !source.startsWith("http://")) {
                        source = org.councilbrief.document.Symbols.tryParse(source).map(sym -> sym.canonical())
                                .orElseThrow(() -> new AppException("a meeting's source is a URL or a symbol"));
                    }
                    workflow.current(id);
                    situations.plan(id, date, title, source, session.user().username());
                }));
        app.post("/workspace/briefs/{id}/meetings/{meeting}/remove", ctx -> step(ctx, accounts, workflow, composer,
                situations, (id, session) -> {
                    if (!situations.unplan(id, Long.parseLong(ctx.pathParam("meeting")), session.user().username())) {
                        throw new AppException("no such planned meeting");
                    }
                }));
        app.get("/workspace/activity", ctx -> {
            var session = AccountRoutes.session(ctx, accounts);
            if (session.isEmpty()) {
                ctx.redirect("../login");
                return;
            }
            record Dated(java.time.LocalDateTime at, Activity activity) {
            }
            List<Dated> dated = new ArrayList<>();
            for (var c : changes.recent(500)) {
                dated.add(new Dated(c.at(), new Activity(stamp(c.at()), c.user(), c.entity() + " " + c.entityId()
                        + " " + c.action(), c.detail() == null ? "" : c.detail())));
            }
            for (BriefRevision r : workflow.recentRevisions(500)) {
                dated.add(new Dated(r.at(), new Activity(stamp(r.at()), r.author(), "brief " + r.situation()
                        + " version " + r.version() + " " + r.status(), r.note() == null ? "" : r.note())));
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
            String id = String.valueOf(ctx.formParam("id")).strip();
            try {
                String code = stateCode(ctx.formParam("state"));
                LocalDate asOf = date(ctx.formParam("date"));
                workflow.create(id, ctx.formParam("name"), code, asOf != null ? asOf : LocalDate.now(),
                        session.user().username());
                ctx.redirect("briefs/" + id);
            } catch (AppException e) {
                ctx.status(400);
                ctx.html("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"/><title>Workspace</title>"
                        + "</head><body><main><p role=\"alert\">" + escape(e.getMessage())
                        + "</p><p><a href=\"../workspace\">Back</a></p></main></body></html>");
            }
        });
        app.post("/workspace/briefs/{id}/items", ctx -> {
            Session session = write(ctx, accounts);
            String id = ctx.pathParam("id");
            try {
                SectionKind kind = section(ctx.formParam("section"));
                if (kind == null) {
                    throw new AppException("choose a section");
                }
                BriefWorkflow.ItemForm form = new BriefWorkflow.ItemForm(kind, ctx.formParam("title"),
                        date(ctx.formParam("date")), ctx.formParam("subHeading"), ctx.formParam("body"),
                        ctx.formParam("sources"));
                List<String> notes = workflow.notes(form);
                workflow.addItem(id, base(ctx), kind, form.title(), form.date(), form.subHeading(), form.text(),
                        form.sources(), session.user().username());
                saved(ctx, session, workflow, composer, situations, id, null, notes);
            } catch (BriefConflictException e) {
                ctx.status(409);
                show(ctx, session, workflow, composer, situations, id, null, e.getMessage(), null, List.of());
            } catch (AppException e) {
                ctx.status(400);
                show(ctx, session, workflow, composer, situations, id, null, e.getMessage(), null, List.of());
            }
        });
        app.post("/workspace/briefs/{id}/submit", ctx -> step(ctx, accounts, workflow, composer, situations,
                (id, session) -> workflow.submit(id, base(ctx), session.user().username())));
        app.post("/workspace/briefs/{id}/publish", ctx -> step(ctx, accounts, workflow, composer, situations,
                (id, session) -> workflow.publish(id, base(ctx), session.user().username(),
                        session.user().role().mayPublish())));
        app.post("/workspace/briefs/{id}/restore", ctx -> step(ctx, accounts, workflow, composer, situations,
                (id, session) -> workflow.restore(id, base(ctx), Integer.parseInt(String.valueOf(
                        ctx.formParam("version"))), session.user().username())));
    }

    /**
     * After a save: back to the brief's page, or, when the editor should know something about what was saved (a
     * member list rewritten in a brief's order), that page at once with the note.
     */
    private static void saved(Context ctx, Session session, BriefWorkflow workflow, BriefComposer composer,
            SituationRepository situations, String id, String item, List<String> notes) throws AppException {
        if (notes.isEmpty()) {
            ctx.redirect(root(ctx) + id + (item == null ? "" : "?item=" + item));
            return;
        }
        show(ctx, session, workflow, composer, situations, id, item, null, "Saved. " + String.join(" ", notes), null,
                List.of());
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

    private static void step(Context ctx, Accounts accounts, BriefWorkflow workflow, BriefComposer composer,
            SituationRepository situations, Step step) throws AppException {
        Session session = write(ctx, accounts);
        String id = ctx.pathParam("id");
        try {
            step.apply(id, session);
            ctx.redirect(root(ctx) + id);
        } catch (BriefConflictException e) {
            ctx.status(409);
            show(ctx, session, workflow, composer, situations, id, null, e.getMessage(), null, List.of());
        } catch (AppException | NumberFormatException e) {
            ctx.status(e instanceof NotAllowedException ? 403 : 400);
            show(ctx, session, workflow, composer, situations, id, null, e.getMessage(), null, List.of());
        }
    }

    private static Session write(Context ctx, Accounts accounts) {
        Session session = AccountRoutes.requireSession(ctx, accounts);
        AccountRoutes.requireCsrf(ctx, session);
        return session;
    }

    private static int base(Context ctx) throws AppException {
        try {
            return Integer.parseInt(String.valueOf(ctx.formParam("base")));
        } catch (NumberFormatException e) {
            throw new AppException("the form does not say which version it was made from");
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
        return org.councilbrief.council.States.shipped().byName(state) // codes are among a state's names
                .orElseThrow(() -> new AppException("'" + state + "' is not a state")).code();
    }

    private static String stamp(java.time.LocalDateTime at) {
        return at.toString().replace('T', ' ').substring(0, 16) + " UTC";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void show(Context ctx, Session session, BriefWorkflow workflow, BriefComposer composer,
            SituationRepository situations, String id, String itemId, String message, String typed, List<String> diff)
            throws AppException {
        show(ctx, session, workflow, composer, situations, id, itemId, message, null, typed, diff);
    }

    private static void show(Context ctx, Session session, BriefWorkflow workflow, BriefComposer composer,
            SituationRepository situations, String id, String itemId, String message, String notice, String typed,
            List<String> diff) throws AppException {
        BriefWorkflow.Current current;
        try {
            current = workflow.current(id);
        } catch (AppException e) {
            throw new NotFoundResponse(e.getMessage());
        }
        Brief brief = current.brief();
        BriefView view = composer.compose(brief);
        List<BriefScreen.ItemLink> items = new ArrayList<>();
        Item item = null;
        SectionKind itemSection = null;
        for (Section section : brief.sections()) {
            for (Item i : section.items()) {
                items.add(new BriefScreen.ItemLink(i.id(), i.title(), section.kind().name().toLowerCase()));
                if (i.id().equals(itemId)) {
                    item = i;
                    itemSection = section.kind();
                }
            }
        }
        String itemText = "";
        int sectionCount = 0;
        int itemWords = 0;
        if (item != null) {
            List<String> paragraphs = paragraphs(view, "item-" + item.id());
            itemText = String.join("\n\n", paragraphs);
            itemWords = paragraphs.stream().mapToInt(WordCount::of).sum();
            for (BriefView.SectionView s : view.sections()) {
                if (s.kind() == itemSection) {
                    sectionCount = s.wordCount();
                }
            }
        }
        List<BriefScreen.Version> history = new ArrayList<>();
        for (BriefRevision r : workflow.history(id)) {
            history.add(new BriefScreen.Version(r.version(), r.status(), r.author(),
                    stamp(r.at()), r.note() == null ? "" : r.note()));
        }
        List<String> changes = new ArrayList<>(diff);
        String from = ctx.queryParam("from");
        String to = ctx.queryParam("to");
        if (from != null && to != null) {
            try {
                for (TextDiff.Line line : workflow.diff(id, Integer.parseInt(from), Integer.parseInt(to))) {
                    changes.add(line.kind() + " " + line.text());
                }
            } catch (NumberFormatException e) {
                message = "the versions to compare are not numbers";
            }
        }
        String stateCode = situations.find(id).map(org.councilbrief.situation.Situation::stateCode).orElse(null);
        BriefScreen screen = new BriefScreen(root(ctx), id, brief.situationName(), stateCode == null ? "" : stateCode,
                String.join("\n\n", brief.intro()), current.version(), current.status(), session.user().username(),
                session.user().role().mayPublish(), session.csrfToken(), message == null ? "" : message,
                notice == null ? "" : notice, items, item,
                itemSection == null ? "" : itemSection.id(), item == null || item.date() == null ? ""
                        : item.date().toString(), typed != null ? typed : itemText,
                item == null ? "" : BriefWorkflow.sourceLines(item.sources()), sectionCount - itemWords,
                sectionCount, history, changes, situations.planned(id));
        StringOutput out = new StringOutput();
        TEMPLATES.render("workspace/brief.jte", Map.of("screen", screen, "header", AccountRoutes.header(ctx, session,
                org.councilbrief.PageHeader.BRIEFS)), out);
        ctx.html(out.toString());
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
