package org.councilbrief.upr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.councilbrief.Progress;
import org.councilbrief.council.State;
import org.councilbrief.council.States;
import org.councilbrief.document.CsvReader;
import org.councilbrief.document.InputException;
import org.councilbrief.document.SourceText;

/**
 * Reads a UPR Info database export (columns id, session, to, from, text, issues, response, action) or an export of
 * OHCHR's Universal Human Rights Index (UHRI), whose columns are found by their usual names ("Recommendation",
 * "Recommending State", "State under Review", "Session", "Themes", "Position"). Rows are grouped into one review per
 * state under review and session, and rows with the same text in a review into one recommendation with several
 * recommending states, as UPR Info splits them.
 */
public final class UprInfoCsv {
    /** The reviews read, and what could not be read with confidence, each with its line. */
    public record Result(List<UprReview> reviews, int rows, List<String> warnings) {
    }

    private static final String[] TEXT = {"text", "recommendation", "recommendation text"};
    private static final String[] TO = {"to", "state under review", "sur", "country", "reviewed state"};
    private static final String[] FROM = {"from", "recommending state", "recommending states", "recommending state(s)",
        "recommending country", "recommending countries"};
    private static final String[] SESSION = {"session", "upr session", "session number", "wg session"};
    private static final String[] ISSUES = {"issues", "issue", "themes", "theme", "affected persons and themes"};
    private static final String[] RESPONSE = {"response", "position", "sur position", "sur response",
        "response of state"};

    private final States states;

    public UprInfoCsv(States states) {
        this.states = states;
    }

    public UprInfoCsv() {
        this(States.shipped());
    }

    /** The longest recommendation read: twenty times the longest in UPR Info's export (decision 0032). */
    public static final int MAX_TEXT = 20_000;
    /** The longest list of issues of one recommendation (what the database keeps). */
    public static final int MAX_ISSUES = 1_000;
    /** The longest state name, session or response read (the longest state name has some 60 characters). */
    static final int MAX_NAME = 200;
    private static final Pattern SESSION_NUMBER = Pattern.compile(
            "(?i)(?:upr\\s*)?(?:wg\\s*)?(?:session\\s*|s)?0*(\\d{1,3})(?:st|nd|rd|th)?(?:\\s*session)?");

    public Result read(SourceText source) throws InputException {
        return read(source, Progress.none());
    }

    /** Reads the export, counting its rows on {@code progress}. */
    public Result read(SourceText source, Progress progress) throws InputException {
        CsvReader.Table table = CsvReader.read(source);
        checkHeader(table, source);
        if (table.rows().isEmpty()) {
            throw new InputException(source.name(), 1, "the file has a header but no rows: no recommendation to"
                    + " import");
        }
        String text = require(table, source, TEXT, "the recommendation's text");
        String to = require(table, source, TO, "the state under review");
        String from = require(table, source, FROM, "the recommending state");
        String session = require(table, source, SESSION, "the session");
        table.checkShape();
        String issues = table.column(ISSUES);
        String response = table.column(RESPONSE);
        String source0 = table.column("id") != null ? "UPR Info export " : "UHRI export ";
        List<String> warnings = new ArrayList<>();
        record Key(String state, int session) {
        }
        Map<Key, Map<String, Draft>> byReview = new LinkedHashMap<>();
        progress.stage("Reading rows", table.rows().size());
        for (CsvReader.Row row : table.rows()) {
            progress.advance(1);
            String body = row.get(text).strip();
            if (body.isEmpty()) {
                throw new InputException(source.name(), row.line(), "the recommendation's text is empty");
            }
            checkLength(source, row, body, MAX_TEXT, "the recommendation's text");
            checkLength(source, row, row.get(to), MAX_NAME, "the state under review");
            checkLength(source, row, row.get(session), MAX_NAME, "the session");
            if (response != null) {
                checkLength(source, row, row.get(response), MAX_NAME, "the response");
            }
            State underReview = state(row.get(to)).orElseThrow(() -> new InputException(source.name(), row.line(),
                    "unknown state under review " + InputException.excerpt(row.get(to))));
            Matcher sessionNumber = SESSION_NUMBER.matcher(row.get(session).strip());
            int number = sessionNumber.matches() ? Integer.parseInt(sessionNumber.group(1)) : 0;
            if (number < 1) {
                throw new InputException(source.name(), row.line(), "the session " + InputException.excerpt(
                        row.get(session)) + " is not a session number (1, 2, … or 'UPR session 1')");
            }
            Draft draft = byReview.computeIfAbsent(new Key(underReview.code(), number), k -> new LinkedHashMap<>())
                    .computeIfAbsent(body, b -> new Draft(body));
            for (String name : row.get(from).split(";")) {
                if (name.isBlank()) {
                    continue;
                }
                Optional<State> recommending = state(name);
                if (recommending.isPresent()) {
                    if (!draft.states.contains(recommending.get().code())) {
                        draft.states.add(recommending.get().code());
                    }
                } else if (warnings.size() < 100) {
                    warnings.add("line " + row.line() + ": unknown recommending state " + InputException.excerpt(name)
                            + "; the recommendation is kept without it");
                }
            }
            if (issues != null) {
                String value = row.get(issues);
                for (String issue : value.split(value.contains(";") ? ";" : ",")) {
                    if (!issue.isBlank() && !draft.issues.contains(issue.strip())) {
                        draft.issues.add(issue.strip());
                    }
                }
                checkLength(source, row, String.join(";", draft.issues), MAX_ISSUES, "the list of issues");
            }
            if (response != null && draft.response == null) {
                draft.response = response(row.get(response));
            }
        }
        List<UprReview> reviews = new ArrayList<>();
        byReview.forEach((key, drafts) -> {
            UprSessions.Session s = UprSessions.session(key.session()).orElse(null);
            java.time.LocalDate date = s != null ? s.from() : java.time.LocalDate.of(2008, 1, 1).plusMonths(
                    6L * (key.session() - 1));
            List<UprRecommendation> recs = drafts.values().stream()
                    .map(d -> new UprRecommendation(null, d.text, d.states, d.response, d.issues)).toList();
            reviews.add(new UprReview(UprReview.sessionId(key.state(), key.session()), key.state(),
                    UprSessions.cycleOf(key.session()), key.session(), date, null, recs, List.of(),
                    source0 + fileName(source.name(), 200 - source0.length())));
        });
        if (byReview.keySet().stream().anyMatch(k -> UprSessions.session(k.session()).isEmpty())) {
            warnings.add("some sessions are not in the application's list of sessions; their review date is estimated");
        }
        return new Result(reviews, table.rows().size(), warnings);
    }

    /** The file's name without its folders, cut to {@code max} characters (what the review's source column holds). */
    private static String fileName(String path, int max) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        String name = path.substring(slash + 1);
        return name.length() <= max ? name : name.substring(0, max - 1) + "…";
    }

    private static final class Draft {
        final String text;
        final List<String> states = new ArrayList<>();
        final List<String> issues = new ArrayList<>();
        String response;

        Draft(String text) {
            this.text = text;
        }
    }

    private Optional<State> state(String name) {
        return states.byNameOrNear(name.strip());
    }

    /** A header that names a column twice (compared as columns are found: without case, spaces or punctuation). */
    private static void checkHeader(CsvReader.Table table, SourceText source) throws InputException {
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<String> header = table.header();
        for (int i = 0; i < header.size(); i++) {
            String key = header.get(i).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            if (key.isEmpty()) {
                continue;
            }
            Integer first = seen.putIfAbsent(key, i + 1);
            if (first != null) {
                throw new InputException(source.name(), 1, "the header names the column " + InputException.excerpt(
                        header.get(i).strip()) + " twice (columns " + first + " and " + (i + 1) + "); which one holds"
                        + " the data is not clear");
            }
        }
    }

    private static void checkLength(SourceText source, CsvReader.Row row, String value, int max, String what)
            throws InputException {
        if (value.length() > max) {
            throw new InputException(source.name(), row.line(), what + " has " + String.format(Locale.ROOT, "%,d",
                    value.length()) + " characters; at most " + String.format(Locale.ROOT, "%,d", max)
                    + " are read (decision 0032): " + InputException.excerpt(value));
        }
    }

    private static String require(CsvReader.Table table, SourceText source, String[] names, String what)
            throws InputException {
        String column = table.column(names);
        if (column == null) {
            String found = String.join(", ", table.header());
            throw new InputException(source.name(), 1, "no column for " + what + " (expected one of: "
                    + String.join(", ", names) + "; found: " + (found.length() <= 200 ? found
                    : InputException.excerpt(found)) + ")");
        }
        return column;
    }

    static String response(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            return null;
        }
        if (v.startsWith("accept") || v.startsWith("support") || v.equals("a")) {
            return "supported";
        }
        if (v.startsWith("note") || v.startsWith("reject") || v.startsWith("not ") || v.equals("n")) {
            return "noted";
        }
        if (v.startsWith("pending") || v.contains("examin") || v.contains("consider")) {
            return "pending";
        }
        return null;
    }
}
