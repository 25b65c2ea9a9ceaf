package org.councilbrief.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Running headers and footers are found by their repetition, whatever they say. */
class PageFurnitureTest {
    private static final List<String> BODY = List.of("The Council heard a briefing on the situation.",
            "Members called for the protection of civilians", "and for humanitarian access.",
            "They condemned the attacks on schools.", "The representative spoke of accountability",
            "for the crimes committed in the north.");

    private static final List<String> WORDS = List.of("zero", "first", "second", "third", "fourth", "fifth", "sixth");

    /** Pages of body text between the header and footer lines each page number gives. */
    private static List<String> pages(int count, IntFunction<List<String>> header, IntFunction<List<String>> footer) {
        List<String> lines = new ArrayList<>();
        for (int page = 1; page <= count; page++) {
            List<String> top = new ArrayList<>(header.apply(page));
            if (page > 1) {
                top.set(0, "\f" + top.get(0));
            }
            lines.addAll(top);
            lines.add("");
            for (String line : BODY) {
                lines.add(line + " (" + WORDS.get(page) + ")");
            }
            lines.add("");
            lines.addAll(footer.apply(page));
        }
        return lines;
    }

    private static List<String> furniture(List<String> lines) {
        PageFurniture furniture = PageFurniture.of(lines);
        return furniture.indexes().stream().map(i -> lines.get(i).replace("\f", "")).toList();
    }

    private static List<String> body(List<String> lines) {
        PageFurniture furniture = PageFurniture.of(lines);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!furniture.isFurniture(i) && !lines.get(i).isBlank()) {
                out.add(lines.get(i).replace("\f", ""));
            }
        }
        return out;
    }

    @Test
    void findsTheUnsHeaderMirroredOnEvenPagesAndItsFooter() {
        List<String> lines = pages(4, p -> List.of(p % 2 == 1 ? "S/PV.8706    Maintenance of peace    21/01/2020"
                : "21/01/2020    Maintenance of peace    S/PV.8706"),
                p -> List.of(p % 2 == 1 ? "20-00789    " + p + "/4" : p + "/4    20-00789"));
        assertThat(furniture(lines)).hasSize(8).allSatisfy(l -> assertThat(l).containsAnyOf("S/PV.8706", "20-00789"));
        assertThat(body(lines)).hasSize(24).noneMatch(l -> l.contains("8706") || l.contains("00789"));
    }

    @Test
    void findsAHeaderWithTheDateWrittenOutAndTheTitleCutShortAndAPageNumberAlone() {
        List<String> lines = pages(3, p -> List.of("S/PV.8706    Maintenance of international…    21 January 2020"),
                p -> List.of("                " + p));
        assertThat(furniture(lines)).hasSize(6);
        assertThat(body(lines)).hasSize(18);
    }

    @Test
    void findsHeadersThatDifferBetweenOddAndEvenPagesOverTwoLines() {
        List<String> lines = pages(6, p -> p % 2 == 1
                ? List.of("Security Council 8706th meeting", "Tuesday, 21 January 2020")
                : List.of("S/PV.8706", "Maintenance of international peace and security"),
                p -> List.of("- " + p + " -", "Provisional verbatim record"));
        assertThat(furniture(lines)).hasSize(24);
        assertThat(body(lines)).hasSize(36).allSatisfy(l -> assertThat(l).endsWith(")"));
    }

    @Test
    void aLineThatStandsAtTheTopOfOnePageOnlyIsText() {
        List<String> lines = pages(4, p -> List.of(p == 2 ? "Annex" : "GE.25-02819"), p -> List.of("Page " + p));
        assertThat(furniture(lines)).containsExactly("GE.25-02819", "Page 1", "Page 2", "GE.25-02819", "Page 3",
                "GE.25-02819", "Page 4");
        assertThat(body(lines)).contains("Annex");
    }

    @Test
    void theFirstPagesJobNumberAndBarCodeAreFurnitureThoughPrintedOnce() {
        List<String> lines = pages(3, p -> List.of(p == 1 ? "United Nations    S/PV.8706"
                : "S/PV.8706    Maintenance of peace    21/01/2020"),
                p -> p == 1 ? List.of("20-00789 (E)", "*2000789*") : List.of("20-00789    " + p + "/3"));
        assertThat(furniture(lines)).contains("20-00789 (E)", "*2000789*");
    }

    @Test
    void aTextWithoutPageBreaksKeepsItsLinesButForThoseRepeatedLikeHeaders() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            lines.add("A/HRC/59/15");
            for (String line : BODY) {
                lines.add(line + " (" + WORDS.get(i) + ")");
            }
        }
        lines.add("The Council heard a briefing on the situation.");
        assertThat(furniture(lines)).containsExactly("A/HRC/59/15", "A/HRC/59/15", "A/HRC/59/15", "A/HRC/59/15");
    }
}
