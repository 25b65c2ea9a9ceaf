package org.councilbrief.council;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemberListTest {
    private final MemberList lists = new MemberList(States.shipped());
    private final Composition june2023 = Membership.shipped().on(LocalDate.of(2023, 6, 16));

    @Test
    void writesGroupingsFirstThenStatesInAlphabeticalOrderOfShortName() {
        assertThat(lists.prose(june2023, List.of("GBR", "CHE", "A3", "JPN", "ALB", "FRA", "ECU"), false))
                .isEqualTo("the A3, Albania, Ecuador, France, Japan, Switzerland and the UK");
    }

    @Test
    void keepsTheArticleAndSortsWithoutIt() {
        assertThat(lists.prose(june2023, List.of("USA", "ARE", "GBR", "MLT"), false))
                .isEqualTo("Malta, the UAE, the UK and the US");
    }

    @Test
    void joinsTwoWithAndAndUsesNoSerialComma() {
        assertThat(lists.prose(june2023, List.of("CHE", "JPN"), false)).isEqualTo("Japan and Switzerland");
        assertThat(lists.prose(june2023, List.of("BRA", "ALB", "CHN"), false)).isEqualTo("Albania, Brazil and China");
        assertThat(lists.prose(june2023, List.of("BRA"), false)).isEqualTo("Brazil");
    }

    @Test
    void expandsAGroupingIntoItsMembers() {
        assertThat(MemberList.capitalize(lists.prose(june2023, List.of("A3"), true)))
                .isEqualTo("The A3 (Gabon, Ghana and Mozambique)");
    }

    @Test
    void readsTheListThatOpensASentence() {
        var parsed = lists.parseLeading(june2023,
                "The A3, Brazil, France, Malta and the UAE called for the participation of women.");
        assertThat(parsed).isPresent();
        assertThat(parsed.get().refs()).containsExactly("A3", "BRA", "FRA", "MLT", "ARE");
        assertThat(parsed.get().length()).isEqualTo("The A3, Brazil, France, Malta and the UAE".length());
    }

    @Test
    void ignoresSentencesThatDoNotOpenWithMembers() {
        assertThat(lists.parseLeading(june2023, "Mali's Foreign Ministry rejected the allegations.")).isEmpty();
        assertThat(lists.parseLeading(june2023, "Malta's delegate said")).isEmpty();
        assertThat(lists.parseLeading(june2023, "Germany called for calm.")).as("not on the Council in 2023").isEmpty();
    }
}
