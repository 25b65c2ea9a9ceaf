package org.councilbrief.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.councilbrief.SharedData;
import org.councilbrief.document.InputException;
import org.councilbrief.document.SourceTexts;
import org.junit.jupiter.api.Test;

class PressSummaryParserTest {
    private final PressSummaryParser parser = new PressSummaryParser();

    @Test
    void givesEachParagraphToTheSpeakerItReports() throws InputException {
        PressSummary summary = parser.parse(SourceTexts.of("sc.txt", """
                9365th Meeting (AM)
                SC/15341

                Council Ends Mission's Mandate

                The Council decided today to end the mandate of the Mission.

                Jane Doe, Assistant Secretary-General for Africa, said the drawdown would take six months.

                She added that the safety of personnel came first.

                The representative of Ghana, also speaking for Gabon and Mozambique, said the resolution marked a
                milestone for the people of Mali.

                He added that the region would need support after the withdrawal.

                France's representative regretted that civilians would lose the Mission's protection.

                The speaker for the United Kingdom called for accountability for the killings in Moura.

                Statements

                Members of the Council then spoke in turn.
                """));
        assertThat(summary.pressRelease()).isEqualTo("SC/15341");
        assertThat(summary.meeting()).isEqualTo("S/PV.9365");
        assertThat(summary.headline()).isEqualTo("Council Ends Mission's Mandate");
        assertThat(summary.date()).as("no date line").isNull();
        List<PressParagraph> p = summary.paragraphs();
        assertThat(p).extracting(PressParagraph::countryCode).containsExactly(null, null, null, "GHA", "GHA", "FRA",
                "GBR", null);
        assertThat(p).extracting(PressParagraph::speaker).containsExactly(null, "Jane Doe", "Jane Doe",
                "The representative of Ghana", "The representative of Ghana", "France's representative",
                "The speaker for the United Kingdom", null);
        assertThat(p.get(3).onBehalfOf()).containsExactly("GHA", "GAB", "MOZ");
        assertThat(p.get(3).text()).endsWith("milestone for the people of Mali.");
        assertThat(p.get(3).line()).isEqualTo(12);
    }

    @Test
    void readsTheRealExcerptOfThe9407thMeeting() throws InputException {
        PressSummary summary = parser.parse(SourceTexts.read(
                SharedData.root().resolve("data/pages/seed_sources/sc15398_press_release_28aug2023_excerpt.txt")));
        assertThat(summary.pressRelease()).isEqualTo("SC/15398");
        assertThat(summary.meeting()).isEqualTo("S/PV.9407");
        assertThat(summary.paragraphs()).anySatisfy(p -> {
            assertThat(p.speaker()).isEqualTo("El-Ghassim Wane");
            assertThat(p.countryCode()).isNull();
        });
    }

    @Test
    void readsTheDateLineAboveTheHeadlineButNotADateInTheText() throws InputException {
        String release = """
                SC/15341
                30 JUNE 2023
                9365th Meeting (AM)

                Council Ends Mission's Mandate

                The Council decided today to end the mandate of the Mission as of 1 July 2023.
                """;
        assertThat(parser.parse(SourceTexts.of("sc.txt", release)).date()).hasToString("2023-06-30");
        assertThat(parser.parse(SourceTexts.of("sc.txt", release.replace("30 JUNE 2023\n", ""))).date()).isNull();
        assertThat(parser.parse(SourceTexts.of("sc.txt", release.replace("30 JUNE", "31 JUNE"))).date()).isNull();
        assertThat(parser.parse(SourceTexts.of("sc.txt", release.replace("30 JUNE", "28 Aug."))).date())
                .hasToString("2023-08-28");
        assertThat(parser.parse(SourceTexts.of("sc.txt", release.replace("30 JUNE", "30 Junk"))).date()).isNull();
    }

    @Test
    void aTextThatIsNotAPressSummaryIsRejected() {
        assertThatThrownBy(() -> parser.parse(SourceTexts.of("x.txt", "The President: I thank Ghana.\n")))
                .isInstanceOf(InputException.class).hasMessageContaining("not a press-release meeting summary");
    }
}
