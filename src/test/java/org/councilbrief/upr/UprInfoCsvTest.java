package org.councilbrief.upr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.councilbrief.SharedData;
import org.councilbrief.document.InputException;
import org.councilbrief.document.SourceTexts;
import org.junit.jupiter.api.Test;

class UprInfoCsvTest {
    @Test
    void readsTheWholeUprInfoExportAndMapsEveryStateName() throws InputException {
        UprInfoCsv.Result result = new UprInfoCsv().read(SourceTexts.read(
                SharedData.root().resolve("data/upr-themes/upr_recommendations_sessions_01-12.csv")));
        assertThat(result.rows()).isEqualTo(21_356);
        assertThat(result.reviews()).hasSize(193);
        assertThat(result.reviews()).allSatisfy(r -> assertThat(r.cycle()).isEqualTo(1));
        // Only the rows UPR Info itself marks "(Unknown)" have a recommending state that cannot be named.
        assertThat(result.warnings()).allMatch(w -> w.contains("'(Unknown)'")).hasSize(9);
        int recommendations = result.reviews().stream().mapToInt(r -> r.recommendations().size()).sum();
        assertThat(recommendations).isLessThan(21_356).isGreaterThan(15_000);
        UprReview algeria = result.reviews().stream().filter(r -> r.id().equals("DZA-S1")).findFirst().orElseThrow();
        assertThat(algeria.recommendations()).allSatisfy(r -> assertThat(r.issues()).isNotEmpty());
    }

    @Test
    void readsAUhriExportByItsColumnNames() throws InputException {
        UprInfoCsv.Result result = new UprInfoCsv().read(SourceTexts.of("uhri.csv", """
                Recommendation;Recommending State(s);State under Review;UPR Session;Themes;Position
                "Ratify the Optional Protocol; soon";France;Mali;43;Ratification;Supported
                Protect journalists;Brazil;Mali;43;Freedom of expression;Noted
                """));
        assertThat(result.reviews()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("MLI-S43");
            assertThat(r.date()).hasToString("2023-05-01");
            assertThat(r.cycle()).isEqualTo(4);
            assertThat(r.recommendations()).extracting(UprRecommendation::text)
                    .containsExactly("Ratify the Optional Protocol; soon", "Protect journalists");
            assertThat(r.recommendations()).extracting(UprRecommendation::response)
                    .containsExactly("supported", "noted");
        });
    }

    @Test
    void aFileWithoutTheNamedColumnsSaysWhichAreMissingAndWhichAreThere() {
        assertThatThrownBy(() -> new UprInfoCsv().read(SourceTexts.of("x.csv", "name,value\na,b\n")))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("x.csv:1: no column for the recommendation's text")
                .hasMessageContaining("found: name, value");
        assertThatThrownBy(() -> new UprInfoCsv().read(SourceTexts.of("x.csv", """
                id,session,to,from,text
                1,one,Mali,France,Ratify
                """))).hasMessage("x.csv:2: the session 'one' is not a session number (1, 2, … or 'UPR session 1')");
        assertThatThrownBy(() -> new UprInfoCsv().read(SourceTexts.of("x.csv", """
                id,session,to,from,text
                1,1,Mali,"France,Ratify
                """))).hasMessageContaining("x.csv:2: a quoted field is not closed");
    }
}
