package org.councilbrief.picture;

import java.util.ArrayList;
import java.util.List;

/**
 * Geneva beside New York for one member: per theme, how many UPR recommendations it made to the situation's state
 * (drawn to the left of a middle line, in blue) and how many of its positions at the Council's meetings on the
 * situation editors accepted (to the right, in orange). A theme raised in one place only has a hollow ring and the
 * word "none" on the other side and "Geneva only" or "New York only" after its name, so it stands out in colour, in
 * grey and in the table alike.
 */
public final class ThemePairs {
    static final double WIDTH = 400;
    private static final double MIDDLE = WIDTH / 2;
    private static final double REACH = 150;
    private static final String GENEVA = Palette.series(0);
    private static final String NEW_YORK = Palette.series(1);

    private ThemePairs() {
    }

    /**
     * One theme of one situation.
     *
     * @param theme the theme's name
     * @param situation the situation's name
     * @param geneva how many recommendations the member made on it to the situation's state
     * @param newYork how many of the member's accepted positions at the situation's meetings were on it
     */
    public record Pair(String theme, String situation, int geneva, int newYork) {
        public Pair {
            if (geneva < 0 || newYork < 0 || geneva + newYork == 0) {
                throw new IllegalArgumentException("a theme raised nowhere has no place in the picture: " + theme);
            }
        }

        /** "both", "Geneva only" or "New York only". */
        public String where() {
            return geneva > 0 && newYork > 0 ? "both" : geneva > 0 ? "Geneva only" : "New York only";
        }
    }

    /**
     * The picture and its table; the pairs in the order given (situation by situation), a heading before each
     * situation when there are several.
     *
     * @param member the member's short name as prose reads it ("France")
     */
    public static Figure figure(String id, String member, List<Pair> pairs) {
        int max = pairs.stream().mapToInt(p -> Math.max(p.geneva(), p.newYork())).max().orElse(1);
        boolean several = pairs.stream().map(Pair::situation).distinct().count() > 1;
        double height = 66;
        String previous = null;
        for (Pair p : pairs) {
            if (several && !p.situation().equals(previous)) {
                height += 24;
                previous = p.situation();
            }
            height += 16 * label(p).size() + 26;
        }
        long onlyOne = pairs.stream().filter(p -> !p.where().equals("both")).count();
        String description = "For each theme, " + member + "'s UPR recommendations to the state concerned (Geneva, "
                + "left) beside its reviewed positions at the Council's meetings (New York, right): " + pairs.size()
                + " theme" + (pairs.size() == 1 ? "" : "s") + ", " + onlyOne + " raised in one place only.";
        Svg svg = new Svg(id, WIDTH, height + 8, "Geneva beside New York: " + member + ", theme by theme",
                description).style("max-width:38rem");
        svg.text(MIDDLE - 8, 18, "Geneva: UPR recommendations", "end", "bold", Palette.INK);
        svg.text(MIDDLE + 8, 18, "New York: Council positions", "start", "bold", Palette.INK);
        svg.rect(MIDDLE - 8 - 12, 26, 12, 12, GENEVA, "none").text(MIDDLE - 24, 36, "left, blue", "end", "normal",
                Palette.INK);
        svg.rect(MIDDLE + 8, 26, 12, 12, NEW_YORK, "none").text(MIDDLE + 24, 36, "right, orange", "start", "normal",
                Palette.INK);
        double y = 60;
        previous = null;
        for (Pair p : pairs) {
            if (several && !p.situation().equals(previous)) {
                y += 18;
                svg.text(8, y, Fit.cut(p.situation(), 60), "start", "bold", Palette.INK);
                y += 6;
                previous = p.situation();
            }
            svg.group(p.theme() + (several ? " (" + p.situation() + ")" : "") + ": " + count(p.geneva(),
                    "recommendation") + " in Geneva, " + count(p.newYork(), "position") + " in New York");
            for (String line : label(p)) {
                y += 16;
                svg.text(8, y, line, "start", "normal", Palette.INK);
            }
            double bar = y + 6;
            // The middle line runs beside the bars only, so that it never crosses a theme's name.
            svg.line(MIDDLE, bar - 4, MIDDLE, bar + 18, Palette.INK, 1);
            side(svg, bar, -1, p.geneva(), max, GENEVA);
            side(svg, bar, 1, p.newYork(), max, NEW_YORK);
            svg.end();
            y += 26;
        }
        List<List<String>> rows = new ArrayList<>();
        for (Pair p : pairs) {
            rows.add(List.of(p.theme(), p.situation(), String.valueOf(p.geneva()), String.valueOf(p.newYork()),
                    p.where()));
        }
        return new Figure(id, "Geneva beside New York: " + member + "'s UPR recommendations and reviewed Council "
                + "positions, theme by theme", svg.toString(), List.of("Theme", "Situation",
                        "Geneva: UPR recommendations", "New York: Council positions", "Raised"), rows);
    }

    /** The theme's name on as many lines as it needs, with where it was raised when only in one place. */
    private static List<String> label(Pair p) {
        // "— Geneva only" is kept whole on the line (no-break spaces).
        return Fit.wrap(p.theme() + (p.where().equals("both") ? "" : " —\u00a0" + p.where().replace(' ', '\u00a0')),
                56);
    }

    /** One side's bar and figure, or a hollow ring and "none" where the theme was not raised. */
    private static void side(Svg svg, double y, int direction, int n, int max, String colour) {
        String anchor = direction < 0 ? "end" : "start";
        if (n == 0) {
            svg.circle(MIDDLE + direction * 12, y + 7, 5.5, "#ffffff", Palette.INK);
            svg.text(MIDDLE + direction * 22, y + 11, "0", anchor, "bold", Palette.INK);
            svg.text(MIDDLE + direction * 34, y + 11, "none", anchor, "normal", Palette.INK);
            return;
        }
        double length = Math.max(4, REACH * n / max);
        svg.rect(direction < 0 ? MIDDLE - length : MIDDLE, y, length, 14, colour, Palette.INK);
        svg.text(MIDDLE + direction * (length + 4), y + 11, String.valueOf(n), anchor, "bold", Palette.INK);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
