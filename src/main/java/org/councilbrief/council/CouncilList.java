package org.councilbrief.council;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.councilbrief.AppException;

/**
 * A list of Council members as an office keeps it or the UN publishes it, read into terms (docs/operations.md,
 * "Recording a new year's Council"). Comma- or tab-separated, one header row, lines starting with "#" ignored; a state
 * is given by its code or any of its names. Two shapes:
 * <ul>
 * <li>one row per member and year, as the UN's list of members by year: {@code state,year} and optionally
 * {@code seat} ({@code elected} or {@code permanent}) and {@code term} ({@code 2027-2028}); a member's consecutive
 * years make one term, or its {@code term} when given. Rows of permanent members are checked and skipped.</li>
 * <li>one row per term, as the shipped {@code membership.tsv}: {@code state,from,to} and optionally {@code seat};
 * {@code from} and {@code to} a year (1 January, 31 December) or a day (YYYY-MM-DD).</li>
 * </ul>
 */
public final class CouncilList {
    private static final java.util.regex.Pattern TERM = java.util.regex.Pattern.compile(
            "(\\d{4})(?:\\s*[-–]\\s*(\\d{4}))?(?:\\s*\\(.*\\))?");

    private CouncilList() {
    }

    /** A term read from a list, with the line it comes from. */
    public record Row(int line, Term term) {
    }

    /**
     * Reads a list.
     *
     * @param name the file's name, for messages
     * @throws AppException naming the file, the line and the reason
     */
    public static List<Row> read(String name, String text, States states) throws AppException {
        List<String> lines = text.replace("\uFEFF", "").lines().toList();
        int headerLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank() && !lines.get(i).startsWith("#")) {
                headerLine = i;
                break;
            }
        }
        if (headerLine < 0) {
            throw new AppException(name + ": no header row (state,year or state,from,to) and no members");
        }
        char delimiter = lines.get(headerLine).contains("\t") ? '\t' : ',';
        List<String> header = split(lines.get(headerLine), delimiter).stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int state = column(header, "state", "country", "code", "member");
        int year = column(header, "year");
        int from = column(header, "from");
        int to = column(header, "to");
        int seat = column(header, "seat");
        int term = column(header, "term");
        if (state < 0 || year < 0 && (from < 0 || to < 0)) {
            throw new AppException(name + " line " + (headerLine + 1) + ": the header names the columns state and"
                    + " year (a row per member and year) or state, from and to (a row per term); it has "
                    + String.join(", ", header));
        }
        List<Row> rows = new ArrayList<>();
        // Per-year rows of each state, kept in order of first appearance, to be joined into terms.
        Map<String, TreeSet<Integer>> years = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        int count = 0;
        for (int i = headerLine + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int n = i + 1;
            String where = name + " line " + n + ": ";
            List<String> f = split(line, delimiter);
            if (f.size() < header.size()) {
                throw new AppException(where + "has " + f.size() + " fields where the header has " + header.size());
            }
            count++;
            String given = f.get(state).strip();
            String code = states.byCode(given.toUpperCase(Locale.ROOT)).or(() -> states.byName(given))
                    .map(State::code).orElseThrow(() -> new AppException(where + "unknown state '" + excerpt(given)
                            + "'"));
            Seat kind = seat < 0 || f.get(seat).isBlank() ? Seat.ELECTED : seat(f.get(seat), where);
            if (year >= 0) {
                int y = year(f.get(year), where);
                if (kind == Seat.PERMANENT) {
                    if (!Membership.PERMANENT.contains(code)) {
                        throw new AppException(where + given + " is listed as a permanent member, which it is not");
                    }
                    continue; // the permanent seats are recorded from 1946 on
                }
                if (term >= 0 && !f.get(term).isBlank()) {
                    Term t = termOf(code, f.get(term), where);
                    if (!t.covers(y)) {
                        throw new AppException(where + "the year " + y + " is outside the term " + f.get(term).strip());
                    }
                    if (rows.stream().noneMatch(r -> r.term().equals(t))) {
                        rows.add(new Row(n, t));
                    }
                } else {
                    years.computeIfAbsent(code, c -> new TreeSet<>()).add(y);
                    firstLine.putIfAbsent(code, n);
                }
            } else {
                LocalDate first = day(f.get(from), true, where);
                LocalDate last = day(f.get(to), false, where);
                if (last.isBefore(first)) {
                    throw new AppException(where + "the term ends (" + last + ") before it begins (" + first + ")");
                }
                rows.add(new Row(n, new Term(code, kind, first, last)));
            }
        }
        for (Map.Entry<String, TreeSet<Integer>> e : years.entrySet()) {
            Integer start = null;
            Integer previous = null;
            for (int y : e.getValue()) {
                if (start != null && y != previous + 1) {
                    rows.add(new Row(firstLine.get(e.getKey()), new Term(e.getKey(), start, previous)));
                    start = null;
                }
                if (start == null) {
                    start = y;
                }
                previous = y;
            }
            rows.add(new Row(firstLine.get(e.getKey()), new Term(e.getKey(), start, previous)));
        }
        if (count == 0) {
            throw new AppException(name + ": the header is there but no member is listed");
        }
        return rows;
    }

    private static int column(List<String> header, String... names) {
        for (String name : names) {
            int i = header.indexOf(name);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static Seat seat(String value, String where) throws AppException {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "elected", "non-permanent", "nonpermanent" -> Seat.ELECTED;
            case "permanent" -> Seat.PERMANENT;
            default -> throw new AppException(where + "the seat is 'elected' or 'permanent', not '" + excerpt(value)
                    + "'");
        };
    }

    private static int year(String value, String where) throws AppException {
        String v = value.strip();
        if (!v.matches("\\d{4}")) {
            throw new AppException(where + "'" + excerpt(v) + "' is not a year");
        }
        int year = Integer.parseInt(v);
        if (year < Membership.FIRST_YEAR) {
            throw new AppException(where + year + " is before " + Membership.FIRST_YEAR
                    + ", when the Security Council first met");
        }
        return year;
    }

    /** "2027-2028", "2027–2028" or "2027", with a note in brackets after it or not, as a term. */
    private static Term termOf(String code, String value, String where) throws AppException {
        java.util.regex.Matcher m = TERM.matcher(value.strip());
        if (!m.matches()) {
            throw new AppException(where + "the term '" + excerpt(value) + "' is not of the form 2027-2028");
        }
        int first = year(m.group(1), where);
        int last = m.group(2) != null ? year(m.group(2), where) : first;
        if (last < first) {
            throw new AppException(where + "the term '" + excerpt(value) + "' ends before it begins");
        }
        return new Term(code, first, last);
    }

    /** A year (its first or last day) or a day of the form YYYY-MM-DD. */
    public static LocalDate day(String value, boolean first, String where) throws AppException {
        String v = value.strip();
        if (v.matches("\\d{4}")) {
            int year = year(v, where);
            return first ? LocalDate.of(year, 1, 1) : LocalDate.of(year, 12, 31);
        }
        try {
            LocalDate day = LocalDate.parse(v);
            year(String.valueOf(day.getYear()), where);
            return day;
        } catch (DateTimeParseException e) {
            throw new AppException(where + "'" + excerpt(v) + "' is neither a year nor a day of the form YYYY-MM-DD",
                    e);
        }
    }

    private static String excerpt(String value) {
        String v = value.strip();
        return v.length() <= 60 ? v : v.substring(0, 57) + "...";
    }

    /** One line's fields; a field in double quotes may hold the delimiter and doubled quotes. */
    static List<String> split(String line, char delimiter) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                quoted = true;
                field.setLength(0);
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
