package org.councilbrief.statement;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.councilbrief.AppException;
import org.councilbrief.account.AccountRoutes;
import org.councilbrief.account.Accounts;
import org.councilbrief.account.Session;
import org.councilbrief.document.Symbols;
import org.councilbrief.theme.Taxonomy;
import org.councilbrief.theme.ThemeLabel;

/** The editors' page of a meeting's positions: accept, correct (act, theme) or reject each proposal. */
public final class PositionRoutes {
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

    /** What the page shows. */
    public record PositionsScreen(String meeting, String csrf, String message, List<Row> positions, List<String> acts,
            List<String> themes, String member, String status, List<String> members, int total) {
        /** One position. */
        public record Row(long id, String where, String member, String act, String theme, String status,
                String evidence) {
        }
    }

    private PositionRoutes() {
    }

    public static void register(Javalin app, Accounts accounts, StatementRepository statements) {
        app.get("/workspace/positions", ctx -> {
            var session = AccountRoutes.session(ctx, accounts);
            if (session.isEmpty()) {
                ctx.redirect("../login");
                return;
            }
            show(ctx, session.get(), statements, ctx.queryParam("meeting"), "", ctx.queryParam("member"),
                    ctx.queryParam("status"));
        });
        app.post("/workspace/positions/{id}", ctx -> {
            Session session = AccountRoutes.requireSession(ctx, accounts);
            AccountRoutes.requireCsrf(ctx, session);
            String meeting = ctx.formParam("meeting");
            String message;
            try {
                Position.Status status = Position.Status.valueOf(String.valueOf(ctx.formParam("status"))
                        .toUpperCase(Locale.ROOT));
                Act act = Act.byId(String.valueOf(ctx.formParam("act")));
                String theme = Taxonomy.council().label(String.valueOf(ctx.formParam("theme")))
                        .map(ThemeLabel::id).orElseThrow(() -> new AppException("not a theme of the Council scheme"));
                long id = Long.parseLong(ctx.pathParam("id"));
                boolean done = statements.review(id, status, act, theme, session.user().username());
                message = done ? "Position " + id + " is "
                        + status.name().toLowerCase(Locale.ROOT) + "." : "No position " + id + ".";
            } catch (IllegalArgumentException | AppException e) {
                ctx.status(400);
                message = e.getMessage();
            }
            show(ctx, session, statements, meeting, message, ctx.formParam("filterMember"),
                    ctx.formParam("filterStatus"));
        });
    }

    /**
     * The page of a meeting's positions; {@code member} and {@code status} (blank for all) narrow the list, so that an
     * editor can go through a long meeting member by member, or see only what is still to decide.
     */
    private static void show(Context ctx, Session session, StatementRepository statements, String meeting,
            String message, String member, String status) {
        String symbol = meeting == null || meeting.isBlank() ? "" : Symbols.tryParse(meeting)
                .map(s -> s.canonical()).orElse(meeting.strip());
        List<PositionsScreen.Row> all = symbol.isEmpty() ? List.of() : statements.storedPositions(symbol).stream()
                .map(p -> new PositionsScreen.Row(p.id(), p.where(), p.position().stateCode(),
                        p.position().act().id(), p.position().theme(),
                        p.position().status().name().toLowerCase(Locale.ROOT), p.position().evidence()))
                .toList();
        String byMember = member == null ? "" : member.strip().toUpperCase(Locale.ROOT);
        String byStatus = status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
        List<PositionsScreen.Row> rows = all.stream()
                .filter(r -> byMember.isEmpty() || r.member().equals(byMember))
                .filter(r -> byStatus.isEmpty() || r.status().equals(byStatus)).toList();
        PositionsScreen screen = new PositionsScreen(symbol, session.csrfToken(), message == null ? "" : message,
                rows, Arrays.stream(Act.values()).map(Act::id).toList(),
                Taxonomy.council().labels().stream().map(ThemeLabel::id).toList(), byMember, byStatus,
                all.stream().map(PositionsScreen.Row::member).distinct().sorted().toList(), all.size());
        StringOutput out = new StringOutput();
        TEMPLATES.render("workspace/positions.jte", screen, out);
        ctx.html(out.toString());
    }
}
