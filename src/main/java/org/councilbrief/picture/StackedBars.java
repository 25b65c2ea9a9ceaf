package org.councilbrief.picture;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Counts by category and series as horizontal stacked bars, one bar per category, each segment carrying its number
 * written on it, a key above; e.g. UPR recommendations by theme (bars) and response (segments). Series are told apart
 * by colour and by a fill light or dark enough to stay distinct in grey; the numbers say the rest. The table twin has
 * one row per category, one column per series and a total.
 */
public final class StackedBars {
    /** A series: its name (in the key and as a table column) and its fill. */
    public record Series(String name, String colour) {
    }

    /** A bar: its label and one count per series, in the order of the series. */
    public record Bar(String label, List<Integer> counts) {
        public Bar {
            counts = List.copyOf(counts);
        }

        public int total() {
            return counts.stream().mapToInt(Integer::intValue).sum();
        }
    }

    static final double LEFT = 240;
    static final double TOP = 34;
    static final double ROW = 24;
    static final double BAR = 16;
    static final double PLOT = 300;

    private StackedBars() {
    }

    /**
     * The bars as a figure. A series with no count in any bar is left out of the key and the table.
     *
     * @param category the table's first column ("Theme")
     * @param unit what is counted, plural ("recommendations"), for the description
     */
    public static Figure figure(String id, String caption, String category, String unit, List<Series> series,
            List<Bar> bars) {
        List<Integer> shown = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            final int k = s;
            if (bars.stream().anyMatch(b -> b.counts().get(k) > 0)) {
                shown.add(s);
            }
        }
        int max = bars.stream().mapToInt(Bar::total).max().orElse(0);
        double scale = max == 0 ? 0 : Math.min(PLOT / max, 40);
        double width = LEFT + PLOT + 40;
        double height = TOP + bars.size() * ROW + 8;
        StringBuilder description = new StringBuilder(bars.isEmpty() ? "Nothing to count." : "");
        for (Bar b : bars) {
            description.append(b.label()).append(": ").append(b.total()).append(' ').append(unit);
            List<String> parts = new ArrayList<>();
            for (int s : shown) {
                if (b.counts().get(s) > 0) {
                    parts.add(b.counts().get(s) + " " + series.get(s).name().toLowerCase(java.util.Locale.ROOT));
                }
            }
            description.append(parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")").append(". ");
        }
        Svg svg = new Svg(id, width, height, caption, description.toString().strip());
        double kx = 8;
        for (int s : shown) {
            Series se = series.get(s);
            svg.group("key", Map.of("series", se.name()), null);
            svg.rect(kx, 8, 14, 14, se.colour(), Palette.INK);
            svg.text(kx + 20, 19.5, se.name(), "start", "normal", Palette.INK);
            svg.end();
            kx += 20 + se.name().length() * 6.6 + 18;
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double y = TOP + i * ROW;
            svg.text(LEFT - 8, y + ROW / 2 + 4, ActGrid.shorten(b.label(), 38), "end", "normal", Palette.INK);
            double x = LEFT;
            List<String> row = new ArrayList<>();
            row.add(b.label());
            for (int s : shown) {
                int n = b.counts().get(s);
                row.add(Integer.toString(n));
                if (n == 0) {
                    continue;
                }
                Series se = series.get(s);
                double w = n * scale;
                svg.group("segment", Map.of("bar", b.label(), "series", se.name()), b.label() + ": " + n + " "
                        + se.name().toLowerCase(java.util.Locale.ROOT));
                svg.rect(x, y + (ROW - BAR) / 2, w, BAR, se.colour(), Palette.INK);
                svg.text(x + w / 2, y + ROW / 2 + 4, Integer.toString(n), "middle", "bold",
                        Palette.textOn(se.colour()));
                svg.end();
                x += w;
            }
            svg.text(x + 6, y + ROW / 2 + 4, "= " + b.total(), "start", "normal", Palette.INK);
            row.add(Integer.toString(b.total()));
            rows.add(row);
        }
        List<String> header = new ArrayList<>();
        header.add(category);
        shown.forEach(s -> header.add(series.get(s).name()));
        header.add("Total");
        return new Figure(id, caption, svg.toString(), header, rows);
    }
}
