package org.councilbrief.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.councilbrief.council.CouncilRepository;
import org.councilbrief.council.Membership;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The texts the search finds, read from the database (decision 0039): speeches and positions by meeting, press-summary
 * paragraphs and their positions by press release, UPR recommendations by review, resolution paragraphs by symbol,
 * and briefs by situation (their paragraphs as the public reads them, given by {@code briefs}). Each group's
 * signature is made of counts, sums of ids and lengths and the fields its texts' facets come from (for positions, the
 * Council's composition too, which decides whether the public finds them), so that any import or edit changes it; the
 * {@link #STAMP} that says when to compare them costs a few index lookups. Also the pages that show one meeting's
 * speeches, one press summary, one review's recommendations or one resolution, paragraph by paragraph, each with the
 * anchor a hit links to.
 */
public final class SearchRepository implements SearchSource {
    /** Above this many groups, a kind's texts are read in one pass over its table rather than group by group. */
    private static final int BY_GROUP = 200;
    private final Jdbi jdbi;
    private final Function<String, List<SearchText>> briefs;
    private final BiFunction<String, String, Set<String>> recommendationThemes;

    /**
     * @param briefs a situation's published brief as texts (its paragraphs), none when it has none
     * @param recommendationThemes the Council themes of a recommendation, from its text and its UPR Info issues
     */
    public SearchRepository(Jdbi jdbi, Function<String, List<SearchText>> briefs,
            BiFunction<String, String, Set<String>> recommendationThemes) {
        this.jdbi = jdbi;
        this.briefs = briefs;
        this.recommendationThemes = recommendationThemes;
    }

    /** A symbol, review id or release number as a file name: what is not a letter, digit, . ( ) or - becomes _. */
    public static String fileName(String key) {
        return key.replaceAll("[^A-Za-z0-9.()\\-]", "_");
    }

    /**
     * The ids among the last this many of a table that the stamp counts: a transaction that took its id before
     * another's and commits after it is seen, as long as fewer ids than this were taken between the two.
     */
    static final int WINDOW = 500;

    /** The highest id of a table and how many rows its last {@link #WINDOW} ids hold: a range of its key. */
    private static String recent(String table) {
        return "(select count(*) || ':' || coalesce(max(id), 0) from " + table + " where id > (select coalesce(max(id),"
                + " 0) from " + table + ") - " + WINDOW + ")";
    }

    /**
     * The stamp's query: index lookups only, whatever the tables hold (docs/benchmarks.md). Every write that changes
     * what the search finds either logs itself (an import in import_log and change_log; a position decided or
     * edited, a meeting put on a situation, a Council term recorded or removed in change_log) or adds rows with new
     * ids (a brief saved is a new brief row, each version a new brief_revision row; positions, statements and
     * recommendations added outside an import). Deletions happen only inside those writes (a re-import replacing a
     * document's rows, a brief replaced). Situations and Council terms, small tables, are counted: the shipped terms a
     * new version adds are written without a log line.
     */
    static final String STAMP = "select " + String.join(" || '/' || ", recent("change_log"), recent("import_log"),
            recent("position"), recent("statement"), recent("upr_recommendation"), recent("brief"),
            recent("brief_revision"), "(select count(*) from situation)", "(select count(*) from council_term)");

    @Override
    public String stamp() {
        return jdbi.withHandle(h -> h.createQuery(STAMP).mapTo(String.class).one());
    }

    @Override
    public Map<String, String> signatures() {
        return jdbi.withHandle(h -> {
            Map<String, String> s = new HashMap<>();
            // Whether the public finds a position depends on the Council's composition on its meeting's day.
            String council = councilDigest(h);
            Map<String, String> meetingPositions = pairs(h, """
                    select s.meeting_symbol, count(*) || ':' || coalesce(sum(p.id * (case p.status when 'ACCEPTED'
                    then 7 when 'REJECTED' then 3 else 1 end)), 0) || ':' || coalesce(sum(length(p.theme)
                    + length(p.act) + length(p.evidence)), 0) from position p join statement s on s.id = p.statement_id
                    group by s.meeting_symbol""");
            Map<String, String> speeches = pairs(h, """
                    select meeting_symbol, count(*) || ':' || coalesce(sum(id), 0) || ':'
                    || coalesce(sum(length(body)), 0) from statement group by meeting_symbol""");
            pairs(h, """
                    select symbol, coalesce(situation_id, '') || ':' || cast(meeting_date as varchar(20)) || ':'
                    || coalesce(topic, '') from meeting""").forEach((m, sig) -> s.put("meeting:" + m, sig + "/"
                    + speeches.getOrDefault(m, "") + "/" + withCouncil(meetingPositions.get(m), council)));
            Map<String, String> pressPositions = pairs(h, """
                    select press_release, count(*) || ':' || coalesce(sum(id * (case status when 'ACCEPTED' then 7
                    when 'REJECTED' then 3 else 1 end)), 0) || ':' || coalesce(sum(length(theme) + length(act)
                    + length(evidence)), 0) from position where press_release is not null group by press_release""");
            Map<String, String> paragraphs = pairs(h, """
                    select press_release, count(*) || ':' || coalesce(sum(length(body)), 0) || ':'
                    || coalesce(sum(length(coalesce(state_code, ''))), 0) from press_paragraph
                    group by press_release""");
            pairs(h, """
                    select r.number, coalesce(r.meeting_symbol, '') || ':' || coalesce(m.situation_id, '') || ':'
                    || coalesce(cast(coalesce(r.meeting_date, m.meeting_date) as varchar(20)), '') || ':'
                    || coalesce(cast(m.meeting_date as varchar(20)), '')
                    from press_release r left join meeting m on m.symbol = r.meeting_symbol""")
                    .forEach((r, sig) -> s.put("press:" + r, sig + "/" + paragraphs.getOrDefault(r, "") + "/"
                            + withCouncil(pressPositions.get(r), council)));
            Map<String, String> situationsByState = situationsByState(h);
            Map<String, String> recommendations = pairs(h, """
                    select review_id, count(*) || ':' || coalesce(sum(id), 0) || ':' || coalesce(sum(length(body)
                    + length(coalesce(issues, '')) + length(coalesce(response, ''))), 0) from upr_recommendation
                    group by review_id""");
            h.createQuery("select id, state_under_review, cast(review_date as varchar(20)) from upr_review")
                    .map((rs, ctx) -> {
                        s.put("upr:" + rs.getString(1), rs.getString(2) + ":" + rs.getString(3) + ":"
                                + situationsByState.getOrDefault(rs.getString(2), "") + "/"
                                + recommendations.getOrDefault(rs.getString(1), ""));
                        return 0;
                    }).list();
            pairs(h, """
                    select p.symbol, count(*) || ':' || coalesce(sum(length(p.body)), 0) || ':'
                    || coalesce(sum(p.number), 0) from resolution_paragraph p group by p.symbol""")
                    .forEach((r, sig) -> s.put("resolution:" + r, sig));
            Map<String, String> revisions = pairs(h, """
                    select situation_id, count(*) || ':' || max(id) from brief_revision group by situation_id""");
            pairs(h, """
                    select b.situation_id, b.version || ':' || b.status || ':' || s.name from brief b
                    join situation s on s.id = b.situation_id""").forEach((b, sig) -> s.put("brief:" + b, sig + "/"
                    + revisions.getOrDefault(b, "")));
            return s;
        });
    }

    private static String withCouncil(String positions, String council) {
        return positions == null ? "" : positions + "/" + council;
    }

    /** A digest of the Council terms recorded: it changes when a term is recorded, removed or seeded. */
    private static String councilDigest(Handle h) {
        StringBuilder b = new StringBuilder();
        h.createQuery("""
                select state_code, seat, cast(first_day as varchar(20)), coalesce(cast(last_day as varchar(20)), '')
                from council_term where not removed order by state_code, first_day""").map((rs, ctx) -> b.append(
                        rs.getString(1)).append(',').append(rs.getString(2)).append(',').append(rs.getString(3))
                        .append(',').append(rs.getString(4)).append(';')).list();
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(
                    b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * Who sat on the Council on a day, as the public site reads it (Exports and SiteBuilder do the same): a position is
     * public once accepted and taken by a state that sat on the Council on its meeting's day.
     */
    private final class Council {
        private Membership membership;
        private final Map<LocalDate, Set<String>> members = new HashMap<>();

        boolean sat(String state, LocalDate date) {
            if (date == null || state == null) {
                return false;
            }
            if (membership == null) {
                membership = new CouncilRepository(jdbi).membership();
            }
            return members.computeIfAbsent(date, d -> {
                try {
                    return membership.on(d).codes();
                } catch (IllegalArgumentException e) {
                    return Set.of(); // a date before 1946
                }
            }).contains(state);
        }

        /** Whether the public site shows the position: accepted, by a state on the Council that day. */
        boolean shows(Pos p, LocalDate meetingDate) {
            return p.status().equals("ACCEPTED") && sat(p.state(), meetingDate);
        }
    }

    private static Map<String, String> pairs(Handle h, String sql) {
        Map<String, String> m = new HashMap<>();
        h.createQuery(sql).map((rs, ctx) -> m.put(rs.getString(1), rs.getString(2))).list();
        return m;
    }

    private static Map<String, String> situationsByState(Handle h) {
        Map<String, TreeSet<String>> by = new HashMap<>();
        h.createQuery("select id, state_code from situation where state_code is not null").map((rs, ctx) -> by
                .computeIfAbsent(rs.getString(2), k -> new TreeSet<>()).add(rs.getString(1))).list();
        Map<String, String> m = new HashMap<>();
        by.forEach((k, v) -> m.put(k, String.join(",", v)));
        return m;
    }

    @Override
    public void texts(Set<String> groups, Consumer<SearchText> sink) {
        Map<String, List<String>> byKind = new HashMap<>();
        for (String g : groups) {
            int colon = g.indexOf(':');
            byKind.computeIfAbsent(g.substring(0, colon), k -> new ArrayList<>()).add(g.substring(colon + 1));
        }
        Council council = new Council();
        jdbi.useHandle(h -> {
            Map<String, String> states = stateNames(h);
            if (byKind.containsKey("meeting")) {
                meetings(h, byKind.get("meeting"), states, council, sink);
            }
            if (byKind.containsKey("press")) {
                press(h, byKind.get("press"), states, council, sink);
            }
            if (byKind.containsKey("upr")) {
                recommendations(h, byKind.get("upr"), states, sink);
            }
            if (byKind.containsKey("resolution")) {
                resolutions(h, byKind.get("resolution"), sink);
            }
        });
        for (String situation : byKind.getOrDefault("brief", List.of())) {
            briefs.apply(situation).forEach(sink);
        }
    }

    /** A condition on {@code column} for these keys, or none when there are too many to list. */
    private static String where(String column, List<String> keys) {
        return keys.size() > BY_GROUP ? "" : " where " + column + " in (<keys>)";
    }

    private static org.jdbi.v3.core.statement.Query bindKeys(org.jdbi.v3.core.statement.Query q, List<String> keys) {
        return keys.size() > BY_GROUP ? q : q.bindList("keys", keys);
    }

    private static Map<String, String> stateNames(Handle h) {
        return pairs(h, "select code, short_name from state");
    }

    private record Pos(long id, Long statement, String press, Integer paragraph, String state, String act,
            String theme, String evidence, String status, String meeting, Integer speech) {
    }

    private static List<Pos> positions(Handle h, String where, List<String> keys) {
        return bindKeys(h.createQuery("""
                select p.id, p.statement_id, p.press_release, p.press_paragraph, p.state_code, p.act, p.theme,
                p.evidence, p.status, s.meeting_symbol, s.speech_index from position p
                left join statement s on s.id = p.statement_id""" + where), keys).map((rs, ctx) -> new Pos(
                        rs.getLong(1), (Long) rs.getObject(2, Long.class), rs.getString(3),
                        (Integer) rs.getObject(4, Integer.class), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9), rs.getString(10), (Integer) rs.getObject(11,
                                Integer.class))).list();
    }

    private record MeetingRow(String situation, LocalDate date) {
    }

    private void meetings(Handle h, List<String> keys, Map<String, String> states, Council council,
            Consumer<SearchText> sink) {
        Set<String> wanted = Set.copyOf(keys);
        Map<String, MeetingRow> meetings = new HashMap<>();
        bindKeys(h.createQuery("select symbol, situation_id, meeting_date from meeting" + where("symbol", keys)), keys)
                .map((rs, ctx) -> meetings.put(rs.getString(1), new MeetingRow(rs.getString(2),
                        rs.getObject(3, LocalDate.class)))).list();
        Map<Long, Set<String>> themes = new HashMap<>();
        for (Pos p : positions(h, keys.size() > BY_GROUP ? " where p.statement_id is not null"
                : " where s.meeting_symbol in (<keys>)", keys)) {
            MeetingRow m = meetings.get(p.meeting());
            if (m == null || !wanted.contains(p.meeting())) {
                continue;
            }
            boolean shown = council.shows(p, m.date());
            if (shown) {
                themes.computeIfAbsent(p.statement(), k -> new TreeSet<>()).add(p.theme());
            }
            sink.accept(position(p, "meeting:" + p.meeting(), "meetings/" + fileName(p.meeting()) + ".html#speech-"
                    + p.speech(), p.meeting(), m.situation(), m.date(), states, shown));
        }
        bindKeys(h.createQuery("select id, meeting_symbol, speech_index, speaker, state_code, body from statement"
                + where("meeting_symbol", keys)), keys).map((rs, ctx) -> {
                    String meeting = rs.getString(2);
                    MeetingRow m = meetings.get(meeting);
                    if (m == null || !wanted.contains(meeting)) {
                        return 0;
                    }
                    String state = rs.getString(5);
                    String speaker = rs.getString(4) + (state == null ? "" : " (" + states.getOrDefault(state, state)
                            + ")");
                    sink.accept(new SearchText("speech:" + rs.getLong(1), "meeting:" + meeting, "speech", speaker
                            + ", " + meeting + (m.date() == null ? "" : ", " + m.date()), "meetings/"
                            + fileName(meeting) + ".html#speech-" + rs.getInt(3), rs.getString(6), m.situation(),
                            state == null ? List.of() : List.of(state), List.copyOf(themes.getOrDefault(rs.getLong(1),
                                    Set.of())), m.date() == null ? null : m.date().getYear(), true));
                    return 0;
                }).list();
    }

    /** A position as a text; {@code shown}: whether the public site shows it (see {@link Council#shows}). */
    private static SearchText position(Pos p, String group, String url, String source, String situation,
            LocalDate date, Map<String, String> states, boolean shown) {
        String status = p.status().toLowerCase(java.util.Locale.ROOT);
        String title = states.getOrDefault(p.state(), p.state()) + " " + p.act().replace('-', ' ') + ": "
                + p.theme().replace('-', ' ') + " (" + source + (p.status().equals("ACCEPTED") ? "" : ", " + status)
                + ")";
        return new SearchText("position:" + p.id(), group, "position", title, url, p.evidence(), situation,
                List.of(p.state()), List.of(p.theme()), date == null ? null : date.getYear(), shown);
    }

    private void press(Handle h, List<String> keys, Map<String, String> states, Council council,
            Consumer<SearchText> sink) {
        Set<String> wanted = Set.copyOf(keys);
        // meetingDay: the day of the meeting the summary is of, when that meeting is imported; the public site shows
        // a summary's positions only then (they are listed with the meeting's).
        record Release(String meeting, String situation, LocalDate date, LocalDate meetingDay) {
        }
        Map<String, Release> releases = new HashMap<>();
        bindKeys(h.createQuery("""
                select r.number, r.meeting_symbol, m.situation_id, coalesce(r.meeting_date, m.meeting_date),
                m.meeting_date from press_release r left join meeting m on m.symbol = r.meeting_symbol"""
                + where("r.number", keys)), keys).map((rs, ctx) -> releases.put(rs.getString(1), new Release(
                        rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class), rs.getObject(5,
                                LocalDate.class)))).list();
        Map<String, Set<String>> themes = new HashMap<>();
        for (Pos p : positions(h, keys.size() > BY_GROUP ? " where p.press_release is not null"
                : " where p.press_release in (<keys>)", keys)) {
            Release r = releases.get(p.press());
            if (r == null || !wanted.contains(p.press())) {
                continue;
            }
            boolean shown = council.shows(p, r.meetingDay());
            if (shown) {
                themes.computeIfAbsent(p.press() + "#" + p.paragraph(), k -> new TreeSet<>()).add(p.theme());
            }
            sink.accept(position(p, "press:" + p.press(), "press/" + fileName(p.press()) + ".html#paragraph-"
                    + p.paragraph(), p.press(), r.situation(), r.date(), states, shown));
        }
        bindKeys(h.createQuery("select press_release, position, speaker, state_code, body from press_paragraph"
                + where("press_release", keys)), keys).map((rs, ctx) -> {
                    String number = rs.getString(1);
                    Release r = releases.get(number);
                    if (r == null || !wanted.contains(number)) {
                        return 0;
                    }
                    String state = rs.getString(4);
                    String who = rs.getString(3) != null ? rs.getString(3) : state != null
                            ? states.getOrDefault(state, state) : "Summary";
                    sink.accept(new SearchText("press:" + number + ":" + rs.getInt(2), "press:" + number, "press",
                            who + ", press summary " + number + (r.date() == null ? "" : ", " + r.date()), "press/"
                            + fileName(number) + ".html#paragraph-" + rs.getInt(2), rs.getString(5), r.situation(),
                            state == null ? List.of() : List.of(state), List.copyOf(themes.getOrDefault(number + "#"
                                    + rs.getInt(2), Set.of())), r.date() == null ? null : r.date().getYear(), true));
                    return 0;
                }).list();
    }

    private void recommendations(Handle h, List<String> keys, Map<String, String> states,
            Consumer<SearchText> sink) {
        Set<String> wanted = Set.copyOf(keys);
        record Review(String state, int cycle, LocalDate date) {
        }
        Map<String, Review> reviews = new HashMap<>();
        bindKeys(h.createQuery("select id, state_under_review, cycle, review_date from upr_review" + where("id", keys)),
                keys).map((rs, ctx) -> reviews.put(rs.getString(1), new Review(rs.getString(2), rs.getInt(3),
                        rs.getObject(4, LocalDate.class)))).list();
        Map<String, List<String>> situations = new HashMap<>();
        h.createQuery("select id, state_code from situation where state_code is not null order by id").map((rs, ctx) ->
                situations.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(1))).list();
        Map<Long, List<String>> recommending = new HashMap<>();
        bindKeys(h.createQuery("""
                select rs.recommendation_id, rs.state_code from upr_recommendation_state rs
                join upr_recommendation r on r.id = rs.recommendation_id""" + where("r.review_id", keys)
                + " order by rs.recommendation_id, rs.position"), keys).map((rs, ctx) -> recommending
                        .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2))).list();
        bindKeys(h.createQuery("select id, review_id, position, body, issues, response from upr_recommendation"
                + where("review_id", keys)), keys).map((rs, ctx) -> {
                    String id = rs.getString(2);
                    Review r = reviews.get(id);
                    if (r == null || !wanted.contains(id)) {
                        return 0;
                    }
                    List<String> by = recommending.getOrDefault(rs.getLong(1), List.of());
                    List<String> places = situations.getOrDefault(r.state(), List.of());
                    String title = "Recommendation by " + (by.isEmpty() ? "a state" : String.join(", ", by.stream()
                            .map(c -> states.getOrDefault(c, c)).toList())) + " to " + states.getOrDefault(r.state(),
                            r.state()) + ", UPR cycle " + r.cycle() + (rs.getString(6) == null ? ""
                            : " (" + rs.getString(6) + ")");
                    String body = rs.getString(4);
                    // Under every situation on the state reviewed: a filter by any of them finds it.
                    sink.accept(new SearchText("recommendation:" + rs.getLong(1), "upr:" + id, "recommendation",
                            title, "upr/" + fileName(id) + ".html#recommendation-" + rs.getInt(3), body,
                            places.isEmpty() ? null : places.get(0), by, List.copyOf(recommendationThemes.apply(body,
                                    rs.getString(5))), r.date() == null ? null : r.date().getYear(), true, places));
                    return 0;
                }).list();
    }

    private void resolutions(Handle h, List<String> keys, Consumer<SearchText> sink) {
        Set<String> wanted = Set.copyOf(keys);
        Map<String, LocalDate> published = new HashMap<>();
        bindKeys(h.createQuery("select symbol, published from document" + where("symbol", keys)), keys)
                .map((rs, ctx) -> published.put(rs.getString(1), rs.getObject(2, LocalDate.class))).list();
        bindKeys(h.createQuery("select symbol, position, kind, number, sub, body from resolution_paragraph"
                + where("symbol", keys)), keys).map((rs, ctx) -> {
                    String symbol = rs.getString(1);
                    if (!wanted.contains(symbol)) {
                        return 0;
                    }
                    LocalDate date = published.get(symbol);
                    Integer year = date != null ? Integer.valueOf(date.getYear()) : yearOf(symbol);
                    sink.accept(new SearchText("resolution:" + symbol + ":" + rs.getInt(2), "resolution:" + symbol,
                            "resolution", symbol + ", " + paragraphName(rs.getString(3), rs.getInt(4),
                            rs.getString(5)), "resolutions/" + fileName(symbol) + ".html#paragraph-" + rs.getInt(2),
                            rs.getString(6), null, List.of(), List.of(), year, true));
                    return 0;
                }).list();
    }

    private static String paragraphName(String kind, int number, String sub) {
        return (kind.equals("PP") ? "preambular paragraph " : "operative paragraph ") + number
                + (sub == null || sub.isBlank() ? "" : " (" + sub + ")");
    }

    /** The year a symbol carries, "S/RES/2690 (2023)"; null when it carries none. */
    static Integer yearOf(String symbol) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\((\\d{4})\\)").matcher(symbol);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** The name of each situation, by id. */
    public Map<String, String> situationNames() {
        return jdbi.withHandle(h -> pairs(h, "select id, name from situation"));
    }

    /** The short name of each state, by ISO3 code. */
    public Map<String, String> stateNames() {
        return jdbi.withHandle(SearchRepository::stateNames);
    }

    /** One page of texts: its heading, lines about it (with links), and its parts, each at an anchor. */
    public record TextPage(String title, String heading, List<Line> lines, List<Part> parts) {
    }

    /** A line about the page, with a link relative to the site's top, or none. */
    public record Line(String text, String href) {
    }

    /** One text on a page: its anchor, heading and paragraphs. */
    public record Part(String anchor, String heading, List<String> paragraphs) {
    }

    private Optional<String> keyOf(Handle h, String sql, String file) {
        return h.createQuery(sql).mapTo(String.class).list().stream().filter(k -> fileName(k).equals(file))
                .findFirst();
    }

    /** The page of a meeting's speeches, by its file name ("S_PV.9385"). */
    public Optional<TextPage> meetingPage(String file) {
        return jdbi.withHandle(h -> keyOf(h, "select symbol from meeting", file).map(symbol -> {
            Map<String, String> states = stateNames(h);
            List<Line> lines = new ArrayList<>();
            // The brief is linked only when the public can read it (BriefWorkflow.published): a published version,
            // or the working copy of a brief never revised; else the situation is named without a link.
            h.createQuery("""
                    select m.meeting_date, m.topic, s.id, s.name, m.press_release,
                    case when exists (select 1 from brief_revision r where r.situation_id = s.id
                    and r.status = 'published') or (not exists (select 1 from brief_revision r
                    where r.situation_id = s.id) and exists (select 1 from brief b where b.situation_id = s.id))
                    then 1 else 0 end from meeting m
                    left join situation s on s.id = m.situation_id where m.symbol = :m""").bind("m", symbol)
                    .map((rs, ctx) -> {
                        lines.add(new Line("Meeting of " + rs.getObject(1, LocalDate.class) + (rs.getString(2) == null
                                ? "" : ": " + rs.getString(2)), null));
                        if (rs.getString(3) != null) {
                            lines.add(new Line("Situation: " + rs.getString(4), rs.getInt(6) == 1 ? "briefs/"
                                    + rs.getString(3) + ".html" : null));
                        }
                        if (rs.getString(5) != null) {
                            lines.add(new Line("Press summary " + rs.getString(5), "press/" + fileName(rs.getString(5))
                                    + ".html"));
                        }
                        return 0;
                    }).list();
            lines.add(new Line("The meeting record " + symbol + " at the United Nations", "https://undocs.org/"
                    + symbol.replace(" ", "%20")));
            List<Part> parts = h.createQuery("""
                    select speech_index, speaker, state_code, on_behalf_of, body from statement
                    where meeting_symbol = :m order by speech_index""").bind("m", symbol).map((rs, ctx) -> new Part(
                            "speech-" + rs.getInt(1), rs.getString(2) + (rs.getString(3) == null ? "" : " ("
                                    + states.getOrDefault(rs.getString(3), rs.getString(3)) + ")")
                                    + (rs.getString(4) == null ? "" : ", on behalf of " + rs.getString(4)),
                            paragraphs(rs.getString(5)))).list();
            return new TextPage(symbol, "Meeting " + symbol, lines, parts);
        }));
    }

    /** The page of a press summary's paragraphs, by its file name ("SC_15432"). */
    public Optional<TextPage> pressPage(String file) {
        return jdbi.withHandle(h -> keyOf(h, "select number from press_release", file).map(number -> {
            Map<String, String> states = stateNames(h);
            List<Line> lines = new ArrayList<>();
            h.createQuery("select headline, meeting_symbol, meeting_date from press_release where number = :n")
                    .bind("n", number).map((rs, ctx) -> {
                        if (rs.getString(1) != null) {
                            lines.add(new Line(rs.getString(1), null));
                        }
                        if (rs.getString(2) != null) {
                            lines.add(new Line("Meeting " + rs.getString(2) + (rs.getObject(3) == null ? "" : " of "
                                    + rs.getObject(3, LocalDate.class)), "meetings/" + fileName(rs.getString(2))
                                    + ".html"));
                        }
                        return 0;
                    }).list();
            List<Part> parts = h.createQuery("""
                    select position, speaker, state_code, body from press_paragraph where press_release = :n
                    order by position""").bind("n", number).map((rs, ctx) -> new Part("paragraph-" + rs.getInt(1),
                            rs.getString(2) != null ? rs.getString(2) : rs.getString(3) != null
                                    ? states.getOrDefault(rs.getString(3), rs.getString(3)) : null,
                            paragraphs(rs.getString(4)))).list();
            return new TextPage(number, "Press summary " + number, lines, parts);
        }));
    }

    /** The page of a UPR review's recommendations, by its file name. */
    public Optional<TextPage> reviewPage(String file) {
        return jdbi.withHandle(h -> keyOf(h, "select id from upr_review", file).map(id -> {
            Map<String, String> states = stateNames(h);
            List<Line> lines = new ArrayList<>();
            String state = h.createQuery("select state_under_review, cycle, review_date, report from upr_review"
                    + " where id = :id").bind("id", id).map((rs, ctx) -> {
                        lines.add(new Line("Reviewed on " + rs.getObject(3, LocalDate.class) + ", cycle "
                                + rs.getInt(2) + (rs.getString(4) == null ? "" : "; report " + rs.getString(4)),
                                null));
                        return rs.getString(1);
                    }).one();
            Map<Long, List<String>> by = new HashMap<>();
            h.createQuery("""
                    select rs.recommendation_id, rs.state_code from upr_recommendation_state rs
                    join upr_recommendation r on r.id = rs.recommendation_id where r.review_id = :id
                    order by rs.recommendation_id, rs.position""").bind("id", id).map((rs, ctx) -> by
                            .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(states.getOrDefault(
                                    rs.getString(2), rs.getString(2)))).list();
            List<Part> parts = h.createQuery("""
                    select id, position, paragraph, body, response from upr_recommendation where review_id = :id
                    order by position""").bind("id", id).map((rs, ctx) -> new Part("recommendation-" + rs.getInt(2),
                            (rs.getString(3) == null ? "" : rs.getString(3) + " ") + String.join(", ", by
                                    .getOrDefault(rs.getLong(1), List.of())) + (rs.getString(5) == null ? ""
                                    : " (" + rs.getString(5) + ")"), paragraphs(rs.getString(4)))).list();
            return new TextPage("UPR review " + id, "UPR review of " + states.getOrDefault(state, state) + " ("
                    + id + ")", lines, parts);
        }));
    }

    /** The page of a resolution's paragraphs, by its file name ("S_RES_2690_(2023)"). */
    public Optional<TextPage> resolutionPage(String file) {
        return jdbi.withHandle(h -> keyOf(h, "select distinct symbol from resolution_paragraph", file).map(symbol -> {
            List<Line> lines = new ArrayList<>();
            h.createQuery("select title from document where symbol = :s").bind("s", symbol).mapTo(String.class)
                    .findOne().filter(t -> t != null && !t.isBlank()).ifPresent(t -> lines.add(new Line(t, null)));
            lines.add(new Line(symbol + " at the United Nations", "https://undocs.org/" + symbol.replace(" ",
                    "%20")));
            List<Part> parts = h.createQuery("""
                    select position, kind, number, sub, body from resolution_paragraph where symbol = :s
                    order by position""").bind("s", symbol).map((rs, ctx) -> new Part("paragraph-" + rs.getInt(1),
                            capitalise(paragraphName(rs.getString(2), rs.getInt(3), rs.getString(4))),
                            paragraphs(rs.getString(5)))).list();
            return new TextPage(symbol, "Resolution " + symbol, lines, parts);
        }));
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static List<String> paragraphs(String body) {
        List<String> out = new ArrayList<>();
        for (String p : body.split("\\n\\s*\\n")) {
            if (!p.isBlank()) {
                out.add(p.strip().replaceAll("\\s*\\n\\s*", " "));
            }
        }
        return out;
    }

    /** Situations and states with names, for the search page's facets (a small map, read per page). */
    public Map<String, Map<String, String>> labels() {
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        m.put("situation", situationNames());
        m.put("member", stateNames());
        return m;
    }
}
