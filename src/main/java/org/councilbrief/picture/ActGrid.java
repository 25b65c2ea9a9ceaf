package org.councilbrief.picture;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who said what, at a glance: the Council's members (rows, in the order given: the fifteen on the date) against the
 * themes they raised (columns), each cell showing the acts a member took on a theme as coloured squares carrying the
 * act's letter ({@link Palette#act}), a key below. A cell may hold several acts (a meeting's, or a whole period's
 * positions): all are shown, in the order of {@link #ACTS}. Empty cells stay quiet (a faint rule only). Members not in
 * the given list are left out; themes without a cell are not drawn. The same figures come as a table, one row per
 * member, for screen readers.
 */
public final class ActGrid {
    /** The acts in the order a cell shows them (DESIGN.md's vocabulary). */
    public static final List<String> ACTS = List.of("calls-for", "condemns", "welcomes", "expresses-concern",
            "rejects", "notes");

    /** A row: a member's ISO code and how the brief names it ("the UK"). */
    public record Member(String code, String label) {
    }

    /** A column: a theme's id and label. */
    public record Theme(String id, String label) {
    }

    /** One position as the grid counts it: a member took an act on a theme. */
    public record Cell(String member, String theme, String act) {
    }

    static final double LEFT = 118;
    /** Room above the rows for the longest turned heading, at most {@link #HEADING} characters. */
    static final int HEADING = 34;
    static final double COLUMN = 46;
    static final double ROW = 24;
    static final double MARK = 15;

    private ActGrid() {
    }

    /**
     * The grid as a figure.
     *
     * @param id unique on the page (the SVG's title and description are referred to by it)
     * @param caption the figure's caption and the table's
     * @param members the rows, in order
     * @param themes the themes in the order of their columns; those with no cell are left out
     * @param cells the positions; duplicates count once
     */
    public static Figure figure(String id, String caption, List<Member> members, List<Theme> themes,
            Collection<Cell> cells) {
        Map<String, Member> byCode = new LinkedHashMap<>();
        members.forEach(m -> byCode.put(m.code(), m));
        Map<String, Theme> themeById = new LinkedHashMap<>();
        themes.forEach(t -> themeById.put(t.id(), t));
        Map<String, Map<String, Set<String>>> acts = new LinkedHashMap<>();
        Set<String> raised = new LinkedHashSet<>();
        int positions = 0;
        for (Cell c : cells) {
            if (!byCode.containsKey(c.member())) {
                continue;
            }
            if (acts.computeIfAbsent(c.member(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(c.theme(), k -> new LinkedHashSet<>()).add(c.act())) {
                positions++;
            }
            raised.add(c.theme());
        }
        List<Theme> columns = new ArrayList<>();
        themes.stream().filter(t -> raised.contains(t.id())).forEach(columns::add);
        raised.stream().filter(t -> !themeById.containsKey(t)).forEach(t -> columns.add(new Theme(t, t)));
        Set<String> used = new LinkedHashSet<>();
        acts.values().forEach(m -> m.values().forEach(used::addAll));
        List<String> keyActs = new ArrayList<>(ACTS.stream().filter(used::contains).toList());
        used.stream().filter(a -> !ACTS.contains(a)).forEach(keyActs::add);

        long speaking = acts.keySet().size();
        String description = columns.isEmpty() ? "No member took a position on a theme."
                : positions + (positions == 1 ? " position" : " positions") + " by " + speaking
                        + (speaking == 1 ? " member" : " members") + " of " + members.size() + " on "
                        + columns.size() + (columns.size() == 1 ? " theme" : " themes")
                        + ". Each row is a member, each column a theme; a cell shows the acts by letter: "
                        + String.join(", ", keyActs.stream().map(a -> Palette.act(a).letter() + " "
                                + Palette.act(a).words()).toList()) + ". An empty cell: no position.";
        double width = Math.max(LEFT + Math.max(columns.size(), 1) * COLUMN + 150, 470);
        int longest = columns.stream().mapToInt(t -> shorten(t.label(), HEADING).length()).max().orElse(0);
        final double top = 24 + longest * 5.4;
        double keyTop = top + members.size() * ROW + 14;
        int keyRows = (keyActs.size() + 2) / 3;
        double height = keyTop + keyRows * 20 + 6;
        Svg svg = new Svg(id, width, height, caption, description);
        for (int j = 0; j < columns.size(); j++) {
            double x = LEFT + j * COLUMN + COLUMN / 2;
            svg.textTurned(x + 4, top - 8, -50, shorten(columns.get(j).label(), HEADING), "start", "normal",
                    Palette.INK);
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            double y = top + i * ROW;
            if (i % 2 == 0) {
                svg.rect(0, y, LEFT + columns.size() * COLUMN, ROW, "#f4f6f9", "none");
            }
            svg.text(LEFT - 8, y + ROW / 2 + 4, m.label(), "end", "normal", Palette.INK);
            List<String> row = new ArrayList<>();
            row.add(m.label());
            Map<String, Set<String>> mine = acts.getOrDefault(m.code(), Map.of());
            for (int j = 0; j < columns.size(); j++) {
                Theme t = columns.get(j);
                double x = LEFT + j * COLUMN;
                List<String> cellActs = ordered(mine.getOrDefault(t.id(), Set.of()));
                row.add(String.join(", ", cellActs.stream().map(a -> Palette.act(a).words()).toList()));
                if (cellActs.isEmpty()) {
                    svg.rect(x + COLUMN / 2 - 1.5, y + ROW / 2 - 1.5, 3, 3, Palette.RULE, "none");
                    continue;
                }
                svg.group("cell", Map.of("member", m.code(), "theme", t.id()), m.label() + ", " + t.label() + ": "
                        + String.join(", ", cellActs.stream().map(a -> Palette.act(a).words()).toList()));
                double size = Math.min(MARK, (COLUMN - 4) / cellActs.size() - 1);
                double start = x + (COLUMN - cellActs.size() * (size + 1) + 1) / 2;
                for (int k = 0; k < cellActs.size(); k++) {
                    Palette.Mark mark = Palette.act(cellActs.get(k));
                    double mx = start + k * (size + 1);
                    svg.rect(mx, y + (ROW - MARK) / 2, size, MARK, mark.colour(), "none");
                    svg.text(mx + size / 2, y + ROW / 2 + 4, mark.letter(), "middle", "bold",
                            Palette.textOn(mark.colour()));
                }
                svg.end();
            }
            rows.add(row);
        }
        for (int k = 0; k < keyActs.size(); k++) {
            Palette.Mark mark = Palette.act(keyActs.get(k));
            double x = 8 + (k % 3) * 150;
            double y = keyTop + (k / 3) * 20;
            svg.group("key", Map.of("act", keyActs.get(k)), null);
            svg.rect(x, y, MARK, MARK, mark.colour(), "none");
            svg.text(x + MARK / 2, y + 11.5, mark.letter(), "middle", "bold", Palette.textOn(mark.colour()));
            svg.text(x + MARK + 6, y + 11.5, mark.words(), "start", "normal", Palette.INK);
            svg.end();
        }
        List<String> header = new ArrayList<>();
        header.add("Member");
        columns.forEach(t -> header.add(t.label()));
        return new Figure(id, caption, svg.toString(), header, rows);
    }

    /** A label cut to {@code max} characters with an ellipsis, for a heading the drawing has no room for. */
    static String shorten(String label, int max) {
        return label.length() <= max ? label : label.substring(0, max - 1).stripTrailing() + "\u2026";
    }

    /** A cell's acts in the grid's order, unknown acts last. */
    static List<String> ordered(Set<String> acts) {
        List<String> out = new ArrayList<>(ACTS.stream().filter(acts::contains).toList());
        acts.stream().filter(a -> !ACTS.contains(a)).sorted().forEach(out::add);
        return out;
    }
}
