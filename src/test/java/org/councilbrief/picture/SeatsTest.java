package org.councilbrief.picture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeatsTest {
    @Test
    void everySeatOfTheTableIsDrawnWithItsSeatGroupAndGroupings() throws Exception {
        List<Seats.Seat> seats = new ArrayList<>(List.of(
                new Seats.Seat("France", "France", true, "Western European and others", List.of(), null),
                new Seats.Seat("UK", "United Kingdom of Great Britain and Northern Ireland", true,
                        "Western European and others", List.of(), null),
                new Seats.Seat("Ghana", "Ghana", false, "African", List.of("A3"), "2022-2023"),
                new Seats.Seat("Ecuador", "Ecuador", false, "Latin American and Caribbean", List.of(), "2023-2024")));
        seats.add(Seats.Seat.unrecorded());
        Figure figure = Seats.figure("seats", "on 24 July 2023", seats);
        PictureDom svg = PictureDom.parse(figure.svg());

        List<PictureDom.Mark> boxes = svg.marks(t -> t.contains(" seat"));
        assertThat(boxes).hasSameSizeAs(figure.rows());
        for (int i = 0; i < boxes.size(); i++) {
            List<String> row = figure.rows().get(i);
            List<String> texts = boxes.get(i).texts();
            assertThat(texts.get(0)).isEqualTo(row.get(1).equals("permanent") ? "P" : "E");
            if (row.get(0).equals("not recorded yet")) {
                assertThat(texts).contains("not", "recorded");
                continue;
            }
            assertThat(boxes.get(i).title()).startsWith(row.get(0));
            assertThat(texts).contains(Seats.abbreviation(row.get(3)));
            if (!row.get(4).equals("none")) {
                assertThat(texts).contains(row.get(4));
            }
            // A permanent seat has the thick frame.
            String frame = PictureDom.shapes(boxes.get(i).element(), "path").get(0).getAttribute("stroke-width");
            assertThat(frame).isEqualTo(row.get(1).equals("permanent") ? "3" : "1");
        }
        assertThat(figure.rows().get(1).get(0)).isEqualTo("United Kingdom of Great Britain and Northern Ireland");
        assertThat(boxes.get(1).texts()).contains("UK");
        assertThat(figure.rows().get(2)).containsExactly("Ghana", "elected", "2022-2023", "African", "A3");
        assertThat(svg.description()).startsWith("2 permanent and 3 elected seats, 1 of them not recorded yet");
    }
}
