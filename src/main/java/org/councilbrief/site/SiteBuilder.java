package org.councilbrief.site;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.councilbrief.AppException;
import org.councilbrief.PageHeader;
import org.councilbrief.brief.Brief;
import org.councilbrief.brief.BriefComposer;
import org.councilbrief.brief.BriefPage;
import org.councilbrief.brief.BriefRenderer;
import org.councilbrief.brief.BriefRenderers;
import org.councilbrief.brief.BriefRepository;
import org.councilbrief.brief.BriefView;
import org.councilbrief.brief.BriefWorkflow;
import org.councilbrief.brief.HtmlRenderer;
import org.councilbrief.calendar.Calendar;
import org.councilbrief.calendar.CalendarEvent;
import org.councilbrief.calendar.CalendarRepository;
import org.councilbrief.calendar.ICalendar;
import org.councilbrief.compare.GenevaNewYork;
import org.councilbrief.compare.ThemeCrosswalk;
import org.councilbrief.council.Composition;
import org.councilbrief.council.CouncilMember;
import org.councilbrief.council.Membership;
import org.councilbrief.council.Seat;
import org.councilbrief.council.State;
import org.councilbrief.council.Term;
import org.councilbrief.db.Database;
import org.councilbrief.document.Symbols;
import org.councilbrief.picture.ActGrid;
import org.councilbrief.picture.Figure;
import org.councilbrief.picture.Seats;
import org.councilbrief.picture.Terms;
import org.councilbrief.picture.ThemePairs;
import org.councilbrief.picture.ThemeTimeline;
import org.councilbrief.situation.PlannedMeeting;
import org.councilbrief.situation.Situation;
import org.councilbrief.situation.SituationRepository;
import org.councilbrief.statement.Meeting;
import org.councilbrief.statement.StatementRepository;
import org.councilbrief.theme.Taxonomy;
import org.councilbrief.theme.ThemeLabel;
import org.councilbrief.upr.UprRecommendation;
import org.councilbrief.upr.UprRepository;
import org.councilbrief.upr.UprReview;

/**
 * The public site, page by page, from the database: the situations with their briefs and downloads, the Council on a
 * date, a page per member (with the Geneva–New York view of {@code compare.GenevaNewYork}) and per theme, and the
 * Atom feed of brief updates, and the site's icon. Every link is relative, so that the same files serve from the web
 * server and from any folder ({@code publish --out DIR}); the pages the server shows also link to its login page,
 * which a folder of files does not have. Positions are shown once an editor has accepted them, never before.
 */
public final class SiteBuilder {
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);
    private static final String HTML = "text/html; charset=utf-8";
    static final String FAVICON = "favicon.svg";
    static final String CALENDAR = "calendar.html";
    static final String CALENDAR_ICS = "calendar.ics";
    /** How far ahead the home page looks on the calendar. */
    static final int NEXT_DAYS = 30;
    /** The line said wherever the site shows Council members' positions. */
    static final String REVIEWED = "Positions reviewed by the editors: only those an editor has accepted are shown.";

    private final Database database;
    private final Membership membership;
    private final BriefComposer composer;
    /** The day the site is built: the Council on its front page, and meetings from this day on are "next". */
    private final LocalDate today;
    /** Whether the pages link to the login page: served by the application, not written as a static export. */
    private final boolean login;
    /** The Council themes of each UPR recommendation, tagged once for all the member pages that show it. */
    private final Map<UprRecommendation, java.util.Set<String>> recommendationThemes =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final BriefWorkflow workflow;
    /** Each situation's published brief and its view, read and composed once per builder for all its formats. */
    private final Map<String, Optional<BriefWorkflow.Published>> publishedBriefs =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, BriefView> views = new java.util.concurrent.ConcurrentHashMap<>();
    /** Each published brief's pictures (decision 0044), made once per builder for its page and its PDF. */
    private final Map<String, org.councilbrief.brief.BriefPictures> pictures =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** One crosswalk for all builders: its rules are compiled once, on first use (the server makes one per request). */
    private static final class Crosswalk {
        static final ThemeCrosswalk INSTANCE = new ThemeCrosswalk();
    }

    /**
     * The site as a static export writes it: with no link to a login page, since a folder of files has none.
     *
     * @param date the day the site speaks for: the Council shown on its front pages
     */
    public SiteBuilder(Database database, Membership membership, LocalDate date) {
        this(database, membership, date, false);
    }

    /**
     * @param date the day the site speaks for: the Council shown on its front pages
     * @param login whether every page's header links to the login page ({@code login} beside the site's top), as
     *     the pages the application serves do
     */
    public SiteBuilder(Database database, Membership membership, LocalDate date, boolean login) {
        this.database = database;
        this.login = login;
        this.membership = membership;
        this.composer = new BriefComposer(membership);
        this.workflow = new BriefWorkflow(database, membership);
        this.today = date;
    }

    /** The last year with a page of its own: this year, or a later one whose members are recorded already. */
    private int lastYear() {
        return Math.max(today.getYear(), membership.lastRecordedYear());
    }

    /**
     * A stamp of the data the site is made from: the same stamp means the same pages, so a server may keep what it
     * rendered until the stamp changes (an import, an editor's change, a published brief, a Council term recorded, or
     * a new day, which changes the next known meetings).
     */
    public String stamp() {
        return new SiteRepository(database.jdbi()).stamp() + "/" + today + "/" + membership.fingerprint();
    }

    /**
     * Does the work that the first PDF, Word file and theme tagging pay once per process (loading their classes,
     * fonts and the language model) on a small brief, so that a caller can run it on a spare core while the database
     * loads. Failures are left to the real rendering to report.
     */
    public static void warmUp() {
        try {
            // First the language model (0.7 s to read), which member and theme pages wait for when it is late.
            Crosswalk.INSTANCE.themes("Ensure accountability for violations.", List.of());
            org.councilbrief.theme.Language.detect("Les membres du Conseil appellent au dialogue politique.");
            LocalDate day = LocalDate.of(2024, 1, 1);
            List<org.councilbrief.brief.Section> sections = new ArrayList<>();
            for (org.councilbrief.brief.SectionKind kind : org.councilbrief.brief.SectionKind.values()) {
                sections.add(new org.councilbrief.brief.Section(kind, List.of()));
            }
            BriefView view = new BriefComposer(Membership.shipped()).compose(new Brief("warm-up", "Warm-up", day,
                    org.councilbrief.brief.Updated.on(day), List.of("A brief to warm up the renderers."), sections,
                    List.of()));
            for (BriefRenderer r : BriefRenderers.all()) {
                r.render(view, java.io.OutputStream.nullOutputStream());
            }
            // The pictures' first drawing loads Batik, the PDF's SVG module (decision 0044).
            org.councilbrief.picture.Figure grid = org.councilbrief.picture.ActGrid.figure("warm-up", "Warm-up",
                    List.of(new org.councilbrief.picture.ActGrid.Member("FRA", "France")), List.of(),
                    List.of(new org.councilbrief.picture.ActGrid.Cell("FRA", "accountability", "calls-for")));
            org.councilbrief.brief.PdfRenderer.render(BriefPage.standalone(view, new org.councilbrief.brief
                    .BriefPictures(grid, Map.of())), java.io.OutputStream.nullOutputStream());
            BriefFigures.warmUp();
        } catch (java.io.IOException | RuntimeException e) {
            // Nothing is lost: the same work is done again, and reported, when the site is built.
        }
    }

    private java.util.Set<String> themesOf(UprRecommendation r) {
        return recommendationThemes.computeIfAbsent(r, key -> Crosswalk.INSTANCE.themes(key.text(),
                key.issues()));
    }

    /** Every path of the site. */
    public List<String> paths() {
        List<String> paths = new ArrayList<>(List.of("index.html", "feed.atom", FAVICON, "council/index.html",
                "themes/index.html", CALENDAR, CALENDAR_ICS));
        for (Map.Entry<Situation, LocalDate> e : situations()) {
            paths.add("briefs/" + e.getKey().id() + ".html");
            paths.add("situations/" + e.getKey().id() + ".html");
            for (BriefRenderer r : BriefRenderers.all()) {
                if (!r.format().equals("html")) {
                    paths.add("briefs/" + e.getKey().id() + "." + r.extension());
                }
            }
        }
        for (int year = Membership.FIRST_YEAR; year <= lastYear(); year++) {
            paths.add("council/" + year + ".html");
        }
        memberCodes().forEach(code -> paths.add("members/" + code + ".html"));
        Taxonomy.council().labels().forEach(l -> paths.add("themes/" + l.id() + ".html"));
        return paths;
    }

    /** Every file of the site, rendered in parallel (the PDF and the Word file take longest). */
    public List<SiteFile> build() throws AppException {
        return build(org.councilbrief.Progress.none());
    }

    /** {@link #build()}, counting the files rendered on {@code progress}. */
    public List<SiteFile> build(org.councilbrief.Progress progress) throws AppException {
        List<String> paths = paths();
        progress.stage("Rendering pages", paths.size());
        SiteFile[] files = new SiteFile[paths.size()];
        AppException[] failure = new AppException[1];
        java.util.stream.IntStream.range(0, paths.size()).parallel().forEach(i -> {
            try {
                files[i] = render(paths.get(i)).orElse(null);
            } catch (AppException e) {
                failure[0] = e;
            }
            progress.advance(1);
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return java.util.Arrays.stream(files).filter(java.util.Objects::nonNull).toList();
    }

    /** One file, or empty when the path is not part of the site. */
    public Optional<SiteFile> render(String path) throws AppException {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.isEmpty() || p.equals("index.html")) {
            return Optional.of(html("index.html", home()));
        }
        if (p.equals("feed.atom")) {
            return Optional.of(new SiteFile(p, "application/atom+xml; charset=utf-8",
                    feed().getBytes(StandardCharsets.UTF_8)));
        }
        if (p.equals(CALENDAR)) {
            return Optional.of(html(p, calendarPage()));
        }
        if (p.equals(CALENDAR_ICS)) {
            return Optional.of(new SiteFile(p, ICalendar.CONTENT_TYPE, ICalendar.write(calendar().events(),
                    today.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), "councilbrief: Security Council"
                            + " calendar").getBytes(StandardCharsets.UTF_8)));
        }
        if (p.equals(FAVICON)) {
            return Optional.of(new SiteFile(p, "image/svg+xml", favicon()));
        }
        if (p.equals("council/index.html")) {
            return Optional.of(html(p, council(today, true)));
        }
        if (p.equals("themes/index.html")) {
            return Optional.of(html(p, themes()));
        }
        String[] parts = p.split("/");
        if (parts.length != 2) {
            return Optional.empty();
        }
        String name = parts[1];
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String stem = name.substring(0, dot);
        String extension = name.substring(dot + 1);
        return switch (parts[0]) {
            case "briefs" -> brief(stem, extension);
            case "situations" -> extension.equals("html") ? situationPage(stem).map(page -> html(p, page))
                    : Optional.empty();
            case "council" -> stem.matches("\\d{4}") && extension.equals("html")
                    && Integer.parseInt(stem) >= Membership.FIRST_YEAR
                    && Integer.parseInt(stem) <= lastYear()
                    ? Optional.of(html(p, council(LocalDate.of(Integer.parseInt(stem), 6, 30), false)))
                    : Optional.empty();
            case "members" -> extension.equals("html") && membership.states().byCode(stem).isPresent()
                    ? Optional.of(html(p, member(membership.states().require(stem)))) : Optional.empty();
            case "themes" -> extension.equals("html") && Taxonomy.council().label(stem)
                    .filter(l -> l.id().equals(stem)).isPresent()
                    ? Optional.of(html(p, theme(Taxonomy.council().label(stem).orElseThrow()))) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private BriefRepository briefs() {
        return new BriefRepository(database.jdbi());
    }

    // What many pages read, read once per builder (a builder serves one request, or one export).
    private volatile List<StatementRepository.MeetingPosition> positions;
    private final Map<String, List<UprReview>> reviews = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile List<Map.Entry<Situation, LocalDate>> situations;

    private List<StatementRepository.MeetingPosition> positions() {
        if (positions == null) {
            // Only what Council members said: a state that spoke without sitting on the Council (the state concerned,
            // say) takes no Council position, even if an editor accepted its quote.
            positions = new StatementRepository(database.jdbi()).acceptedPositions().stream()
                    .filter(p -> onCouncil(p.position().stateCode(), p.date())).toList();
        }
        return positions;
    }

    private boolean onCouncil(String state, LocalDate date) {
        try {
            return membership.on(date).codes().contains(state);
        } catch (IllegalArgumentException e) {
            return false; // a date before 1946
        }
    }

    private List<UprReview> reviewsOf(String state) {
        return reviews.computeIfAbsent(state, s -> new UprRepository(database.jdbi()).reviewsOf(s));
    }

    /** The situations with a published brief, and the date of that brief. */
    private List<Map.Entry<Situation, LocalDate>> situations() {
        if (situations == null) {
            List<Map.Entry<Situation, LocalDate>> published = new ArrayList<>();
            for (Map.Entry<Situation, LocalDate> e : briefs().situationsWithBriefs()) {
                try {
                    // The name the public reads is the published version's: a rename waits for its publication.
                    published(e.getKey().id()).ifPresent(b -> published.add(Map.entry(new Situation(e.getKey().id(),
                            b.situationName(), e.getKey().stateCode()), b.asOf())));
                } catch (AppException ex) {
                    throw new IllegalStateException("a stored version of the brief on " + e.getKey().id()
                            + " cannot be read", ex);
                }
            }
            situations = published;
        }
        return situations;
    }

    private SiteFile html(String path, SitePage page) {
        StringOutput out = new StringOutput();
        TEMPLATES.render("site/page.jte", page, out);
        return new SiteFile(path, HTML, out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private SitePage home() {
        List<SitePage.Entry> entries = new ArrayList<>();
        Map<String, PlannedMeeting> next = new SituationRepository(database.jdbi()).nextMeetings(today);
        for (Map.Entry<Situation, LocalDate> e : situations()) {
            PlannedMeeting meeting = next.get(e.getKey().id());
            entries.add(new SitePage.Entry(e.getKey().name(), "briefs/" + e.getKey().id() + ".html",
                    "updated " + BriefComposer.DATE.format(e.getValue()) + "; next known meeting: " + (meeting == null
                            ? "none known" : BriefComposer.DATE.format(meeting.date()) + ", " + meeting.title())));
        }
        List<SitePage.Entry> meetings = new ArrayList<>();
        for (Map.Entry<Situation, LocalDate> e : situations()) {
            // Its own words, not the situation's bare name, which links to the brief above.
            meetings.add(new SitePage.Entry(e.getKey().name() + ": meetings and themes", "situations/"
                    + e.getKey().id() + ".html", null));
        }
        List<SitePage.Entry> coming = new ArrayList<>();
        for (CalendarEvent e : calendar().between(today, today.plusDays(NEXT_DAYS))) {
            coming.add(eventEntry(e));
        }
        String none = coming.isEmpty() ? "Nothing on the calendar in the next " + NEXT_DAYS + " days." : null;
        coming.add(new SitePage.Entry("The calendar", CALENDAR, "deadlines of mandates and sanctions, planned meetings"
                + " and UPR reviews, month by month"));
        List<SitePage.Block> blocks = new ArrayList<>(List.of(new SitePage.Block(null, entries,
                "No brief has been published yet.")));
        if (!meetings.isEmpty()) {
            blocks.add(new SitePage.Block("Meetings and themes", meetings, ""));
        }
        blocks.add(new SitePage.Block("The next " + NEXT_DAYS + " days", none, coming, ""));
        return new SitePage("councilbrief: human rights briefs for the Security Council",
                header("", PageHeader.SITUATIONS), "Situations",
                "Sourced briefs on the human rights dimensions of the situations on the Security Council's agenda.",
                blocks);
    }

    private volatile Calendar calendar;

    /** The calendar of the situations with a published brief, read once per builder. */
    private Calendar calendar() {
        if (calendar == null) {
            java.util.Set<String> published = new java.util.HashSet<>();
            situations().forEach(e -> published.add(e.getKey().id()));
            calendar = Calendar.read(new CalendarRepository(database.jdbi()), published);
        }
        return calendar;
    }

    private static final java.time.format.DateTimeFormatter MONTH = java.time.format.DateTimeFormatter.ofPattern(
            "MMMM yyyy", java.util.Locale.ENGLISH);

    /** The calendar page: what is coming month by month, the reviews not yet dated, and the last twelve months. */
    private SitePage calendarPage() {
        List<SitePage.Block> blocks = new ArrayList<>();
        blocks.add(new SitePage.Block("Subscribe", List.of(new SitePage.Entry("The calendar in iCalendar form",
                CALENDAR_ICS, "for a calendar program: every event, past and coming, kept up to date")), ""));
        Map<String, List<SitePage.Entry>> months = new java.util.LinkedHashMap<>();
        for (CalendarEvent e : calendar().events()) {
            if (!e.end().isBefore(today)) {
                months.computeIfAbsent(MONTH.format(e.start().isBefore(today) ? today : e.start()),
                        k -> new ArrayList<>()).add(eventEntry(e));
            }
        }
        if (months.isEmpty()) {
            blocks.add(new SitePage.Block("Coming", List.of(), "Nothing known is coming: no deadline read from the"
                    + " resolutions held, no meeting planned and no UPR review dated from today on."));
        }
        months.forEach((month, entries) -> blocks.add(new SitePage.Block(month, entries, "")));
        List<SitePage.Entry> undated = new ArrayList<>();
        for (Calendar.Expected x : calendar().unscheduled()) {
            undated.add(new SitePage.Entry(x.situationName() + ": UPR review expected in the Working Group's session "
                    + x.session(),
                    null, "its dates are not recorded yet"));
        }
        if (!undated.isEmpty()) {
            blocks.add(new SitePage.Block("UPR reviews not yet dated", undated, ""));
        }
        List<SitePage.Entry> earlier = new ArrayList<>();
        List<CalendarEvent> past = calendar().between(today.minusYears(1), today.minusDays(1)).stream()
                .filter(e -> e.end().isBefore(today)).toList();
        for (int i = past.size() - 1; i >= 0; i--) {
            earlier.add(eventEntry(past.get(i)));
        }
        blocks.add(new SitePage.Block("The last twelve months", earlier, "Nothing in the last twelve months."));
        return new SitePage("Calendar | councilbrief", header("", ""), "Calendar",
                "Deadlines that the Security Council's resolutions set for mandates, missions, panels of experts and"
                        + " sanctions, the meetings the editors have planned, and the Universal Periodic Reviews of"
                        + " the states on the agenda. Each line links to its source.", blocks);
    }

    /** An event as a line: its day or days and what happens, linked to its source, with the source and its words. */
    private static SitePage.Entry eventEntry(CalendarEvent e) {
        String when = e.start().equals(e.end()) ? BriefComposer.DATE.format(e.start())
                : e.start().getMonth() == e.end().getMonth() && e.start().getYear() == e.end().getYear()
                        ? e.start().getDayOfMonth() + "–" + BriefComposer.DATE.format(e.end())
                        : BriefComposer.DATE.format(e.start()) + " – " + BriefComposer.DATE.format(e.end());
        StringBuilder detail = new StringBuilder();
        if (e.source() != null) {
            detail.append(e.source());
        }
        if (e.detail() != null) {
            detail.append(detail.isEmpty() ? "" : "; ").append(e.detail());
        }
        return new SitePage.Entry(when + ": " + e.title(), e.href(), detail.isEmpty() ? null : detail.toString());
    }

    private Optional<Brief> published(String situation) throws AppException {
        return publishedVersion(situation).map(BriefWorkflow.Published::brief);
    }

    /** The published brief with what its pictures were drawn from when it was published, read once per builder. */
    private Optional<BriefWorkflow.Published> publishedVersion(String situation) throws AppException {
        Optional<BriefWorkflow.Published> brief = publishedBriefs.get(situation);
        if (brief == null) {
            brief = workflow.publishedVersion(situation);
            publishedBriefs.put(situation, brief);
        }
        return brief;
    }

    private Optional<SiteFile> brief(String situation, String extension) throws AppException {
        Optional<BriefWorkflow.Published> published = publishedVersion(situation);
        if (published.isEmpty()) {
            return Optional.empty();
        }
        Brief brief = published.get().brief();
        BriefView view = views.computeIfAbsent(situation, s -> composer.compose(brief));
        // The pictures as they were when the brief was published, not as editors have decided since (decision 0049).
        org.councilbrief.brief.BriefPictures drawn = extension.equals("html") || extension.equals("pdf")
                ? pictures.computeIfAbsent(situation, s -> new BriefFigures(new StatementRepository(database.jdbi()),
                        membership).of(brief, view, published.get().pictures()))
                : org.councilbrief.brief.BriefPictures.NONE;
        if (extension.equals("html")) {
            List<BriefPage.Download> downloads = new ArrayList<>();
            for (BriefRenderer r : BriefRenderers.all()) {
                if (!r.format().equals("html")) {
                    downloads.add(new BriefPage.Download(label(r.format()), situation + "." + r.extension()));
                }
            }
            return Optional.of(new SiteFile("briefs/" + situation + ".html", HTML,
                    HtmlRenderer.html(new BriefPage(view, header("../", ""), downloads, null, drawn,
                            new BriefPage.Link("The Council's meetings on " + view.situationName()
                                    + " and the themes raised at them", "../situations/" + situation + ".html")))
                            .getBytes(StandardCharsets.UTF_8)));
        }
        Optional<BriefRenderer> renderer = BriefRenderers.all().stream()
                .filter(r -> r.extension().equals(extension) && !r.format().equals("html")).findFirst();
        if (renderer.isEmpty()) {
            return Optional.empty();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (extension.equals("pdf")) {
                org.councilbrief.brief.PdfRenderer.render(BriefPage.standalone(view, drawn), bytes);
            } else {
                renderer.get().render(view, bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(new SiteFile("briefs/" + situation + "." + extension, renderer.get().contentType(),
                bytes.toByteArray()));
    }

    static String label(String format) {
        return switch (format) {
            case "pdf" -> "PDF";
            case "docx" -> "Word";
            case "md" -> "Markdown";
            case "json" -> "JSON";
            case "text" -> "Text";
            default -> format;
        };
    }

    private SitePage council(LocalDate on, boolean front) {
        Composition composition = membership.on(on);
        List<SitePage.Entry> members = new ArrayList<>();
        for (CouncilMember m : composition.members()) {
            members.add(new SitePage.Entry(m.state().name(), "../members/" + m.state().code()
                    + ".html", m.seat().id() + (m.groupings().isEmpty() ? "" : "; " + String.join(", ",
                            m.groupings()))));
        }
        List<SitePage.Entry> groupings = new ArrayList<>();
        composition.groupings().forEach((id, states) -> groupings.add(new SitePage.Entry(id, null,
                String.join(", ", states.stream().map(State::shortName).toList()))));
        List<SitePage.Entry> years = new ArrayList<>();
        for (int year = lastYear(); year >= Membership.FIRST_YEAR; year--) {
            years.add(new SitePage.Entry(String.valueOf(year), year + ".html", membership.complete(year) ? null
                    : "elected members not all recorded yet"));
        }
        List<SitePage.Block> blocks = new ArrayList<>(List.of(
                new SitePage.Block("Members", composition.gap().orElse(null), members, "No members.",
                        seats(composition, "on " + BriefComposer.DATE.format(on))),
                new SitePage.Block("Groupings", groupings, "No groupings.")));
        if (front) {
            blocks.add(new SitePage.Block("The Council in other years", years, ""));
        }
        String when = front ? "on " + BriefComposer.DATE.format(on) : "in " + on.getYear();
        int seats = composition.electedSeats();
        String intro = composition.complete()
                ? "Its " + composition.members().size() + " members: the five permanent members and the "
                        + composition.electedRecorded() + " elected for two years each."
                : "Its members recorded so far: the five permanent members and " + composition.electedRecorded()
                        + " of the " + seats + " elected for two years each. The other elected members of "
                        + on.getYear() + " are not recorded here yet.";
        return new SitePage("The Security Council " + when, header("../", PageHeader.COUNCIL),
                "The Security Council " + when, intro, blocks);
    }

    /**
     * The picture of the Council's seats on the composition's date: the permanent seats, then the elected ones, each
     * with its member's regional group and groupings beyond P5 and E10 (A3, A3+), and the elected seats whose member
     * is not recorded yet.
     */
    private Figure seats(Composition composition, String when) {
        List<Seats.Seat> seats = new ArrayList<>();
        for (Seat kind : List.of(Seat.PERMANENT, Seat.ELECTED)) {
            for (CouncilMember m : composition.members()) {
                if (m.seat() != kind) {
                    continue;
                }
                String term = membership.terms().stream().filter(t -> t.code().equals(m.state().code())
                        && t.seat() == kind && t.covers(composition.date())).map(Term::period).findFirst()
                        .orElse(null);
                seats.add(new Seats.Seat(m.state().label(), m.state().name(), kind == Seat.PERMANENT,
                        m.state().group(), m.groupings().stream().filter(g -> !g.equals("P5")
                                && !g.matches("E\\d+")).toList(), term));
            }
        }
        for (int i = composition.electedRecorded(); i < composition.electedSeats(); i++) {
            seats.add(Seats.Seat.unrecorded());
        }
        return Seats.figure("council-seats", when, seats);
    }

    /** The picture of a state's terms on the Council, along the years the site has pages for. */
    private Figure terms(State state) {
        List<Terms.Span> spans = membership.terms().stream().filter(t -> t.code().equals(state.code()))
                .sorted(java.util.Comparator.comparing(Term::first))
                .map(t -> new Terms.Span(t.period(), t.seat() == Seat.PERMANENT, t.first(), t.last())).toList();
        return Terms.figure("council-terms", capitalize(state.shortName()), spans, Membership.FIRST_YEAR, lastYear());
    }

    /**
     * A situation's page: its meetings and the themes raised at them (issue 14, item 3), from the positions editors
     * accepted; empty when the situation has no published brief.
     */
    private Optional<SitePage> situationPage(String id) {
        Optional<Situation> found = situations().stream().map(Map.Entry::getKey).filter(s -> s.id().equals(id))
                .findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Situation situation = found.get();
        List<Meeting> meetings = new SiteRepository(database.jdbi()).meetings(id);
        List<StatementRepository.MeetingPosition> here = positions().stream()
                .filter(p -> id.equals(p.situation())).toList();
        List<SitePage.Block> blocks = new ArrayList<>();
        blocks.add(new SitePage.Block("The brief", List.of(new SitePage.Entry("The human rights brief on "
                + situation.name(), "../briefs/" + id + ".html", null)), ""));
        actGrid(situation, meetings, here).ifPresent(blocks::add);
        blocks.add(new SitePage.Block("Themes raised, meeting by meeting", REVIEWED, List.of(),
                "No reviewed position at the meetings recorded yet.", themeTimeline(situation, meetings, here)));
        List<SitePage.Entry> meetingEntries = new ArrayList<>();
        for (Meeting m : meetings) {
            long n = here.stream().filter(p -> p.meeting().equals(m.symbol())).count();
            meetingEntries.add(new SitePage.Entry(m.symbol(), Symbols.tryParse(m.symbol())
                    .map(s -> s.url().toString()).orElse(null), BriefComposer.DATE.format(m.date())
                            + (m.topic() == null ? "" : ", " + m.topic()) + "; " + count(Math.toIntExact(n),
                                    "reviewed position")));
        }
        blocks.add(new SitePage.Block("Meetings", meetingEntries, "No meeting on " + situation.name()
                + " recorded yet."));
        return Optional.of(new SitePage(situation.name() + ": meetings and themes | councilbrief",
                header("../", ""), situation.name() + ": the Council's meetings", "The Security Council's meetings on "
                        + situation.name() + " recorded here, and the human-rights themes its members raised at them.",
                blocks));
    }

    /**
     * Who said what at a situation's meetings over the period they cover (issue 14, item 1): the same grid as a
     * brief's, each cell every act a member took on a theme at any of the meetings, from the positions editors
     * accepted; the rows are the states that sat on the Council at any of them, in the brief's order of names. Empty
     * when no position was accepted.
     */
    private Optional<SitePage.Block> actGrid(Situation situation, List<Meeting> meetings,
            List<StatementRepository.MeetingPosition> positions) {
        List<Meeting> dated = meetings.stream().filter(m -> m.date() != null)
                .sorted(java.util.Comparator.comparing(Meeting::date)).toList();
        Set<String> symbols = dated.stream().map(Meeting::symbol).collect(java.util.stream.Collectors.toSet());
        List<ActGrid.Cell> cells = positions.stream().filter(p -> symbols.contains(p.meeting()))
                .map(p -> new ActGrid.Cell(p.position().stateCode(), p.position().theme(), p.position().act().id()))
                .toList();
        if (cells.isEmpty()) {
            return Optional.empty();
        }
        Map<String, State> sat = new java.util.LinkedHashMap<>();
        dated.forEach(m -> membership.on(m.date()).members().forEach(x -> sat.putIfAbsent(x.state().code(),
                x.state())));
        List<ActGrid.Member> members = sat.values().stream().sorted(java.util.Comparator.comparing(State::sortKey))
                .map(x -> new ActGrid.Member(x.code(), x.label())).toList();
        String from = BriefComposer.DATE.format(dated.get(0).date());
        String to = BriefComposer.DATE.format(dated.get(dated.size() - 1).date());
        String period = from.equals(to) ? "on " + from : "from " + from + " to " + to;
        Figure grid = ActGrid.figure("situation-who-said-what", "Who said what at the Council's meetings on "
                + situation.name() + " " + period + " (" + count(dated.size(), "meeting") + "): the acts of each "
                + "member on each theme it raised, from the positions reviewed by the editors", members,
                BriefFigures.themes(), cells);
        return Optional.of(new SitePage.Block("Who said what over the period", REVIEWED, List.of(), "", grid));
    }

    /**
     * The themes raised at a situation's meetings, meeting by meeting: for each theme, how many members raised it at
     * each meeting (each member once, however many of its positions are on the theme); null when none was raised.
     */
    private static Figure themeTimeline(Situation situation, List<Meeting> meetings,
            List<StatementRepository.MeetingPosition> positions) {
        Map<String, Map<String, Set<String>>> members = new java.util.HashMap<>();
        for (StatementRepository.MeetingPosition p : positions) {
            members.computeIfAbsent(p.position().theme(), t -> new java.util.HashMap<>())
                    .computeIfAbsent(p.meeting(), m -> new java.util.HashSet<>()).add(p.position().stateCode());
        }
        if (members.isEmpty()) {
            return null;
        }
        List<String> order = new ArrayList<>(Taxonomy.council().labels().stream().map(ThemeLabel::id)
                .filter(members::containsKey).toList());
        members.keySet().stream().filter(t -> !order.contains(t)).sorted().forEach(order::add);
        List<Meeting> shown = meetings.stream().filter(m -> m.date() != null).toList();
        List<ThemeTimeline.Theme> themes = new ArrayList<>();
        for (String theme : order) {
            Map<String, Set<String>> byMeeting = members.get(theme);
            themes.add(new ThemeTimeline.Theme(themeName(theme), shown.stream()
                    .map(m -> byMeeting.getOrDefault(m.symbol(), Set.of()).size()).toList()));
        }
        return ThemeTimeline.figure("situation-themes", situation.name(), shown.stream()
                .map(m -> new ThemeTimeline.Meeting(m.symbol(), m.date())).toList(), themes);
    }

    /** Every state that has sat on the Council (each year's page links to its members) or has taken a position. */
    private Set<String> memberCodes() {
        Set<String> codes = new TreeSet<>(Membership.PERMANENT);
        membership.terms().forEach(t -> codes.add(t.code()));
        for (StatementRepository.MeetingPosition p : positions()) {
            codes.add(p.position().stateCode());
        }
        return codes;
    }

    private SitePage member(State state) {
        List<SitePage.Entry> positionEntries = new ArrayList<>();
        for (StatementRepository.MeetingPosition p : positions()) {
            if (p.position().stateCode().equals(state.code())) {
                positionEntries.add(positionEntry(p, "../"));
            }
        }
        List<SitePage.Entry> recommendations = new ArrayList<>();
        List<SitePage.Entry> comparison = new ArrayList<>();
        List<ThemePairs.Pair> pairs = new ArrayList<>();
        for (Map.Entry<Situation, LocalDate> e : situations()) {
            Situation situation = e.getKey();
            if (situation.stateCode() == null) {
                continue;
            }
            for (UprReview review : reviewsOf(situation.stateCode())) {
                for (UprRecommendation r : review.recommendations()) {
                    if (r.recommendingStates().contains(state.code())) {
                        recommendations.add(new SitePage.Entry(r.text(), reportUrl(review), situation.name() + ", "
                                + reviewLabel(review) + (r.paragraph() == null ? "" : ", para " + r.paragraph())
                                + (r.response() == null ? "" : ", " + r.response())));
                    }
                }
            }
            // The Geneva-New York view, from what this builder has read already, theme by theme in order of name.
            List<StatementRepository.MeetingPosition> here = positions().stream()
                    .filter(p -> p.position().stateCode().equals(state.code()) && situation.id().equals(p.situation()))
                    .toList();
            List<GenevaNewYork.Row> rows = new ArrayList<>(GenevaNewYork.rows(state.code(),
                    reviewsOf(situation.stateCode()), here, this::themesOf));
            rows.sort(java.util.Comparator.comparing(GenevaNewYork.Row::theme));
            for (GenevaNewYork.Row row : rows) {
                pairs.add(new ThemePairs.Pair(themeName(row.theme()), situation.name(), row.geneva().size(),
                        row.newYork().size()));
                comparison.add(new SitePage.Entry(themeName(row.theme()), "../themes/" + row.theme() + ".html",
                        situation.name() + ": " + switch (row.where()) {
                            case "both" -> "raised in Geneva and in New York";
                            case "geneva" -> "raised in Geneva only";
                            default -> "raised in New York only";
                        } + " (" + count(row.geneva().size(), "recommendation") + ", "
                                + count(row.newYork().size(), "reviewed position") + ")"));
            }
        }
        Figure pairsFigure = pairs.isEmpty() ? null : ThemePairs.figure("geneva-new-york",
                capitalize(state.shortName()), pairs);
        return new SitePage(state.name() + " | councilbrief", header("../", ""), state.name(), councilLine(state),
                List.of(new SitePage.Block("Geneva and New York, theme by theme", null, comparison,
                        "No UPR recommendation or reviewed Council position of " + state.shortName()
                                + " on the situations with a brief.", pairsFigure),
                new SitePage.Block("Terms on the Security Council", null, List.of(), "", terms(state)),
                new SitePage.Block("Positions at Council meetings", REVIEWED, positionEntries,
                        "No reviewed position yet."),
                new SitePage.Block("UPR recommendations to the states on the agenda", recommendations,
                        "No recommendation recorded.")));
    }

    private String councilLine(State state) {
        Composition composition = membership.on(today);
        String day = BriefComposer.DATE.format(today);
        if (composition.isMember(state.code())) {
            return "A member of the Security Council on " + day + ".";
        }
        return composition.complete() ? "Not a member of the Security Council on " + day + "."
                : "Not among the members of the Security Council recorded for " + day + ": the elected members for "
                        + today.getYear() + " are not all recorded yet.";
    }

    private SitePage themes() {
        List<SitePage.Entry> entries = new ArrayList<>();
        for (ThemeLabel label : Taxonomy.council().labels()) {
            entries.add(new SitePage.Entry(label.name(), label.id() + ".html", label.definition()));
        }
        return new SitePage("Themes | councilbrief", header("../", PageHeader.THEMES), "Themes",
                "The human-rights themes Council members raise, with the statements and UPR recommendations on each.",
                List.of(new SitePage.Block(null, entries, "")));
    }

    private SitePage theme(ThemeLabel label) {
        List<SitePage.Entry> positions = new ArrayList<>();
        for (StatementRepository.MeetingPosition p : positions()) {
            if (p.position().theme().equals(label.id())) {
                positions.add(positionEntry(p, "../"));
            }
        }
        List<SitePage.Entry> recommendations = new ArrayList<>();
        for (Map.Entry<Situation, LocalDate> e : situations()) {
            if (e.getKey().stateCode() == null) {
                continue;
            }
            for (UprReview review : reviewsOf(e.getKey().stateCode())) {
                for (UprRecommendation r : review.recommendations()) {
                    if (themesOf(r).contains(label.id())) {
                        recommendations.add(new SitePage.Entry(r.text(), reportUrl(review),
                                String.join(", ", r.recommendingStates().stream()
                                        .map(c -> membership.states().require(c).shortName()).toList())
                                        + " to " + e.getKey().name() + ", " + reviewLabel(review)));
                    }
                }
            }
        }
        return new SitePage(label.name() + " | councilbrief", header("../", ""), capitalize(label.name()),
                label.definition(), List.of(new SitePage.Block("Positions at Council meetings", REVIEWED, positions,
                        "No reviewed position yet."),
                        new SitePage.Block("UPR recommendations to the states on the agenda", recommendations,
                                "No recommendation recorded.")));
    }

    private SitePage.Entry positionEntry(StatementRepository.MeetingPosition p, String root) {
        String member = membership.states().byCode(p.position().stateCode()).map(State::shortName)
                .orElse(p.position().stateCode());
        return new SitePage.Entry("“" + p.position().evidence() + "”",
                Symbols.tryParse(p.source()).map(s -> s.url().toString()).orElse(null),
                capitalize(member) + ", " + p.position().act().id().replace('-', ' ') + " (" + themeName(p.position()
                        .theme()) + "), " + p.meeting() + (p.pressRelease() == null ? "" : " as summarised in "
                        + p.pressRelease()) + ", " + BriefComposer.DATE.format(p.date()));
    }

    private PageHeader header(String root, String current) {
        return PageHeader.site(root, login, current);
    }

    private static byte[] favicon() {
        try (java.io.InputStream in = SiteBuilder.class.getResourceAsStream(FAVICON)) {
            if (in == null) {
                throw new IllegalStateException(FAVICON + " is missing from the application");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String themeName(String id) {
        return Taxonomy.council().label(id).map(ThemeLabel::name).orElse(id);
    }

    private static String reportUrl(UprReview review) {
        return review.report() == null ? null
                : Symbols.tryParse(review.report()).map(s -> s.url().toString()).orElse(null);
    }

    private static String reviewLabel(UprReview review) {
        return "UPR " + review.date().getYear() + (review.report() == null ? "" : " (" + review.report() + ")");
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** RFC 3339 in UTC with seconds always, as Atom's date constructs ask: 2026-11-27T10:15:00Z. */
    static final java.time.format.DateTimeFormatter ATOM_TIME = org.councilbrief.AtomFeed.TIME;

    /**
     * The Atom feed: one entry per published brief, newest first, dated when it was published (the stored times are
     * UTC), written by {@link org.councilbrief.AtomFeed} (decision 0035).
     */
    private String feed() {
        record Update(Situation situation, LocalDate asOf, String updated) {
        }
        List<Update> updates = new ArrayList<>();
        for (Map.Entry<Situation, LocalDate> e : situations()) {
            String updated = workflow.publishedAt(e.getKey().id()).map(ATOM_TIME::format)
                    .orElse(ATOM_TIME.format(e.getValue().atStartOfDay()));
            updates.add(new Update(e.getKey(), e.getValue(), updated));
        }
        updates.sort(java.util.Comparator.comparing(Update::updated).reversed());
        String updated = updates.isEmpty() ? ATOM_TIME.format(today.atStartOfDay()) : updates.get(0).updated();
        List<org.councilbrief.AtomFeed.Entry> entries = new ArrayList<>();
        for (Update u : updates) {
            String id = u.situation().id();
            entries.add(new org.councilbrief.AtomFeed.Entry(u.situation().name() + ": human rights brief",
                    "tag:councilbrief.org,2026:brief/" + id + "/" + u.updated(), u.updated(), "briefs/" + id + ".html",
                    "The brief on " + u.situation().name() + ", as of " + BriefComposer.DATE.format(u.asOf()) + "."));
        }
        return new org.councilbrief.AtomFeed("councilbrief: brief updates", "tag:councilbrief.org,2026:briefs", updated,
                "index.html", entries).xml();
    }

    /** The text without the characters XML 1.0 cannot hold ({@link org.councilbrief.AtomFeed#xmlText}). */
    static String xmlText(String text) {
        return org.councilbrief.AtomFeed.xmlText(text);
    }
}
