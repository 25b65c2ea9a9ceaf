package org.councilbrief.picture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThemeTimelineTest {
    private static final List<ThemeTimeline.Meeting> MEETINGS = List.of(
            new ThemeTimeline.Meeting("S/PV.9350", LocalDate.of(2023, 6, 16)),
            new ThemeTimeline.Meeting("S/PV.9365", LocalDate.of(2023, 6, 30)),
            new ThemeTimeline.Meeting("S/PV.9400", LocalDate.of(2023, 8, 1)));

    @Test
    void eachDiscSaysTheNumberOfMembersInItsTableCellAndEmptyCellsHaveNoDisc() throws Exception {
        Figure figure = ThemeTimeline.figure("themes", "Mali", MEETINGS, List.of(
                new ThemeTimeline.Theme("accountability", List.of(9, 0, 2)),
                new ThemeTimeline.Theme("international humanitarian and human rights law", List.of(0, 6, 1))));
        PictureDom svg = PictureDom.parse(figure.svg());

        List<PictureDom.Mark> discs = svg.marks(t -> t.matches(".*: \\d+ members?"));
        assertThat(discs).hasSize(4);
        int total = 0;
        for (PictureDom.Mark disc : discs) {
            String theme = disc.title().substring(0, disc.title().indexOf(", "));
            List<String> row = figure.rows().stream().filter(r -> r.get(0).equals(theme)).findFirst().orElseThrow();
            int column = figure.columns().indexOf(figure.columns().stream().filter(c -> disc.title().contains(c))
                    .findFirst().orElseThrow());
            assertThat(disc.numbers()).containsExactly(Integer.valueOf(row.get(column)));
            assertThat(PictureDom.shapes(disc.element(), "circle")).hasSize(1);
            total += disc.numbers().get(0);
        }
        assertThat(total).isEqualTo(figure.rows().stream().flatMap(r -> r.subList(1, r.size()).stream())
                .mapToInt(Integer::parseInt).sum());
        assertThat(figure.columns()).containsExactly("Theme", "16 June 2023 (S/PV.9350)", "30 June 2023 (S/PV.9365)",
                "1 August 2023 (S/PV.9400)");
        // Long names are on two lines in the picture, whole in the table and in the row's title.
        assertThat(figure.svg()).contains(">international humanitarian<").contains(">and human rights law<")
                .contains("<title>international humanitarian and human rights law</title>");
        assertThat(svg.title()).isEqualTo("Themes raised at the meetings on Mali");
    }

    @Test
    void manyMeetingsScrollOnAPhoneAndFewDoNotGrowHugeOnAWideScreen() throws Exception {
        List<ThemeTimeline.Meeting> many = new java.util.ArrayList<>();
        for (int day = 1; day <= 12; day++) {
            many.add(new ThemeTimeline.Meeting("S/PV." + (9000 + day), LocalDate.of(2024, 1, day)));
        }
        Figure wide = ThemeTimeline.figure("themes", "Mali", many, List.of(new ThemeTimeline.Theme("accountability",
                java.util.Collections.nCopies(12, 1))));
        Figure narrow = ThemeTimeline.figure("themes", "Mali", MEETINGS, List.of(new ThemeTimeline.Theme(
                "accountability", List.of(1, 0, 2))));
        assertThat(PictureDom.parse(wide.svg()).root().getAttribute("style")).contains("min-width:");
        assertThat(PictureDom.parse(narrow.svg()).root().getAttribute("style")).startsWith("max-width:")
                .doesNotContain("min-width");
        Svg svg = new Svg("x", 10, 10, "t", "d").style("max-width:10rem");
        assertThatThrownBy(() -> svg.style("min-width:1rem")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aNameTooLongForTwoLinesIsCutBetweenWords() {
        assertThat(Fit.lines("inclusion of youth, minorities and civil society in the political process", 26, 2))
                .containsExactly("inclusion of youth,", "minorities and civil…");
    }

    @Test
    void moreMembersMakeALargerDiscAndCountsMustMatchTheMeetings() throws Exception {
        PictureDom svg = PictureDom.parse(ThemeTimeline.figure("themes", "Mali", MEETINGS, List.of(
                new ThemeTimeline.Theme("accountability", List.of(9, 1, 4)))).svg());
        List<Double> radii = svg.marks(t -> t.contains(" member")).stream().map(m -> Double.parseDouble(
                PictureDom.shapes(m.element(), "circle").get(0).getAttribute("r"))).toList();
        assertThat(radii.get(0)).isGreaterThan(radii.get(2));
        assertThat(radii.get(2)).isGreaterThan(radii.get(1));
        assertThatThrownBy(() -> ThemeTimeline.figure("themes", "Mali", MEETINGS, List.of(
                new ThemeTimeline.Theme("accountability", List.of(1, 2))))).isInstanceOf(
                        IllegalArgumentException.class);
    }
}
