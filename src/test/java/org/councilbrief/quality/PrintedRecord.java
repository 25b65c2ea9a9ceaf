package org.councilbrief.quality;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lays a meeting record out as a printed record, for tests: lines wrapped, paragraphs indented, a fixed number of
 * lines a page, running headers and footers on each page, a form feed between pages. Built from the
 * one-speech-per-paragraph texts of ../shared/data/council-speeches, because the printed records themselves are not in
 * the data. The page furniture is written here from the meeting's facts in each {@link Style}'s own words; nothing is
 * shared with the reader, which must find it by its repetition.
 */
public final class PrintedRecord {
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH);

    /** The three layouts the tests lay records out in. */
    public enum Style {
        /**
         * The UN's own: a cover page ("United Nations S/PV.8706", year, "8706th meeting", the date, the job number
         * and its bar code at the foot); then "S/PV.8706 … 21/01/2020" on odd pages, mirrored as "21/01/2020 …
         * S/PV.8706" on even ones, and the job number with the page ("20-00789 3/24", mirrored "4/24 20-00789").
         */
        UN("the UN's (S/PV.8706 … 21/01/2020, mirrored on even pages; cover page)", 95, 50),
        /**
         * The date written out ("21 January 2020") and the agenda title cut short after 28 characters, mirrored on
         * even pages; the page number alone at the foot.
         */
        LONG_DATE("date as 21 January 2020, agenda title cut short, page number alone", 95, 50),
        /**
         * A header of two lines that differ between odd pages ("Security Council 8706th meeting" and the weekday and
         * date) and even ones (the symbol and the full agenda title); a footer of two lines, "- 3 -" and
         * "Provisional verbatim record"; narrower lines and longer pages.
         */
        TWO_LINE("two-line headers, different on odd and even pages, \"- 3 -\" footer", 80, 56);

        private final String description;
        private final int width;
        private final int linesPerPage;

        Style(String description, int width, int linesPerPage) {
            this.description = description;
            this.width = width;
            this.linesPerPage = linesPerPage;
        }

        public String description() {
            return description;
        }
    }

    /** The facts a printed record's furniture shows. */
    public record Meeting(String symbol, int number, String topic, LocalDate date, String jobNumber) {
    }

    /** A laid-out record and every line of page furniture written into it, as written. */
    public record Laid(String text, Set<String> furniture) {
    }

    private PrintedRecord() {
    }

    /**
     * The UN's running header and footer without the cover page, as the earlier tests laid records out: kept for the
     * tests and benchmarks that compare the PDF reading with the text.
     */
    public static String layout(String record, String symbol, String topic, String date, String jobNumber) {
        List<String> body = body(record, 95);
        int perPage = 50;
        int pages = (body.size() + perPage - 1) / perPage;
        StringBuilder out = new StringBuilder();
        for (int page = 1; page <= pages; page++) {
            String header = page % 2 == 1 ? symbol + "    " + topic + "    " + date : date + "    " + topic + "    " + symbol;
            out.append(page == 1 ? "" : "\f").append(header).append("\n\n");
            int from = (page - 1) * perPage;
            for (String line : body.subList(from, Math.min(body.size(), from + perPage))) {
                out.append(line).append('\n');
            }
            String footer = page % 2 == 1 ? jobNumber + "    " + page + "/" + pages : page + "/" + pages + "    " + jobNumber;
            out.append('\n').append(footer).append('\n');
        }
        return out.toString();
    }

    public static Laid layout(Style style, String record, Meeting meeting) {
        List<String> body = body(record, style.width);
        List<String> cover = cover(style, meeting);
        int firstPage = style.linesPerPage - cover.size();
        int pages = 1 + Math.max(0, (body.size() - firstPage + style.linesPerPage - 1) / style.linesPerPage);
        Set<String> furniture = new LinkedHashSet<>();
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int page = 1; page <= pages; page++) {
            List<String> top = page == 1 ? cover : header(style, meeting, page);
            List<String> bottom = footer(style, meeting, page, pages);
            if (page > 1) {
                out.append('\f');
                furniture.addAll(top);
            }
            furniture.addAll(bottom);
            for (String line : top) {
                out.append(line).append('\n');
            }
            out.append('\n');
            int to = Math.min(body.size(), from + (page == 1 ? firstPage : style.linesPerPage));
            for (String line : body.subList(from, to)) {
                out.append(line).append('\n');
            }
            from = to;
            out.append('\n');
            for (String line : bottom) {
                out.append(line).append('\n');
            }
        }
        return new Laid(out.toString(), furniture);
    }

    private static List<String> cover(Style style, Meeting m) {
        return switch (style) {
            case UN -> List.of(pad("United Nations", m.symbol(), style.width),
                    pad("Security Council", "Provisional", style.width),
                    "Seventy-fifth year", m.number() + ordinal(m.number()) + " meeting",
                    m.date().format(WEEKDAY) + ", 10 a.m.", "New York");
            case LONG_DATE -> List.of(pad("Security Council", "Provisional", style.width),
                    m.number() + ordinal(m.number()) + " meeting", m.date().format(WEEKDAY) + ", 3 p.m.", "New York");
            case TWO_LINE -> List.of(pad("", m.symbol(), style.width), "Security Council",
                    "Provisional verbatim record of the " + m.number() + ordinal(m.number()) + " meeting",
                    "Held at Headquarters, New York, on " + m.date().format(WEEKDAY));
        };
    }

    private static List<String> header(Style style, Meeting m, int page) {
        boolean odd = page % 2 == 1;
        return switch (style) {
            case UN -> List.of(odd ? m.symbol() + "    " + m.topic() + "    " + m.date().format(SHORT)
                    : m.date().format(SHORT) + "    " + m.topic() + "    " + m.symbol());
            case LONG_DATE -> {
                String topic = cut(m.topic(), 28);
                yield List.of(odd ? m.symbol() + "      " + topic + "      " + m.date().format(LONG)
                        : m.date().format(LONG) + "      " + topic + "      " + m.symbol());
            }
            case TWO_LINE -> odd
                    ? List.of("Security Council " + m.number() + ordinal(m.number()) + " meeting",
                            m.date().format(WEEKDAY))
                    : List.of(m.symbol(), m.topic());
        };
    }

    private static List<String> footer(Style style, Meeting m, int page, int pages) {
        boolean odd = page % 2 == 1;
        return switch (style) {
            case UN -> page == 1
                    ? List.of(m.jobNumber() + " (E)", "*" + m.jobNumber().replace("-", "") + "*")
                    : List.of(odd ? m.jobNumber() + "    " + page + "/" + pages : page + "/" + pages + "    "
                            + m.jobNumber());
            case LONG_DATE -> List.of(" ".repeat(45) + page);
            case TWO_LINE -> List.of(" ".repeat(37) + "- " + page + " -", "Provisional verbatim record");
        };
    }

    private static String cut(String topic, int length) {
        if (topic.length() <= length) {
            return topic;
        }
        int space = topic.lastIndexOf(' ', length);
        return topic.substring(0, space > 0 ? space : length) + "…";
    }

    private static String pad(String left, String right, int width) {
        return left + " ".repeat(Math.max(4, width - left.length() - right.length())) + right;
    }

    private static String ordinal(int n) {
        if (n % 100 >= 11 && n % 100 <= 13) {
            return "th";
        }
        return switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    private static List<String> body(String record, int width) {
        List<String> body = new ArrayList<>();
        for (String paragraph : record.split("\n\\s*\n")) {
            String p = paragraph.strip().replaceAll("\\s+", " ");
            if (p.isEmpty()) {
                continue;
            }
            wrap(p, body, width);
        }
        return body;
    }

    private static void wrap(String paragraph, List<String> lines, int width) {
        StringBuilder line = new StringBuilder("    ");
        for (String word : paragraph.split(" ")) {
            if (line.length() + 1 + word.length() > width && line.toString().strip().length() > 0) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
            }
            if (!line.isEmpty() && !line.toString().endsWith(" ")) {
                line.append(' ');
            }
            line.append(word);
        }
        if (!line.toString().isBlank()) {
            lines.add(line.toString().stripTrailing());
        }
    }
}
