package org.councilbrief.picture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThemePairsTest {
    private static final List<ThemePairs.Pair> PAIRS = List.of(
            new ThemePairs.Pair("accountability", "Mali", 2, 1),
            new ThemePairs.Pair("elections and the transition", "Mali", 1, 0),
            new ThemePairs.Pair("women's participation", "Mali", 0, 3),
            new ThemePairs.Pair("international humanitarian and human rights law", "Sudan", 4, 2));

    @Test
    void eachThemesFiguresInThePictureAreThoseOfItsTableRow() throws Exception {
        Figure figure = ThemePairs.figure("gny", "France", PAIRS);
        PictureDom svg = PictureDom.parse(figure.svg());

        List<PictureDom.Mark> marks = svg.marks(t -> t.contains(" in Geneva, "));
        assertThat(marks).hasSameSizeAs(figure.rows());
        for (int i = 0; i < marks.size(); i++) {
            List<String> row = figure.rows().get(i);
            assertThat(marks.get(i).title()).startsWith(row.get(0));
            assertThat(marks.get(i).numbers()).containsExactly(Integer.valueOf(row.get(2)),
                    Integer.valueOf(row.get(3)));
        }
        assertThat(svg.title()).isEqualTo("Geneva beside New York: France, theme by theme");
        assertThat(svg.description()).contains("4 themes, 2 raised in one place only");
        assertThat(figure.columns()).containsExactly("Theme", "Situation", "Geneva: UPR recommendations",
                "New York: Council positions", "Raised");
    }

    @Test
    void aThemeRaisedInOnePlaceOnlyIsMarkedInWordsAndWithAHollowRing() throws Exception {
        Figure figure = ThemePairs.figure("gny", "France", PAIRS);
        PictureDom svg = PictureDom.parse(figure.svg());

        PictureDom.Mark geneva = svg.marks(t -> t.startsWith("elections")).get(0);
        assertThat(String.join(" ", geneva.texts())).contains("—\u00a0Geneva\u00a0only").contains("none");
        assertThat(PictureDom.shapes(geneva.element(), "circle")).singleElement()
                .satisfies(c -> assertThat(c.getAttribute("fill")).isEqualTo("#ffffff"));
        assertThat(PictureDom.shapes(geneva.element(), "rect")).hasSize(1);
        PictureDom.Mark both = svg.marks(t -> t.startsWith("accountability")).get(0);
        assertThat(PictureDom.shapes(both.element(), "circle")).isEmpty();
        assertThat(PictureDom.shapes(both.element(), "rect")).hasSize(2);
        assertThat(figure.rows()).extracting(r -> r.get(4)).containsExactly("both", "Geneva only", "New York only",
                "both");
        // Several situations: each has its heading.
        assertThat(figure.svg()).contains(">Mali</text>").contains(">Sudan</text>");
    }

    @Test
    void barsAreAsLongAsTheirFiguresAndAThemeRaisedNowhereIsRefused() throws Exception {
        PictureDom svg = PictureDom.parse(ThemePairs.figure("gny", "France", PAIRS).svg());
        double two = width(svg.marks(t -> t.startsWith("accountability")).get(0), 0);
        double four = width(svg.marks(t -> t.startsWith("international")).get(0), 0);
        assertThat(four).isEqualTo(2 * two);
        assertThatThrownBy(() -> new ThemePairs.Pair("children", "Mali", 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double width(PictureDom.Mark mark, int bar) {
        return Double.parseDouble(PictureDom.shapes(mark.element(), "rect").get(bar).getAttribute("width"));
    }
}
