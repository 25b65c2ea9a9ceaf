package org.councilbrief.picture;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermsTest {
    @Test
    void eachTermIsABarAsLongAsItsYearsWithTheTablesPeriod() throws Exception {
        Figure figure = Terms.figure("terms", "Brazil", List.of(
                new Terms.Span("1946-1947", false, LocalDate.of(1946, 1, 1), LocalDate.of(1947, 12, 31)),
                new Terms.Span("2022-2023", false, LocalDate.of(2022, 1, 1), LocalDate.of(2023, 12, 31)),
                new Terms.Span("1960", false, LocalDate.of(1960, 1, 1), LocalDate.of(1960, 12, 31))), 1946, 2025);
        PictureDom svg = PictureDom.parse(figure.svg());

        List<PictureDom.Mark> bars = svg.marks(t -> t.endsWith("elected") || t.endsWith("permanent seat"));
        assertThat(bars).hasSameSizeAs(figure.rows());
        for (int i = 0; i < bars.size(); i++) {
            assertThat(bars.get(i).title()).isEqualTo(figure.rows().get(i).get(0) + ": elected");
            assertThat(bars.get(i).texts()).containsExactly(figure.rows().get(i).get(1).equals("elected")
                    ? figure.rows().get(i).get(2).substring(0, 4) : "");
        }
        double two = width(bars.get(0));
        double one = width(bars.get(2));
        assertThat(two).isCloseTo(2 * one, org.assertj.core.data.Offset.offset(0.05));
        assertThat(figure.rows().get(1)).containsExactly("2022-2023", "elected", "2022-01-01", "2023-12-31");
    }

    @Test
    void aPermanentSeatRunsToTheEndAndAStateWithoutTermsSaysSo() throws Exception {
        Figure permanent = Terms.figure("terms", "France", List.of(new Terms.Span("from 1946-01-01 on", true,
                LocalDate.of(1946, 1, 1), null)), 1946, 2025);
        PictureDom.Mark bar = PictureDom.parse(permanent.svg()).marks(t -> t.endsWith("permanent seat")).get(0);
        assertThat(bar.texts()).containsExactly("permanent seat from 1946");
        assertThat(width(bar)).isEqualTo(368);
        assertThat(permanent.rows().get(0)).containsExactly("from 1946-01-01 on", "permanent", "1946-01-01",
                "no end");

        Figure none = Terms.figure("terms", "Andorra", List.of(), 1946, 2025);
        assertThat(none.rows()).isEmpty();
        assertThat(PictureDom.parse(none.svg()).description()).contains("has not sat on the Council");
    }

    private static double width(PictureDom.Mark mark) {
        return Double.parseDouble(PictureDom.shapes(mark.element(), "rect").get(0).getAttribute("width"));
    }
}
