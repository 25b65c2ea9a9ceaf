package org.councilbrief.picture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ActGridTest {
    static final List<ActGrid.Member> MEMBERS = List.of(new ActGrid.Member("ALB", "Albania"),
            new ActGrid.Member("FRA", "France"), new ActGrid.Member("GBR", "the UK"),
            new ActGrid.Member("RUS", "Russia"));
    static final List<ActGrid.Theme> THEMES = List.of(new ActGrid.Theme("accountability", "Accountability"),
            new ActGrid.Theme("protection-of-civilians", "Protection of civilians"),
            new ActGrid.Theme("children", "Children and armed conflict"));

    /** Each drawn cell's acts (in words, from its letters), by "member|theme"; read from the SVG as a DOM. */
    static Map<String, List<String>> drawnCells(String svg) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Map<String, String> wordsByLetter = new HashMap<>();
        ActGrid.ACTS.forEach(a -> wordsByLetter.put(Palette.act(a).letter(), Palette.act(a).words()));
        Map<String, List<String>> cells = new LinkedHashMap<>();
        NodeList groups = doc.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (!g.getAttribute("class").equals("cell")) {
                continue;
            }
            List<String> acts = new ArrayList<>();
            NodeList texts = g.getElementsByTagName("text");
            for (int k = 0; k < texts.getLength(); k++) {
                acts.add(wordsByLetter.get(texts.item(k).getTextContent()));
            }
            cells.put(g.getAttribute("data-member") + "|" + g.getAttribute("data-theme"), acts);
        }
        return cells;
    }

    /** The table's non-empty cells, by "member label|column heading". */
    static Map<String, List<String>> tableCells(Figure figure) {
        Map<String, List<String>> cells = new LinkedHashMap<>();
        for (List<String> row : figure.rows()) {
            for (int j = 1; j < row.size(); j++) {
                if (!row.get(j).isEmpty()) {
                    cells.put(row.get(0) + "|" + figure.columns().get(j), List.of(row.get(j).split(", ")));
                }
            }
        }
        return cells;
    }

    @Test
    void everyCellDrawnSaysWhatTheTableSaysAndNothingMore() throws Exception {
        Figure figure = ActGrid.figure("grid", "Who said what", MEMBERS, THEMES, List.of(
                new ActGrid.Cell("FRA", "accountability", "calls-for"),
                new ActGrid.Cell("FRA", "accountability", "condemns"),
                new ActGrid.Cell("GBR", "children", "expresses-concern"),
                new ActGrid.Cell("ALB", "accountability", "welcomes"),
                new ActGrid.Cell("FRA", "accountability", "calls-for")));

        Map<String, String> labels = Map.of("ALB", "Albania", "FRA", "France", "GBR", "the UK", "RUS", "Russia",
                "accountability", "Accountability", "children", "Children and armed conflict");
        Map<String, List<String>> drawn = new LinkedHashMap<>();
        drawnCells(figure.svg()).forEach((k, v) -> drawn.put(labels.get(k.split("\\|")[0]) + "|"
                + labels.get(k.split("\\|")[1]), v));
        assertThat(drawn).isEqualTo(tableCells(figure)).hasSize(3);
        assertThat(drawn.get("France|Accountability")).containsExactly("called for", "condemned");
        // Rows in the order given, every member a row even without a position; themes nobody raised left out.
        assertThat(figure.rows()).extracting(r -> r.get(0)).containsExactly("Albania", "France", "the UK", "Russia");
        assertThat(figure.columns()).containsExactly("Member", "Accountability", "Children and armed conflict");
        assertThat(figure.svg()).contains("4 positions by 3 members of 4 on 2 themes");
    }

    @Test
    void aPeriodsPositionsShowEveryActOfACellAndLeaveOutNonMembers() throws Exception {
        List<ActGrid.Cell> cells = new ArrayList<>();
        for (String act : ActGrid.ACTS) {
            cells.add(new ActGrid.Cell("RUS", "protection-of-civilians", act));
        }
        cells.add(new ActGrid.Cell("MLI", "accountability", "rejects"));
        Figure figure = ActGrid.figure("period", "A year of meetings", MEMBERS, THEMES, cells);

        assertThat(drawnCells(figure.svg())).containsOnlyKeys("RUS|protection-of-civilians");
        assertThat(drawnCells(figure.svg()).get("RUS|protection-of-civilians")).containsExactly("called for",
                "condemned", "welcomed", "expressed concern", "rejected", "noted");
        assertThat(figure.svg()).doesNotContain("MLI");
        assertThat(figure.columns()).containsExactly("Member", "Protection of civilians");
    }

    @Test
    void lettersStandOutOnTheirColourAndEveryActDiffersInGreyOrByLetter() {
        List<String> letters = new ArrayList<>();
        for (String act : ActGrid.ACTS) {
            Palette.Mark mark = Palette.act(act);
            assertThat(Palette.contrast(mark.colour(), Palette.textOn(mark.colour()))).as(act)
                    .isGreaterThanOrEqualTo(3.0);
            letters.add(mark.letter());
        }
        assertThat(letters).doesNotHaveDuplicates();
    }

    @Test
    void aGridWithoutPositionsSaysSo() {
        Figure figure = ActGrid.figure("none", "Nobody", MEMBERS, THEMES, List.of());
        assertThat(figure.svg()).contains("No member took a position on a theme.");
        assertThat(figure.rows()).hasSize(4).allSatisfy(r -> assertThat(r).hasSize(1));
    }
}
