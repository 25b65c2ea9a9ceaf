package org.councilbrief.council;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatesTest {
    private final States states = States.shipped();

    @Test
    void holdsThe193MembersAndTheTwoObserverStates() {
        assertThat(states.all().stream().filter(s -> s.status() == State.Status.MEMBER)).hasSize(193);
        assertThat(states.all().stream().filter(s -> s.status() == State.Status.OBSERVER).map(State::code))
                .containsExactlyInAnyOrder("VAT", "PSE");
    }

    @Test
    void everyMemberHasAnIsoCodeAndARegionalGroup() {
        Set<String> groups = states.all().stream().filter(s -> s.status() == State.Status.MEMBER)
                .map(State::group).collect(Collectors.toSet());
        assertThat(groups).containsExactlyInAnyOrder("African", "Asia-Pacific", "Eastern European",
                "Latin American and Caribbean", "Western European and others");
        assertThat(states.all()).allSatisfy(s -> assertThat(s.code()).matches("[A-Z]{3}"));
        assertThat(states.all().stream().filter(s -> "African".equals(s.group()))).hasSize(54);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "United Kingdom of Great Britain and Northern Ireland|GBR",
            "the UK|GBR",
            "Bolivarian Republic of Venezuela|VEN",
            "Côte d’Ivoire|CIV",
            "Cote d'Ivoire|CIV",
            "Holy See|VAT",
            "State of Palestine|PSE",
            "Libyan Arab Jamahiriya|LBY",
            "The former Yugoslav Republic of Macedonia|MKD",
            "Russian Federation|RUS",
            "USA|USA",
            "Türkiye|TUR",
            "Turkey|TUR"})
    void findsStatesByTheirOfficialOlderAndShortNames(String name, String code) {
        assertThat(states.byName(name)).map(State::code).contains(code);
    }

    @Test
    void shortNamesCarryTheirArticleWhereEnglishNeedsOne() {
        assertThat(states.require("GBR").shortName()).isEqualTo("the UK");
        assertThat(states.require("USA").shortName()).isEqualTo("the US");
        assertThat(states.require("ARE").shortName()).isEqualTo("the UAE");
        assertThat(states.require("RUS").shortName()).isEqualTo("Russia");
        assertThat(states.require("GBR").sortKey()).isEqualTo("UK");
    }
}
