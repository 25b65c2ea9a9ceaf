package org.councilbrief.upr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

    public Result read(SourceText source) throws InputException {
        CsvReader.Table table = CsvReader.read(source);
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
        for (CsvReader.Row row : table.rows()) {
            String body = row.get(text).strip();
            if (body.isEmpty()) {
                throw new InputException(source.name(), row.line(), "the recommendation's text is empty");
            }
            State underReview = state(row.get(to)).orElseThrow(() -> new InputException(source.name(), row.line(),
                    "unknown state under review '" + row.get(to) + "'"));
            int number;
            try {
                number = Integer.parseInt(row.get(session).replaceAll("[^0-9]", ""));
            } catch (NumberFormatException e) {
                throw new InputException(source.name(), row.line(), "the session '" + row.get(session)
                        + "' is not a number");
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
                } else {
                    warnings.add("line " + row.line() + ": unknown recommending state '" + name.strip()
                            + "'; the recommendation is kept without it");
                }
            }
            if (issues != null) {
                String value = row.get(issues);
                for (String issue : value.split(value.contains(";") ? ";" : ",")) {
                    if (!issue.isBlank() && !draft.issues.contains(issue.strip())) {
                        draft.issues.add(issue.strip());
                    }
                }
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
                    source0 + fileName(source.name())));
        });
        if (byReview.keySet().stream().anyMatch(k -> UprSessions.session(k.session()).isEmpty())) {
            warnings.add("some sessions are not in the application's list of sessions; their review date is estimated");
        }
        return new Result(reviews, table.rows().size(), warnings);
    }

    private static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
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

    private static String require(CsvReader.Table table, SourceText source, String[] names, String what)
            throws InputException {
        String column = table.column(names);
        if (column == null) {
            throw new InputException(source.name(), 1, "no column for " + what + " (expected one of: "
                    + String.join(", ", names) + "; found: " + String.join(", ", table.header()) + ")");
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
