package org.councilbrief.upr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.councilbrief.document.InputException;
import org.councilbrief.document.SourceTexts;
import org.junit.jupiter.api.Test;

class UprReportParserTest {
    private final UprReportParser parser = new UprReportParser();

    private List<ExtractedRecommendation> extract(String text) throws InputException {
        return parser.parse(SourceTexts.of("report.txt", text)).recommendations();
    }

    @Test
    void readsNumberedRecommendationsWithSeveralStatesInEitherForm() throws InputException {
        List<ExtractedRecommendation> recs = extract("""
                II. Conclusions and/or recommendations
                101. The following recommendations will be examined by Mali:
                101.1 Ratify the Optional Protocol (France) (Iraq) (Poland);
                101.2 Abolish the death penalty (Brazil, Chile);
                101.3 Strengthen the national human rights institution (Bosnia and Herzegovina);
                102. All conclusions and/or recommendations contained in the present report reflect the position.
                """);
        assertThat(recs).extracting(ExtractedRecommendation::paragraph).containsExactly("101.1", "101.2", "101.3");
        assertThat(recs.get(0).recommendingStateCodes()).containsExactly("FRA", "IRQ", "POL");
        assertThat(recs.get(0).text()).isEqualTo("Ratify the Optional Protocol");
        assertThat(recs.get(1).recommendingStateCodes()).containsExactly("BRA", "CHL");
        assertThat(recs.get(2).recommendingStateCodes()).containsExactly("BIH");
        assertThat(recs).allMatch(r -> "pending".equals(r.response()));
    }

    @Test
    void readsTheFirstCycleLayoutOfItemsInsideParagraphsWithTheirAnswers() throws InputException {
        List<ExtractedRecommendation> recs = extract("""
                II. CONCLUSIONS AND/OR RECOMMENDATIONS
                56. The recommendations listed below enjoy the support of Switzerland:
                1.\s
                To pursue its efforts in preventing xenophobia (Algeria);
                2.\s
                To ratify the Optional Protocol (Mexico, United Kingdom); and to create a mechanism (Mexico);
                57. The following recommendations will be examined by Switzerland:
                1.\s
                To establish a national institution (Algeria, India);
                58. The recommendations below did not enjoy the support of Switzerland:
                1.\s
                To abolish the army (Holy See).
                59. All conclusions and/or recommendations contained in the present report reflect the position.
                """);
        assertThat(recs).extracting(r -> r.paragraph() + " " + r.response()).containsExactly(
                "56.1 supported", "56.2 supported", "57.1 pending", "58.1 noted");
        assertThat(recs.get(1).recommendingStateCodes()).containsExactly("MEX", "GBR");
        assertThat(recs.get(3).recommendingStateCodes()).containsExactly("VAT");
    }

    @Test
    void anItemNumberEqualToTheNextParagraphIsAnItemWhenItEndsWithStates() throws InputException {
        StringBuilder text = new StringBuilder("II. Conclusions and/or recommendations\n"
                + "3. The following recommendations will be examined by Angola:\n");
        for (int i = 1; i <= 5; i++) {
            text.append(i).append(". \nTo do thing ").append(i).append(" (Brazil);\n");
        }
        text.append("4. All conclusions and/or recommendations contained in the present report reflect it.\n");
        List<ExtractedRecommendation> recs = extract(text.toString());
        assertThat(recs).extracting(ExtractedRecommendation::paragraph)
                .containsExactly("3.1", "3.2", "3.3", "3.4", "3.5");
    }

    @Test
    void joinsTextBrokenAcrossLinesAndPagesAndDropsRunningHeadersFootersAndFootnotes() throws InputException {
        // Two pages, each headed by the report's symbol as every page of it is: furniture is known by repeating.
        List<ExtractedRecommendation> recs = extract("""
                A/HRC/59/15

                       II. Conclusions and/or recommendations
                              140. The following recommendations will be examined by Slovenia:
                                     140.9    Consider acceding to the Optional Protocol to the
                                     International Covenant on Economic, Social and Cultural
                2 The recommendation as read during the interactive dialogue: "Accede" (Germany).
                GE.25-02819                                                         11
                \fA/HRC/59/15

                              Rights (Rwanda) (United Kingdom of Great Britain and Northern
                              Ireland) (Bolivarian Republic of Venezuela);2
                              140.10   Accede (Côte d’Ivoire) (State of Palestine);
                """);
        assertThat(recs).hasSize(2);
        assertThat(recs.get(0).text()).isEqualTo("Consider acceding to the Optional Protocol to the International "
                + "Covenant on Economic, Social and Cultural Rights");
        assertThat(recs.get(0).recommendingStateCodes()).containsExactly("RWA", "GBR", "VEN");
        assertThat(recs.get(0).recommendingStates()).containsExactly("Rwanda",
                "United Kingdom of Great Britain and Northern Ireland", "Bolivarian Republic of Venezuela");
        assertThat(recs.get(1).recommendingStateCodes()).containsExactly("CIV", "PSE");
    }

    @Test
    void knowsTheUnsOfficialNamesOldNamesAndNestedBrackets() throws InputException {
        List<ExtractedRecommendation> recs = extract("""
                II. Conclusions and/or recommendations
                90. The recommendations below enjoy the support of Chad:
                90.1. Do one thing (Libyan Arab Jamahiriya);
                90.2. Do another (The former Yugoslav Republic of Macedonia);
                90.3. Do a third (Bolivia (Plurinational State of)) (Iran (Islamic Republic of));
                90.4. Reconsider laws (such as Article 112 of the Penal Code (2007) (Switzerland);
                90.5. Do a fifth (Brazil/Spain) (Mexico and Trinidad and Tobago) (C6te d'Ivoire).
                """);
        assertThat(recs).extracting(r -> String.join(",", r.recommendingStateCodes()))
                .containsExactly("LBY", "MKD", "BOL,IRN", "CHE", "BRA,ESP,MEX,TTO,CIV");
    }

    @Test
    void statesInsideTheTextCountWhenTheyRecommendPartOfIt() throws InputException {
        List<ExtractedRecommendation> recs = extract("""
                II. Conclusions and/or recommendations
                83. The recommendations below enjoy the support of Greece:
                83.1. Ratify the Convention (Algeria, Austria) that it signed in 2007 and its Optional Protocol (Ukraine);
                83.2. Ratify the Convention (CRPD) as planned (Ecuador);
                """);
        assertThat(recs.get(0).recommendingStateCodes()).containsExactly("DZA", "AUT", "UKR");
        assertThat(recs.get(1).recommendingStateCodes()).containsExactly("ECU");
        assertThat(recs.get(1).text()).isEqualTo("Ratify the Convention (CRPD) as planned");
    }

    @Test
    void aRecommendationWithoutStatesIsKeptWithAWarning() throws InputException {
        UprReport report = parser.parse(SourceTexts.of("r.txt", """
                II. Conclusions and/or recommendations
                70. The recommendations below enjoy the support of Chad:
                70.1. Do one thing (NA);
                """));
        assertThat(report.recommendations()).singleElement().satisfies(r -> {
            assertThat(r.paragraph()).isEqualTo("70.1");
            assertThat(r.recommendingStateCodes()).isEmpty();
        });
        assertThat(report.warnings()).singleElement().asString().contains("line 3", "70.1");
    }

    @Test
    void readsTheSymbolTheStateAndTheDayOfTheReview() throws InputException {
        UprReport report = parser.parse(SourceTexts.of("r.txt", """
                A/HRC/8/29
                Report of the Working Group on the Universal Periodic Review
                1. The Working Group held its first session from 7 to 18 April 2008. The review of Algeria was held
                at the 5th meeting on 14 April 2008.
                II. CONCLUSIONS AND/OR RECOMMENDATIONS
                69. The recommendations listed below enjoy the support of Algeria:
                1. That Algeria continue a dialogue (The Holy See).
                """));
        assertThat(report.symbol()).isEqualTo("A/HRC/8/29");
        assertThat(report.stateUnderReview()).isEqualTo("DZA");
        assertThat(report.session()).isEqualTo(1);
        assertThat(report.reviewDate()).hasToString("2008-04-14");
    }

    @Test
    void aFileThatIsNotAReportIsRejectedWithTheReason() {
        assertThatThrownBy(() -> extract("The President: I thank the representative of Ghana.\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("report.txt")
                .hasMessageContaining("does not look like a UPR Working Group report");
        assertThatThrownBy(() -> extract("II. Conclusions and/or recommendations\nNothing numbered here.\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("report.txt:1")
                .hasMessageContaining("no numbered recommendations");
    }
}
