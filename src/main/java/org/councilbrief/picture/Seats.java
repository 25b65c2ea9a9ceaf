package org.councilbrief.picture;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Council's seats on one date, five to a line: the permanent seats first (a thick frame and the letter P), then
 * the elected ones (a thin frame and E), each with the member's short label, the abbreviation of its regional group
 * beside a band in that group's colour, and its groupings (A3, A3+); an elected seat whose member is not recorded yet
 * is a grey box that says so. Letters and words carry everything the colours do.
 */
public final class Seats {
    private static final int PER_LINE = 5;
    private static final double BOX_W = 72;
    private static final double BOX_H = 66;
    private static final double GAP = 5;
    private static final double LEFT = 8;
    /** The UN regional groups, their usual abbreviations and colours. */
    private static final Map<String, String> ABBREVIATIONS = Map.of("African", "AG", "Asia-Pacific", "APG",
            "Eastern European", "EEG", "Latin American and Caribbean", "GRULAC", "Western European and others",
            "WEOG");
    private static final List<String> GROUPS = List.of("African", "Asia-Pacific", "Eastern European",
            "Latin American and Caribbean", "Western European and others");

    private Seats() {
    }

    /**
     * One seat.
     *
     * @param label the member's short label ("UK"), or null for an elected seat whose member is not recorded
     * @param name the member's full name, or null
     * @param permanent whether the seat is permanent
     * @param group the member's regional group ("African"), or null
     * @param groupings the groupings the member is in beyond P5/E10 ("A3", "A3+")
     * @param term the term that covers the date, as a person reads it ("2023-2024"), or null
     */
    public record Seat(String label, String name, boolean permanent, String group, List<String> groupings,
            String term) {
        public Seat {
            groupings = List.copyOf(groupings);
        }

        /** An elected seat whose member is not recorded here yet. */
        public static Seat unrecorded() {
            return new Seat(null, null, false, null, List.of(), null);
        }

        public boolean recorded() {
            return label != null;
        }
    }

    /** The usual abbreviation of a regional group ("WEOG"), or the group's own words. */
    public static String abbreviation(String group) {
        return group == null ? "" : ABBREVIATIONS.getOrDefault(group, group);
    }

    /**
     * The picture and its table.
     *
     * @param when the date in words, "on 24 July 2023" or "on 30 June 1990"
     */
    public static Figure figure(String id, String when, List<Seat> seats) {
        int lines = (seats.size() + PER_LINE - 1) / PER_LINE;
        double width = LEFT * 2 + PER_LINE * BOX_W + (PER_LINE - 1) * GAP;
        double top = 8;
        double keyTop = top + lines * (BOX_H + GAP) + 10;
        double height = keyTop + 12 + GROUPS.size() * 18 + 4;
        long permanent = seats.stream().filter(Seat::permanent).count();
        long unrecorded = seats.stream().filter(s -> !s.recorded()).count();
        Svg svg = new Svg(id, width, height, "The Security Council's " + seats.size() + " seats " + when,
                permanent + " permanent and " + (seats.size() - permanent) + " elected seats"
                        + (unrecorded == 0 ? "" : ", " + unrecorded + " of them not recorded yet")
                        + "; each seat shows its member, its regional group and its groupings.")
                .style("max-width:36rem");
        for (int i = 0; i < seats.size(); i++) {
            Seat s = seats.get(i);
            double x = LEFT + (i % PER_LINE) * (BOX_W + GAP);
            double y = top + (i / PER_LINE) * (BOX_H + GAP);
            if (!s.recorded()) {
                svg.group("Elected seat: member not recorded yet");
                svg.rect(x, y, BOX_W, BOX_H, "#eef1f4", Palette.RULE);
                svg.text(x + 6, y + 15, "E", "start", "bold", Palette.INK);
                svg.text(x + BOX_W / 2, y + 36, "not", "middle", "normal", Palette.INK);
                svg.text(x + BOX_W / 2, y + 50, "recorded", "middle", "normal", Palette.INK);
                svg.end();
                continue;
            }
            svg.group(s.name() + ": " + (s.permanent() ? "permanent" : "elected") + " seat"
                    + (s.term() == null || s.permanent() ? "" : " (" + s.term() + ")") + "; " + s.group()
                    + (s.groupings().isEmpty() ? "" : "; " + String.join(", ", s.groupings())));
            svg.rect(x, y, BOX_W, BOX_H, "#ffffff", "none");
            svg.rect(x + 6, y + 42, BOX_W - 12, 7, colour(s.group()), "none");
            double w = s.permanent() ? 3 : 1;
            svg.path("M" + Svg.num(x + w / 2) + " " + Svg.num(y + w / 2) + "h" + Svg.num(BOX_W - w) + "v"
                    + Svg.num(BOX_H - w) + "h" + Svg.num(w - BOX_W) + "z", "none", Palette.INK, w);
            svg.text(x + 6, y + 15, s.permanent() ? "P" : "E", "start", "bold", Palette.INK);
            if (!s.groupings().isEmpty()) {
                svg.text(x + BOX_W - 6, y + 15, String.join(" ", s.groupings()), "end", "bold", Palette.INK);
            }
            svg.text(x + BOX_W / 2, y + 36, Fit.cut(s.label(), 10), "middle", "bold", Palette.INK);
            svg.text(x + BOX_W / 2, y + BOX_H - 5, abbreviation(s.group()), "middle", "normal", Palette.INK);
            svg.end();
        }
        svg.text(LEFT, keyTop + 4, "P permanent seat, thick frame · E elected seat, thin frame", "start", "normal",
                Palette.INK);
        for (int g = 0; g < GROUPS.size(); g++) {
            double x = LEFT;
            double y = keyTop + 12 + g * 18;
            svg.rect(x, y, 12, 12, colour(GROUPS.get(g)), Palette.INK);
            svg.text(x + 16, y + 10, abbreviation(GROUPS.get(g)) + ": " + GROUPS.get(g), "start",
                    "normal", Palette.INK);
        }
        List<List<String>> rows = new ArrayList<>();
        for (Seat s : seats) {
            rows.add(s.recorded() ? List.of(s.name(), s.permanent() ? "permanent" : "elected",
                    s.permanent() || s.term() == null ? "permanent seat" : s.term(), s.group(),
                    s.groupings().isEmpty() ? "none" : String.join(", ", s.groupings()))
                    : List.of("not recorded yet", "elected", "not recorded", "not recorded", "not recorded"));
        }
        return new Figure(id, "The Security Council's seats " + when + ": permanent and elected, with regional groups "
                + "and groupings", svg.toString(), List.of("Member", "Seat", "Term", "Regional group", "Groupings"),
                rows);
    }

    /** The colour of a regional group (Okabe-Ito, in the key's order). */
    static String colour(String group) {
        int i = GROUPS.indexOf(group);
        return i < 0 ? Palette.RULE : Palette.series(i);
    }
}
