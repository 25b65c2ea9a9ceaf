package org.councilbrief.picture;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The themes raised at a situation's meetings over time: meetings in date order across, themes down, and at each
 * meeting a disc for each theme raised, as large as the number of members who raised it and labelled with that
 * number, so the figure is read, not guessed from an area (and survives grey and print).
 */
public final class ThemeTimeline {
    private static final double LABELS = 160;
    /** Up to this many meetings the picture fits a phone; more scroll sideways in their figure. */
    private static final int FITS = 5;
    private static final double COLUMN = 52;
    private static final double ROW = 36;
    private static final double TOP = 58;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private ThemeTimeline() {
    }

    /** A meeting: its record's symbol and its day. */
    public record Meeting(String symbol, LocalDate date) {
        /** "16 June 2023 (S/PV.9350)". */
        public String label() {
            return FULL.format(date) + " (" + symbol + ")";
        }
    }

    /**
     * A theme and how many members raised it at each meeting, in the meetings' order.
     *
     * @param members one count per meeting, 0 where nobody raised the theme
     */
    public record Theme(String name, List<Integer> members) {
        public Theme {
            members = List.copyOf(members);
            if (members.stream().anyMatch(n -> n < 0)) {
                throw new IllegalArgumentException("a negative count of members for " + name);
            }
        }
    }

    /**
     * The picture and its table.
     *
     * @param situation the situation's name
     * @param meetings the meetings, oldest first
     * @param themes the themes raised at one meeting at least, each with one count per meeting
     */
    public static Figure figure(String id, String situation, List<Meeting> meetings, List<Theme> themes) {
        for (Theme t : themes) {
            if (t.members().size() != meetings.size()) {
                throw new IllegalArgumentException("theme " + t.name() + " has " + t.members().size()
                        + " counts for " + meetings.size() + " meetings");
            }
        }
        int max = themes.stream().flatMap(t -> t.members().stream()).mapToInt(Integer::intValue).max().orElse(1);
        double width = Math.max(360, LABELS + COLUMN * meetings.size() + 8);
        double height = TOP + ROW * themes.size() + 34;
        Svg svg = new Svg(id, width, height, "Themes raised at the meetings on " + situation,
                "Meetings in date order across (" + meetings.size() + "), themes down (" + themes.size()
                        + "); each disc is labelled with the number of Council members who raised the theme at the "
                        + "meeting, from positions the editors accepted.");
        // Drawn no larger than half again its size; with many meetings, never so small that its words are lost.
        svg.style("max-width:" + Svg.num(width * 1.6) + "px" + (meetings.size() > FITS ? ";min-width:"
                + Svg.num(width * 0.85) + "px" : ""));
        svg.text(8, 16, "Theme", "start", "bold", Palette.INK);
        for (int m = 0; m < meetings.size(); m++) {
            double x = LABELS + COLUMN * m + COLUMN / 2;
            Meeting meeting = meetings.get(m);
            svg.group(meeting.label());
            svg.text(x, 16, DAY.format(meeting.date()), "middle", "bold", Palette.INK);
            svg.text(x, 31, String.valueOf(meeting.date().getYear()), "middle", "normal", Palette.INK);
            svg.text(x, 46, Fit.cut(meeting.symbol().replaceFirst("^S/PV\\.", "PV "), 8), "middle", "normal",
                    Palette.INK);
            svg.end();
            svg.line(x, TOP, x, TOP + ROW * themes.size(), Palette.RULE, 1);
        }
        for (int t = 0; t < themes.size(); t++) {
            Theme theme = themes.get(t);
            double y = TOP + ROW * t + ROW / 2;
            svg.line(LABELS - 4, y, LABELS + COLUMN * meetings.size(), y, Palette.RULE, 1);
            svg.group(theme.name());
            List<String> label = Fit.lines(theme.name(), 26, 2);
            for (int l = 0; l < label.size(); l++) {
                svg.text(8, y + 4 + (l - (label.size() - 1) / 2.0) * 14, label.get(l), "start", "normal",
                        Palette.INK);
            }
            svg.end();
            for (int m = 0; m < meetings.size(); m++) {
                int n = theme.members().get(m);
                if (n == 0) {
                    continue;
                }
                double x = LABELS + COLUMN * m + COLUMN / 2;
                svg.group(theme.name() + ", " + meetings.get(m).label() + ": " + n + (n == 1 ? " member" : " members"));
                svg.circle(x, y, 8 + 8 * Math.sqrt((double) n / max), Palette.series(0), Palette.INK);
                svg.text(x, y + 4, String.valueOf(n), "middle", "bold", "#ffffff");
                svg.end();
            }
        }
        svg.text(8, height - 12, "In each disc: how many members raised the theme.", "start", "normal",
                Palette.INK);
        List<String> columns = new ArrayList<>(List.of("Theme"));
        meetings.forEach(m -> columns.add(m.label()));
        List<List<String>> rows = new ArrayList<>();
        for (Theme t : themes) {
            List<String> row = new ArrayList<>(List.of(t.name()));
            t.members().forEach(n -> row.add(String.valueOf(n)));
            rows.add(row);
        }
        return new Figure(id, "Themes raised at the meetings on " + situation + ": how many members raised each, "
                + "meeting by meeting", svg.toString(), columns, rows);
    }
}
