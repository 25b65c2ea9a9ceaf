package org.councilbrief.picture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class StackedBarsTest {
    static final List<StackedBars.Series> SERIES = List.of(new StackedBars.Series("Supported", "#006B4F"),
            new StackedBars.Series("Noted", "#E69F00"), new StackedBars.Series("No response recorded", "#E4E8EE"));

    /** The number written on each segment, by "bar|series", read from the SVG as a DOM. */
    static Map<String, String> segments(String svg) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Map<String, String> out = new LinkedHashMap<>();
        NodeList groups = doc.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("class").equals("segment")) {
                out.put(g.getAttribute("data-bar") + "|" + g.getAttribute("data-series"),
                        g.getElementsByTagName("text").item(0).getTextContent());
            }
        }
        return out;
    }

    @Test
    void theNumbersOnTheBarsAreTheTables() throws Exception {
        Figure figure = StackedBars.figure("upr", "By theme", "Theme", "recommendations", SERIES, List.of(
                new StackedBars.Bar("Accountability", List.of(3, 1, 0)),
                new StackedBars.Bar("Children & armed conflict", List.of(0, 0, 2))));

        Map<String, String> table = new LinkedHashMap<>();
        for (List<String> row : figure.rows()) {
            for (int j = 1; j < figure.columns().size() - 1; j++) {
                if (!row.get(j).equals("0")) {
                    table.put(row.get(0) + "|" + figure.columns().get(j), row.get(j));
                }
            }
        }
        assertThat(segments(figure.svg())).isEqualTo(table).hasSize(3);
        assertThat(figure.columns()).containsExactly("Theme", "Supported", "Noted", "No response recorded", "Total");
        assertThat(figure.rows().get(0)).containsExactly("Accountability", "3", "1", "0", "4");
        assertThat(figure.svg()).contains("Accountability: 4 recommendations (3 supported, 1 noted).");
    }

    @Test
    void aSeriesWithNothingIsLeftOutOfTheKeyAndTheTable() {
        Figure figure = StackedBars.figure("upr", "By theme", "Theme", "recommendations", SERIES, List.of(
                new StackedBars.Bar("Accountability", List.of(0, 0, 5))));
        assertThat(figure.columns()).containsExactly("Theme", "No response recorded", "Total");
        assertThat(figure.svg()).doesNotContain(">Supported<").contains(">No response recorded<");
    }
}
