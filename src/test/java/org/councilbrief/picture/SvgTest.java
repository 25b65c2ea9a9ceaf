package org.councilbrief.picture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SvgTest {
    @Test
    void writesWellFormedSvgWithItsTitleAndDescriptionFirst() throws Exception {
        String svg = new Svg("grid", 200, 100, "Who said what <at> S/PV.1", "Fifteen members & six themes")
                .rect(0, 0, 10.005, 20, Palette.act("condemns").colour(), "none")
                .group("France \"condemned\"").text(5, 15, "A & B", "middle", "bold", Palette.INK).end()
                .toString();

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));

        assertThat(doc.getDocumentElement().getFirstChild().getNodeName()).isEqualTo("title");
        assertThat(doc.getDocumentElement().getFirstChild().getTextContent()).isEqualTo("Who said what <at> S/PV.1");
        assertThat(doc.getElementsByTagName("desc").item(0).getTextContent()).isEqualTo("Fifteen members & six themes");
        assertThat(doc.getDocumentElement().getAttribute("aria-labelledby")).isEqualTo("grid-title grid-desc");
        assertThat(doc.getElementsByTagName("text").item(0).getTextContent()).isEqualTo("A & B");
        assertThat(svg).contains("width=\"10.01\"").endsWith("</svg>");
    }

    @Test
    void aPicturesOwnStyleReplacesTheDefaultSizeOnceOnly() {
        Svg svg = new Svg("p", 300, 100, "T", "D");
        assertThat(svg.toString()).contains("style=\"max-width:300px\"");
        Svg styled = new Svg("q", 300, 100, "T", "D").style("max-width:36rem");
        String text = styled.toString();
        assertThat(text).contains("style=\"max-width:36rem\"").doesNotContain("300px");
        assertThat(text.indexOf(" style=")).isEqualTo(text.lastIndexOf(" style="));
        assertThatThrownBy(() -> new Svg("r", 1, 1, "T", "D").style("a:b").style("c:d"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void numbersAreLocaleFreeWithoutTrailingZeros() {
        assertThat(Svg.num(12.0)).isEqualTo("12");
        assertThat(Svg.num(0.5)).isEqualTo("0.5");
        assertThat(Svg.num(-0.001)).isEqualTo("0");
        assertThatThrownBy(() -> Svg.num(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Svg.num(-3.1)).isEqualTo("-3.1");
        assertThat(Svg.num(-1.125)).isEqualTo("-1.13").isEqualTo("-" + Svg.num(1.125));
        assertThat(Svg.num(1234.567)).isEqualTo("1234.57");
        assertThat(Svg.num(0.05)).isEqualTo("0.05");
        qt().withExamples(2000).forAll(doubles().between(-100_000, 100_000)).checkAssert(v -> {
            String written = Svg.num(v);
            assertThat(Double.parseDouble(written)).as(written).isCloseTo(v, within(0.0050001));
            assertThat(written).as("from %s", v).doesNotMatch(".*\\.\\d*0|-0|.*\\.|.*\\.\\d{3,}|.*[eE,].*");
        });
    }

    @Test
    void everyActHasItsOwnLetterSoGreyPrintSaysTheSame() {
        var letters = java.util.stream.Stream.of("calls-for", "condemns", "welcomes", "expresses-concern", "rejects",
                "notes").map(a -> Palette.act(a).letter()).distinct().count();
        assertThat(letters).isEqualTo(6);
    }
}
