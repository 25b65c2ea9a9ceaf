package org.councilbrief.statement;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.councilbrief.AppException;
import org.councilbrief.account.AccountRoutes;
import org.councilbrief.account.Accounts;
import org.councilbrief.account.Session;
import org.councilbrief.brief.BriefComposer;
import org.councilbrief.brief.BriefWorkflow;
import org.councilbrief.council.Composition;
import org.councilbrief.council.Membership;
import org.councilbrief.council.State;
import org.councilbrief.council.States;
import org.councilbrief.document.Symbols;
import org.councilbrief.theme.Taxonomy;
import org.councilbrief.theme.ThemeLabel;

/** The editors' page of a meeting's positions: accept, correct (act, theme) or reject each proposal. */
public final class PositionRoutes {
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

    /** What the page shows. */
    public record PositionsScreen(String root, String meeting, String csrf, String message, List<Row> positions,
            List<String> acts, List<String> themes, String member, String status, List<String> members, int total,
            List<String> council, Comments comments) {
        /** One position. */
        public record Row(long id, String where, String member, String act, String theme, String status,
                String evidence) {
        }

        /**
         * The comments-section sentences the accepted positions write, and a draft item of the meeting's situation's
         * brief built from them, for the editor to correct and add ({@code situation} null when the meeting is on no
         * situation with a brief).
         *
         * @param undecided positions still proposed, which the sentences leave out
         */
        public record Comments(List<String> sentences, String keyTopic, int undecided, String situation,
                String situationName, int version, String title, String date, String body, String sources) {
            /** "3 positions are still to decide", "1 position is still to decide". */
            public String undecidedLine() {
                return undecided + (undecided == 1 ? " position is" : " positions are") + " still to decide";
            }
        }
    }

    private PositionRoutes() {
    }

    public static void register(Javalin app, Accounts accounts, StatementRepository statements,
            BriefWorkflow briefs) {
        app.get("/workspace/positions", ctx -> {
            var session = AccountRoutes.session(ctx, accounts);
            if (session.isEmpty()) {
                ctx.redirect("../login");
                return;
            }
            show(ctx, session.get(), statements, briefs, ctx.queryParam("meeting"), "", ctx.queryParam("member"),
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
                String member = ctx.formParam("member");
                if (member != null && !member.isBlank()) {
                    member = States.shipped().byCode(member.strip()).map(State::code)
                            .orElseThrow(() -> new AppException("not a state's code"));
                } else {
                    member = null;
                }
                long id = Long.parseLong(ctx.pathParam("id"));
                boolean done = statements.review(id, status, member, act, theme, session.user().username());
                message = done ? "Position " + id + " is "
                        + status.name().toLowerCase(Locale.ROOT) + "." : "No position " + id + ".";
            } catch (IllegalArgumentException | AppException e) {
                ctx.status(400);
                message = e.getMessage();
            }
            show(ctx, session, statements, briefs, meeting, message, ctx.formParam("filterMember"),
                    ctx.formParam("filterStatus"));
        });
    }

    /**
     * The page of a meeting's positions; {@code member} and {@code status} (blank for all) narrow the list, so that an
     * editor can go through a long meeting member by member, or see only what is still to decide.
     */
    private static void show(Context ctx, Session session, StatementRepository statements, BriefWorkflow briefs,
            String meeting, String message, String member, String status) {
        String symbol = meeting == null || meeting.isBlank() ? "" : Symbols.tryParse(meeting)
                .map(s -> s.canonical()).orElse(meeting.strip());
        List<StatementRepository.StoredPosition> stored = symbol.isEmpty() ? List.of()
                : statements.storedPositions(symbol);
        Meeting known = symbol.isEmpty() ? null : statements.findMeeting(symbol).orElse(null);
        Composition composition = known == null ? null : councilOn(known);
        List<PositionsScreen.Row> all = stored.stream()
                .map(p -> new PositionsScreen.Row(p.id(), p.where(), p.position().stateCode(),
                        p.position().act().id(), p.position().theme(),
                        p.position().status().name().toLowerCase(Locale.ROOT), p.position().evidence()))
                .toList();
        String byMember = member == null ? "" : member.strip().toUpperCase(Locale.ROOT);
        String byStatus = status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
        List<PositionsScreen.Row> rows = all.stream()
                .filter(r -> byMember.isEmpty() || r.member().equals(byMember))
                .filter(r -> byStatus.isEmpty() || r.status().equals(byStatus)).toList();
        // The page is served at /workspace/positions, and at /workspace/positions/{id} after a decision: its links
        // are relative to /workspace/ from either.
        String root = ctx.path().startsWith("/workspace/positions/") ? "../" : "";
        PositionsScreen screen = new PositionsScreen(root, symbol, session.csrfToken(), message == null ? "" : message,
                rows, Arrays.stream(Act.values()).map(Act::id).toList(),
                Taxonomy.council().labels().stream().map(ThemeLabel::id).toList(), byMember, byStatus,
                all.stream().map(PositionsScreen.Row::member).distinct().sorted().toList(), all.size(),
                council(composition, all), stored.isEmpty() || composition == null ? null
                        : comments(known, composition, briefs, stored));
        StringOutput out = new StringOutput();
        TEMPLATES.render("workspace/positions.jte", java.util.Map.of("screen", screen, "header",
                AccountRoutes.header(ctx, session, org.councilbrief.PageHeader.POSITIONS)), out);
        ctx.html(out.toString());
    }

    /**
     * The members an editor may give a position to: the Council's on the meeting's date, and any member a position
     * has already, in order of code.
     */
    private static List<String> council(Composition composition, List<PositionsScreen.Row> rows) {
        Set<String> codes = new TreeSet<>();
        rows.forEach(r -> codes.add(r.member()));
        if (composition != null) {
            codes.addAll(composition.codes());
        }
        return List.copyOf(codes);
    }

    /** The Council on the meeting's date, or null for a year whose Council is not known. */
    private static Composition councilOn(Meeting meeting) {
        try {
            return Membership.shipped().on(meeting.date());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * What the accepted positions write for the brief, as a published brief would (rejected and undecided ones left
     * out), and the meeting's item drafted from it: "On 30 June 2023, the Security Council held a meeting on Mali."
     * then the sentences, with the meeting record and its press summary as sources. Not shown for positions of a
     * release whose meeting is not known, or of a year whose Council is not known: nothing to write them against.
     */
    private static PositionsScreen.Comments comments(Meeting meeting, Composition composition, BriefWorkflow briefs,
            List<StatementRepository.StoredPosition> stored) {
        List<PositionProposals.Input> accepted = stored.stream()
                .filter(p -> p.position().status() == Position.Status.ACCEPTED)
                .map(p -> new PositionProposals.Input(p.index(), p.pressRelease(), p.position())).toList();
        PositionProposals.Proposal proposal = new PositionProposals().propose(accepted, composition);
        List<String> sentences = proposal.sentences().stream().map(PositionProposals.Sentence::text).toList();
        int undecided = (int) stored.stream().filter(p -> p.position().status() == Position.Status.PROPOSED).count();
        String situation = null;
        String name = null;
        int version = 0;
        if (meeting.situation() != null) {
            try {
                BriefWorkflow.Current current = briefs.current(meeting.situation());
                situation = meeting.situation();
                name = current.brief().situationName();
                version = current.version();
            } catch (AppException e) {
                // no brief on the meeting's situation yet: the sentences are shown without a draft item
            }
        }
        String date = BriefComposer.DATE.format(meeting.date());
        String body = "On " + date + ", the Security Council held a meeting" + (name == null ? "" : " on " + name)
                + "." + (sentences.isEmpty() ? "" : " " + String.join(" ", sentences));
        String sources = meeting.symbol() + (meeting.pressRelease() == null ? "" : "\n" + meeting.pressRelease());
        return new PositionsScreen.Comments(sentences, proposal.keyTopic(), undecided, situation, name, version,
                "Security Council meeting" + (name == null ? "" : " on " + name), meeting.date().toString(), body,
                sources);
    }
}
