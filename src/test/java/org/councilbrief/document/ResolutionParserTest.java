package org.councilbrief.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.councilbrief.AppException;
import org.councilbrief.SharedData;
import org.junit.jupiter.api.Test;

class ResolutionParserTest {
    private static final String TEXT = """
            United Nations                                                      S/RES/2374 (2017)
            Security Council                                                    Distr.: General
                                                                                5 September 2017
            Resolution 2374 (2017)
            Adopted by the Security Council at its 8040th meeting, on 5 September 2017

                 The Security Council,
                 Recalling its previous resolutions and statements on the situation in
            Mali,
                 Strongly condemning the attacks against civilians,
                 Determining that the situation constitutes a threat to international peace
            and security,
                 Acting under Chapter VII of the Charter of the United Nations,
                 1.   Decides to establish a sanctions regime;
                 2.   Demands that the parties respect the ceasefire;

            17-15437                                                                    1/4
            \fS/RES/2374 (2017)

                 8.   Decides that the provisions of paragraph 1 shall apply to individuals
            who are:
                 (a)  responsible for hostilities, including:
                      (i)   attacks against civilians;
                      (ii)  the planning of such attacks;
                 (b)  obstructing the delivery of humanitarian assistance;
                 (i)  a case lettered i after h does not arise here;
            """.replace("     8.", "     3.");

    @Test
    void readsPreambularAndOperativeParagraphsWithTheirSubParagraphs() throws AppException {
        Resolution resolution = ResolutionParser.parse(SourceTexts.of("res.txt", TEXT), null);
        assertThat(resolution.symbol()).isEqualTo("S/RES/2374 (2017)");
        assertThat(resolution.title()).isEqualTo("Resolution 2374 (2017)");
        assertThat(resolution.paragraphs()).extracting(ResolutionParagraph::label).containsExactly("PP1", "PP2",
                "PP3", "PP4", "OP1", "OP2", "OP3", "OP3(a)", "OP3(a)(i)", "OP3(a)(ii)", "OP3(b)", "OP3(b)(i)");
        assertThat(resolution.paragraphs().get(0).text())
                .isEqualTo("Recalling its previous resolutions and statements on the situation in Mali,");
        assertThat(resolution.paragraphs().get(6).text()).isEqualTo(
                "Decides that the provisions of paragraph 1 shall apply to individuals who are:");
        assertThat(resolution.text(ParagraphRef.parse("OP2"))).isEqualTo("Demands that the parties respect the ceasefire;");
        assertThat(resolution.text(ParagraphRef.parse("OP3"))).contains("(a) responsible for hostilities")
                .contains("(ii) the planning of such attacks;");
        assertThat(resolution.resolve(ParagraphRef.parse("OP9"))).isEmpty();
    }

    @Test
    void readsTheRealPreambleOfResolution2690() throws AppException {
        Resolution resolution = ResolutionParser.parse(SourceTexts.read(
                SharedData.root().resolve("data/pages/seed_sources/res2690_2023_text_partial.txt")), null);
        assertThat(resolution.symbol()).isEqualTo("S/RES/2690 (2023)");
        assertThat(resolution.resolve(ParagraphRef.parse("PP1"))).singleElement()
                .satisfies(p -> assertThat(p.text()).startsWith("Recalling all its previous resolutions")
                        .endsWith("on the situation in Mali,"));
        assertThat(resolution.paragraphs()).filteredOn(p -> p.kind() == ParagraphRef.Kind.PP).hasSizeGreaterThan(5);
    }

    @Test
    void aTextWithoutThePreambleLineIsNotAResolution() {
        assertThatThrownBy(() -> ResolutionParser.parse(SourceTexts.of("x.txt", "The President: Thank you.\n"), null))
                .isInstanceOf(InputException.class).hasMessageContaining("x.txt: not a resolution");
    }
}
