package org.councilbrief.statement;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.councilbrief.WebRoutes;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.councilbrief.AppException;
import org.councilbrief.Forms;
import org.councilbrief.account.AccountRoutes;
import org.councilbrief.account.Accounts;
import org.councilbrief.account.Session;
import org.councilbrief.brief.BriefComposer;
import org.councilbrief.brief.BriefWorkflow;
import org.councilbrief.brief.Item;
import org.councilbrief.brief.Section;
import org.councilbrief.brief.SectionKind;
import org.councilbrief.brief.Source;
import org.councilbrief.council.Composition;
import org.councilbrief.council.MemberList;
import org.councilbrief.council.State;
import org.councilbrief.council.States;
import org.councilbrief.document.Series;
import org.councilbrief.document.Symbol;
import org.councilbrief.document.Symbols;
import org.councilbrief.theme.Taxonomy;
import org.councilbrief.theme.ThemeLabel;

/**
 * The editors' page of a meeting's positions, organised as the brief will read them (see {@link PositionReview}):
 * accept or reject a whole theme, a sentence, one member of it or one quote in one action, correct a position's
 * member, act or theme, and add the comments the accepted positions write to the situation's brief. Decisions are
 * ordinary form posts answered by a redirect back to the sentence decided; with htmx they update that sentence and
 * the counts in place. Also the read-only view of a meeting's speeches, where each quote can be read in full.
 */
public final class PositionRoutes {
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);
    /** A meeting record's symbol as people type it: "S/PV.8771", "s/pv.8771", "SPV.8771", "S_PV_8771", "8771". */
    private static final Pattern TYPED_MEETING = Pattern.compile(
            "(?i)\\s*(?:S\\s*[/_-]?\\s*PV\\s*[._-]?\\s*)?(\\d{1,5})(\\s*\\(\\s*resumption\\s*\\d+\\s*\\))?\\s*");

    /** A choice of a select: its value and what it shows. */
    public record Option(String value, String label) {
    }

    /**
     * What the page shows.
     *
     * @param root the way from the page's address to /workspace/ ("" or "../")
     * @param meeting the meeting shown (canonical symbol), or "" when none is
     * @param typed what the editor typed as the meeting's symbol, kept when it finds nothing
     * @param error why the meeting typed or chosen is not shown, or ""
     * @param meetingLine "19 October 2020 · Central African Republic", or ""
     * @param meetings the imported meetings, newest first, for the meeting's select
     * @param sureness the threshold of the proposals shown
     * @param members the members with a position at the meeting, for the member filter
     * @param council the members a position may be given to, for corrections
     * @param review the positions, or null when no meeting is shown
     * @param htmx the htmx version, for the script's address
     */
    public record PositionsScreen(String root, String meeting, String typed, String csrf, String message, String error,
            String meetingLine, List<Option> meetings, String member, String status, Sureness sureness,
            List<Option> members, List<Option> council, List<Option> acts, List<Option> themes,
            PositionReview.Review review, Comments comments, String htmx) {

        /** The choices of the threshold's select: the default, then lower ones down to what an import stores. */
        public List<Option> thresholds() {
            List<Option> out = new ArrayList<>();
            out.add(new Option("", sureness.byDefault() + "% sure (the default: about 85 in 100 right)"));
            for (int p : new int[] {60, 50, 40, 30, (int) Math.round(PositionModel.STORED * 100)}) {
                if (p < sureness.byDefault()) {
                    out.add(new Option(String.valueOf(p), p + "% sure"));
                }
            }
            if (sureness.minimum() != sureness.byDefault() && out.stream().noneMatch(o -> o.value().equals(
                    sureness.min()))) {
                out.add(new Option(sureness.min(), sureness.min() + "% sure"));
            }
            return out;
        }

        /**
         * The comments-section sentences the accepted positions write, and a draft item of the meeting's situation's
         * brief built from them, for the editor to correct and add ({@code situation} null when the meeting is on no
         * situation with a brief).
         *
         * @param undecided positions still proposed, which the sentences leave out
         * @param itemId the brief's item on this meeting in its comments section, or null when there is none yet
         */
        public record Comments(List<String> sentences, String keyTopic, int undecided, String situation,
                String situationName, int version, String title, String date, String body, String sources,
                String itemId, String itemTitle, List<Option> briefs) {
            /** "3 positions are still to decide", "1 position is still to decide". */
            public String undecidedLine() {
                return undecided + (undecided == 1 ? " position is" : " positions are") + " still to decide";
            }
        }
    }

    /**
     * How sure the reader must be of a proposal for the page to show it.
     *
     * @param min the threshold chosen, in percent, or "" for the default
     * @param minimum the threshold in effect, in percent
     * @param byDefault the default threshold (chosen for precision 0.85), in percent
     */
    public record Sureness(String min, int minimum, int byDefault) {
    }

    /** What the speech view shows: every speech of a meeting and its press summary, one quote marked. */
    public record SpeechesScreen(String meeting, String meetingLine, List<SpeechView> speeches,
            List<SpeechView> press, String back) {
        /**
         * A speech or a press-summary paragraph, in paragraphs; the marked one's paragraph is split around the mark.
         *
         * @param anchor "speech-4", "press-SC-14334-7"
         */
        public record SpeechView(String anchor, String heading, List<String> paragraphs, int marked, String before,
                String evidence, String after) {
        }
    }

    private PositionRoutes() {
    }

    public static void register(WebRoutes app, Accounts accounts, StatementRepository statements,
            BriefWorkflow briefs, String htmx) {
        app.get("/workspace/positions", ctx -> {
            var session = AccountRoutes.session(ctx, accounts);
            if (session.isEmpty()) {
                ctx.redirect("../login");
                return;
            }
            String typed = Forms.blank(ctx.queryParam("symbol"));
            String chosen = typed != null ? typed : Forms.blank(ctx.queryParam("meeting"));
            page(ctx, session.get(), "workspace/positions.jte",
                    screen(ctx, session.get(), statements, briefs, htmx, chosen,
                    typed != null, "", ctx.queryParam("member"), ctx.queryParam("status"), ctx.queryParam("min")));
        });
        app.post("/workspace/positions", ctx -> decide(ctx, accounts, statements, briefs, htmx));
        // A meeting imported without a situation is put on one here, so that its comments can go into that brief.
        app.post("/workspace/meetings/situation", ctx -> {
            Session session = AccountRoutes.requireSession(ctx, accounts);
            AccountRoutes.requireCsrf(ctx, session);
            String meeting = String.valueOf(ctx.formParam("meeting"));
            String situation = String.valueOf(ctx.formParam("situation"));
            boolean known = briefs.situations().stream().anyMatch(s -> s.id().equals(situation));
            if (!known || !statements.putOnSituation(meeting, situation, session.user().username())) {
                throw new BadRequestResponse("Choose one of the briefs listed for the meeting.");
            }
            ctx.redirect("../positions?meeting=" + enc(meeting) + "#for-the-brief");
        });
        app.post("/workspace/positions/{id}", ctx -> correct(ctx, accounts, statements, briefs, htmx));
        app.get("/workspace/speeches", ctx -> {
            Optional<Session> session = AccountRoutes.session(ctx, accounts);
            if (session.isEmpty()) {
                ctx.redirect("../login");
                return;
            }
            speeches(ctx, session.get(), statements);
        });
    }

    /**
     * Accepts or rejects the positions a form names (a theme's, a sentence's, a member's or one quote's), then goes
     * back to where the editor was: the sentence's anchor on the page, or, for htmx, that sentence (or theme) and the
     * counts, rendered again.
     */
    private static void decide(Context ctx, Accounts accounts, StatementRepository statements, BriefWorkflow briefs,
            String htmx) {
        Session session = AccountRoutes.requireSession(ctx, accounts);
        AccountRoutes.requireCsrf(ctx, session);
        String meeting = canonical(ctx.formParam("meeting")).orElse("");
        String member = field(ctx, "filterMember");
        String status = field(ctx, "filterStatus");
        String min = field(ctx, "filterMin");
        String anchor = field(ctx, "anchor");
        String message;
        try {
            Position.Status decision = decision(ctx.formParam("status"));
            Set<Long> ofMeeting = new java.util.HashSet<>();
            statements.storedPositions(meeting).forEach(p -> ofMeeting.add(p.id()));
            List<Long> ids = new ArrayList<>();
            for (String id : ctx.formParams("id")) {
                try {
                    long value = Long.parseLong(id.strip());
                    if (ofMeeting.contains(value)) {
                        ids.add(value);
                    }
                } catch (NumberFormatException e) {
                    throw new AppException("'" + Forms.excerpt(id) + "' is not a position's number");
                }
            }
            if (ids.isEmpty()) {
                throw new AppException("no position of " + (meeting.isEmpty() ? "this meeting" : meeting)
                        + " was chosen: show the page again, the meeting may have been imported again");
            }
            int changed = statements.decide(ids, decision, session.user().username());
            String word = decision == Position.Status.ACCEPTED ? "accepted" : "rejected";
            message = changed == 0 ? "Nothing changed: " + (ids.size() == 1 ? "that position was" : "those "
                    + ids.size() + " positions were") + " already " + word + "."
                    : changed + (changed == 1 ? " position " : " positions ") + word + ".";
        } catch (AppException e) {
            ctx.status(400);
            message = e.getMessage();
        }
        if (isHtmx(ctx)) {
            ctx.status(200); // htmx shows what the server answers only on success; the message says what went wrong
            PositionsScreen screen = screen(ctx, session, statements, briefs, htmx, meeting, false, message, member,
                    status, min);
            Map<String, Object> params = new HashMap<>();
            params.put("screen", screen);
            params.put("anchor", anchor);
            render(ctx, "workspace/positions/update.jte", params);
            return;
        }
        if (ctx.status() == HttpStatus.BAD_REQUEST) {
            page(ctx, session, "workspace/positions.jte", screen(ctx, session, statements, briefs, htmx, meeting, false,
                    message, member, status, min));
            return;
        }
        ctx.redirect(page(meeting, member, status, min) + (anchor.matches("[st]-[a-z0-9-]+") ? "#" + anchor : ""),
                HttpStatus.SEE_OTHER);
    }

    /** An editor corrects a position's member, act or theme and decides it; back to its sentence, wherever it is. */
    private static void correct(Context ctx, Accounts accounts, StatementRepository statements, BriefWorkflow briefs,
            String htmx) {
        Session session = AccountRoutes.requireSession(ctx, accounts);
        AccountRoutes.requireCsrf(ctx, session);
        String meeting = canonical(ctx.formParam("meeting")).orElse("");
        String filterMember = field(ctx, "filterMember");
        String filterStatus = field(ctx, "filterStatus");
        String filterMin = field(ctx, "filterMin");
        String message;
        String anchor = "";
        try {
            Position.Status status = decision(ctx.formParam("status"));
            String actId = String.valueOf(ctx.formParam("act"));
            Act act = Arrays.stream(Act.values()).filter(a -> a.id().equals(actId)).findFirst()
                    .orElseThrow(() -> new AppException("'" + Forms.excerpt(actId)
                            + "' is not one of the acts listed"));
            String theme = Taxonomy.council().label(String.valueOf(ctx.formParam("theme")))
                    .map(ThemeLabel::id).orElseThrow(() -> new AppException("not a theme of the Council scheme"));
            String member = Forms.blank(ctx.formParam("member"));
            if (member != null) {
                String typed = member;
                member = States.shipped().byCode(member).map(State::code)
                        .orElseThrow(() -> new AppException("'" + Forms.excerpt(typed) + "' is not a state's code"));
            }
            String number = ctx.pathParam("id");
            if (!number.matches("[0-9]{1,18}")) {
                throw new AppException("'" + Forms.excerpt(number) + "' is not a position's number");
            }
            long id = Long.parseLong(number);
            if (!statements.review(id, status, member, act, theme, session.user().username())) {
                throw new AppException("there is no position " + id + ": the meeting may have been imported again");
            }
            anchor = "#s-" + act.id() + "-" + theme;
            message = "";
        } catch (AppException e) {
            ctx.status(400);
            message = e.getMessage();
        }
        if (!message.isEmpty()) {
            page(ctx, session, "workspace/positions.jte", screen(ctx, session, statements, briefs, htmx, meeting, false,
                    message, filterMember, filterStatus, filterMin));
            return;
        }
        ctx.redirect("../" + page(meeting, filterMember, filterStatus, filterMin) + anchor, HttpStatus.SEE_OTHER);
    }

    /** The page's address with the meeting and the filters, relative to /workspace/. */
    private static String page(String meeting, String member, String status, String min) {
        return "positions?meeting=" + enc(meeting) + (member.isEmpty() ? "" : "&member=" + enc(member))
                + (status.isEmpty() ? "" : "&status=" + enc(status)) + (min.isEmpty() ? "" : "&min=" + enc(min));
    }

    /** The threshold in effect, in percent: the one chosen when it is a whole number from 0 to 100, else the default. */
    static int minimum(String min, int byDefault) {
        if (min != null && min.strip().matches("\\d{1,3}")) {
            int value = Integer.parseInt(min.strip());
            if (value <= 100) {
                return value;
            }
        }
        return byDefault;
    }

    private static Position.Status decision(String status) throws AppException {
        if ("accepted".equals(status)) {
            return Position.Status.ACCEPTED;
        }
        if ("rejected".equals(status)) {
            return Position.Status.REJECTED;
        }
        throw new AppException("a position is accepted or rejected");
    }

    private static boolean isHtmx(Context ctx) {
        return "true".equals(ctx.header("HX-Request"));
    }

    /**
     * A meeting record's canonical symbol from what an editor typed or chose: "SPV.8771", "s/pv.8771" and "8771" are
     * S/PV.8771; empty when it is no meeting record's symbol.
     */
    static Optional<String> canonical(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        Matcher m = TYPED_MEETING.matcher(typed);
        String text = m.matches() ? "S/PV." + m.group(1) + (m.group(2) == null ? "" : " " + m.group(2).strip())
                : typed;
        return Symbols.tryParse(text).filter(s -> s.series() == Series.SC_MEETING).map(Symbol::canonical);
    }

    private static PositionsScreen screen(Context ctx, Session session, StatementRepository statements,
            BriefWorkflow briefs, String htmx, String chosen, boolean typed, String message, String member,
            String status, String min) {
        String root = ctx.path().startsWith("/workspace/positions/") ? "../" : "";
        List<StatementRepository.MeetingSummary> meetings = statements.meetings();
        List<Option> meetingOptions = meetings.stream().map(m -> new Option(m.meeting().symbol(),
                m.meeting().symbol() + " · " + BriefComposer.DATE.format(m.meeting().date())
                        + (about(m).isEmpty() ? "" : " · " + about(m)) + " (" + countLine(m) + ")")).toList();
        String byMember = member == null ? "" : member.strip().toUpperCase(Locale.ROOT);
        String byStatus = status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
        if (!List.of("", "proposed", "accepted", "rejected").contains(byStatus)) {
            byStatus = "";
        }
        int byDefault = (int) Math.floor(PositionModel.shipped().threshold() * 100);
        int minimum = minimum(min, byDefault);
        Sureness sureness = new Sureness(minimum == byDefault ? "" : String.valueOf(minimum), minimum, byDefault);
        List<Option> acts = Arrays.stream(Act.values()).map(a -> new Option(a.id(), PositionProposals.verb(a)))
                .toList();
        List<Option> themes = Taxonomy.council().labels().stream()
                .map(l -> new Option(l.id(), MemberList.capitalize(l.name()))).toList();
        if (chosen == null) {
            return new PositionsScreen(root, "", "", session.csrfToken(), message, "", "", meetingOptions, byMember,
                    byStatus, sureness, List.of(), List.of(), acts, themes, null, null, htmx);
        }
        Optional<String> symbol = canonical(chosen);
        Optional<StatementRepository.MeetingSummary> known = symbol.flatMap(s -> meetings.stream()
                .filter(m -> m.meeting().symbol().equals(s)).findFirst());
        if (known.isEmpty()) {
            String error = symbol.isEmpty()
                    ? "“" + chosen + "” is not a meeting record's symbol. Choose a meeting from the list, or type its"
                            + " symbol as S/PV.8771."
                    : "No meeting " + symbol.get() + " has been imported. Choose one from the list, or import its"
                            + " record on the import page.";
            return new PositionsScreen(root, "", chosen, session.csrfToken(), message, error, "", meetingOptions,
                    byMember, byStatus, sureness, List.of(), List.of(), acts, themes, null, null, htmx);
        }
        StatementRepository.MeetingSummary summary = known.get();
        Meeting meeting = summary.meeting();
        List<StatementRepository.StoredPosition> stored = statements.storedPositions(meeting.symbol());
        Composition composition = councilOn(briefs, meeting);
        PositionReview.Review review = PositionReview.build(meeting.symbol(), stored, composition,
                sources(statements, meeting.symbol(), stored), byMember.isEmpty() ? null : byMember,
                byStatus.isEmpty() ? null : byStatus, minimum / 100.0);
        Set<String> withPositions = new TreeSet<>();
        stored.forEach(p -> withPositions.add(p.position().stateCode()));
        List<Option> members = names(withPositions);
        Set<String> council = new TreeSet<>(withPositions);
        if (composition != null) {
            council.addAll(composition.codes());
        }
        String line = BriefComposer.DATE.format(meeting.date()) + (about(summary).isEmpty() ? "" : " · "
                + about(summary));
        return new PositionsScreen(root, meeting.symbol(), "", session.csrfToken(), message, "", line,
                meetingOptions, byMember, byStatus, sureness, members, names(council), acts, themes, review,
                stored.isEmpty() || composition == null ? null : comments(meeting, composition, briefs, stored), htmx);
    }

    /** "Central African Republic": the meeting's situation, else its topic, else "". */
    private static String about(StatementRepository.MeetingSummary m) {
        return m.situationName() != null ? m.situationName() : m.meeting().topic() != null ? m.meeting().topic() : "";
    }

    private static String countLine(StatementRepository.MeetingSummary m) {
        String positions = m.positions() + (m.positions() == 1 ? " position" : " positions");
        return m.undecided() == 0 ? positions : positions + ", " + m.undecided() + " to decide";
    }

    /** The members as options, by short name: value the code, label the short name ("The UK"). */
    private static List<Option> names(Set<String> codes) {
        return codes.stream().map(c -> new Option(c, MemberList.capitalize(PositionReview.shortName(c))))
                .sorted(java.util.Comparator.comparing(o -> o.label().replaceFirst("^The ", ""))).toList();
    }

    /** Where each position was read: the speech with its speaker, or the press-summary paragraph, and its text. */
    private static Map<Long, PositionReview.Source> sources(StatementRepository statements, String meeting,
            List<StatementRepository.StoredPosition> stored) {
        Map<Integer, Statement> speeches = new HashMap<>();
        statements.statements(meeting).forEach(s -> speeches.put(s.index(), s));
        Map<String, StatementRepository.PressText> press = new HashMap<>();
        if (stored.stream().anyMatch(p -> p.pressRelease() != null)) {
            statements.pressParagraphs(meeting).forEach(p -> press.put(p.pressRelease() + " " + p.index(), p));
        }
        Map<Long, PositionReview.Source> sources = new HashMap<>();
        for (StatementRepository.StoredPosition p : stored) {
            if (p.pressRelease() == null) {
                Statement s = speeches.get(p.index());
                if (s != null) {
                    sources.put(p.id(), new PositionReview.Source("Speech " + s.index() + ", " + speaker(s),
                            s.text()));
                }
            } else {
                StatementRepository.PressText t = press.get(p.pressRelease() + " " + p.index());
                if (t != null) {
                    sources.put(p.id(), new PositionReview.Source(p.pressRelease() + ", paragraph " + t.index(),
                            t.text()));
                }
            }
        }
        return sources;
    }

    /** "Mr. Hunter (the US)", "The President (France)". */
    private static String speaker(Statement s) {
        return s.speaker() + (s.stateCode() == null ? "" : " (" + PositionReview.shortName(s.stateCode()) + ")");
    }

    /** The Council on the meeting's date as recorded, or null for a date before 1946. */
    private static Composition councilOn(BriefWorkflow workflow, Meeting meeting) {
        try {
            return workflow.membership().on(meeting.date());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * What the accepted positions write for the brief, as a published brief would (rejected and undecided ones left
     * out), and the meeting's item drafted from it: "On 30 June 2023, the Security Council held a meeting on Mali."
     * then the sentences, with the meeting record and its press summary as sources; or, when the brief's comments
     * already have an item on the meeting, that item. Not shown for positions of a release whose meeting is not
     * known, or of a year whose Council is not known: nothing to write them against.
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
        Item item = null;
        if (meeting.situation() != null) {
            try {
                BriefWorkflow.Current current = briefs.current(meeting.situation());
                situation = meeting.situation();
                name = current.brief().situationName();
                version = current.version();
                item = itemOn(current.brief().section(SectionKind.COMMENTS), meeting);
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
                sources, item == null ? null : item.id(), item == null ? null : item.title(),
                briefs.situations().stream().map(sit -> new Option(sit.id(), sit.name())).toList());
    }

    /**
     * The item of the brief's comments section that reports the meeting: the one whose meeting it is, else one that
     * cites its record among its sources (an item added before items carried their meeting); null when none does.
     */
    static Item itemOn(Section comments, Meeting meeting) {
        if (comments == null) {
            return null;
        }
        for (Item item : comments.items()) {
            if (meeting.symbol().equals(item.meeting())) {
                return item;
            }
        }
        for (Item item : comments.items()) {
            if (item.meeting() == null && item.sources().stream().map(Source::symbol)
                    .anyMatch(meeting.symbol()::equals)) {
                return item;
            }
        }
        return null;
    }

    /** The speeches of a meeting, and its press summary, read-only; the quote of {@code position} marked. */
    private static void speeches(Context ctx, Session session, StatementRepository statements) {
        Optional<String> symbol = canonical(ctx.queryParam("meeting"));
        Optional<Meeting> meeting = symbol.flatMap(statements::findMeeting);
        if (meeting.isEmpty()) {
            throw new io.javalin.http.NotFoundResponse("No such meeting has been imported.");
        }
        String m = meeting.get().symbol();
        StatementRepository.StoredPosition marked = null;
        String markedId = ctx.queryParam("position");
        for (StatementRepository.StoredPosition p : statements.storedPositions(m)) {
            if (String.valueOf(p.id()).equals(markedId)) {
                marked = p;
            }
        }
        List<SpeechesScreen.SpeechView> speeches = new ArrayList<>();
        for (Statement s : statements.statements(m)) {
            boolean here = marked != null && marked.pressRelease() == null && marked.index() == s.index();
            speeches.add(view("speech-" + s.index(), s.index() + ". " + speaker(s), s.text(),
                    here ? marked.position().evidence() : null));
        }
        List<SpeechesScreen.SpeechView> press = new ArrayList<>();
        for (StatementRepository.PressText t : statements.pressParagraphs(m)) {
            boolean here = marked != null && t.pressRelease().equals(marked.pressRelease())
                    && marked.index() == t.index();
            press.add(view("press-" + t.pressRelease().replace('/', '-') + "-" + t.index(), t.pressRelease()
                    + ", paragraph " + t.index() + (t.speaker() == null ? "" : ": " + t.speaker()), t.text(),
                    here ? marked.position().evidence() : null));
        }
        String back = "positions?meeting=" + enc(m) + (marked == null ? "" : "#s-" + marked.position().act().id()
                + "-" + marked.position().theme());
        page(ctx, session, "workspace/speeches.jte",
                new SpeechesScreen(m, BriefComposer.DATE.format(meeting.get().date()),
                speeches, press, back));
    }

    /** A text in its paragraphs (split at line ends), the one holding {@code evidence} split around it. */
    private static SpeechesScreen.SpeechView view(String anchor, String heading, String text, String evidence) {
        List<String> paragraphs = Arrays.stream(text.split("\\n\\s*")).filter(p -> !p.isBlank()).toList();
        if (evidence != null) {
            for (int i = 0; i < paragraphs.size(); i++) {
                int at = paragraphs.get(i).indexOf(evidence);
                if (at >= 0) {
                    return new SpeechesScreen.SpeechView(anchor, heading, paragraphs, i,
                            paragraphs.get(i).substring(0, at), evidence,
                            paragraphs.get(i).substring(at + evidence.length()));
                }
            }
        }
        return new SpeechesScreen.SpeechView(anchor, heading, paragraphs, -1, "", "", "");
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A form field as sent, or "" when it was not. */
    private static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }

    /** A whole page: its screen under the house header. */
    private static void page(Context ctx, Session session, String template, Object screen) {
        render(ctx, template, Map.of("screen", screen, "header",
                AccountRoutes.header(ctx, session, org.councilbrief.PageHeader.POSITIONS)));
    }

    private static void render(Context ctx, String template, Object model) {
        StringOutput out = new StringOutput();
        if (model instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> params = (Map<String, Object>) map;
            TEMPLATES.render(template, params, out);
        } else {
            TEMPLATES.render(template, model, out);
        }
        // A fragment for htmx starts with its element, not with the blank lines of the template's directives.
        ctx.html(out.toString().strip());
    }
}
