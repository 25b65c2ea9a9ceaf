package org.councilbrief.picture;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A state's terms on the Council along the years from 1946: each elected term a blue bar from its first day to its
 * last, labelled with its first year; a permanent seat a dark bar to the end of the axis, labelled as such; decade
 * ticks below. Short terms stay visible (a bar is never thinner than one unit), and their years are in the table.
 */
public final class Terms {
    private static final double WIDTH = 400;
    private static final double LEFT = 16;
    private static final double RIGHT = WIDTH - 16;
    private static final double BAR_Y = 40;
    private static final double BAR_H = 22;

    private Terms() {
    }

    /**
     * One term.
     *
     * @param period the term in words, "2023-2024"
     * @param last its last day, or null for a permanent seat
     */
    public record Span(String period, boolean permanent, LocalDate first, LocalDate last) {
    }

    /**
     * The picture and its table.
     *
     * @param state the state's short name as prose reads it
     * @param firstYear the axis's first year (1946)
     * @param lastYear the axis's last year, included
     */
    public static Figure figure(String id, String state, List<Span> spans, int firstYear, int lastYear) {
        double from = firstYear;
        double to = lastYear + 1;
        Svg svg = new Svg(id, WIDTH, 100, "Terms of " + state + " on the Security Council",
                spans.isEmpty() ? state + " has not sat on the Council from " + firstYear + " to " + lastYear + "."
                        : spans.size() + (spans.size() == 1 ? " term" : " terms") + " of " + state
                                + " on the Council between " + firstYear + " and " + lastYear + ", along the years.")
                .style("max-width:38rem");
        svg.line(LEFT, BAR_Y + BAR_H + 4, RIGHT, BAR_Y + BAR_H + 4, Palette.INK, 1);
        for (int year = (firstYear + 9) / 10 * 10; year <= lastYear; year += 10) {
            double x = x(year, from, to);
            svg.line(x, BAR_Y + BAR_H + 4, x, BAR_Y + BAR_H + 9, Palette.INK, 1);
            svg.text(x, BAR_Y + BAR_H + 22, String.valueOf(year), "middle", "normal", Palette.INK);
        }
        double lastLabel = Double.NEGATIVE_INFINITY;
        int line = 0;
        for (Span s : spans) {
            double x1 = x(years(s.first()), from, to);
            double x2 = s.last() == null ? RIGHT : x(Math.min(years(s.last().plusDays(1)), to), from, to);
            String colour = s.permanent() ? Palette.INK : Palette.series(0);
            svg.group(s.period() + ": " + (s.permanent() ? "permanent seat" : "elected"));
            svg.rect(x1, BAR_Y, Math.max(1, x2 - x1), BAR_H, colour, Palette.INK);
            String label = s.permanent() ? "permanent seat from " + s.first().getYear() : String.valueOf(
                    s.first().getYear());
            // Labels that would touch the one before go on the other line.
            line = x1 - lastLabel < 34 ? 1 - line : 0;
            svg.text(x1, BAR_Y - 6 - line * 14, label, "start", s.permanent() ? "bold" : "normal", Palette.INK);
            lastLabel = x1;
            svg.end();
        }
        if (spans.isEmpty()) {
            svg.text(WIDTH / 2, BAR_Y + 15, "no term on the Council", "middle", "normal", Palette.INK);
        }
        List<List<String>> rows = new ArrayList<>();
        for (Span s : spans) {
            rows.add(List.of(s.period(), s.permanent() ? "permanent" : "elected", s.first().toString(),
                    s.last() == null ? "no end" : s.last().toString()));
        }
        return new Figure(id, "Terms of " + state + " on the Security Council", svg.toString(),
                List.of("Term", "Seat", "First day", "Last day"), rows);
    }

    private static double years(LocalDate day) {
        return day.getYear() + (day.getDayOfYear() - 1) / (double) day.lengthOfYear();
    }

    private static double x(double year, double from, double to) {
        return LEFT + (RIGHT - LEFT) * (year - from) / (to - from);
    }
}
