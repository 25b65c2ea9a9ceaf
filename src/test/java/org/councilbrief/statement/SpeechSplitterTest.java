package org.councilbrief.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.councilbrief.document.InputException;
import org.councilbrief.document.SourceTexts;
import org.junit.jupiter.api.Test;

class SpeechSplitterTest {
    private final SpeechSplitter splitter = new SpeechSplitter();

    private List<Speech> split(String text, LocalDate date) throws InputException {
        return splitter.split(SourceTexts.of("S-PV-9350.txt", text), date);
    }

    @Test
    void readsEachKindOfLabel() throws InputException {
        List<Speech> speeches = split("""
                The President: I give the floor to the Secretary-General.

                The Secretary-General: I thank the Council.

                Mr. Roscoe (United Kingdom): We condemn the attacks.

                Mrs. Broadhurst Estival (France) (spoke in French): Nous demandons des enquêtes.

                Ms. Gamba de Potgieter (spoke in French): I am a briefer.

                Hadiza (spoke in French): I speak for civil society.

                Dame Barbara Woodward (United Kingdom of Great Britain and Northern Ireland): Thank you.
                """, null);
        assertThat(speeches).extracting(Speech::speaker).containsExactly("The President", "The Secretary-General",
                "Mr. Roscoe", "Mrs. Broadhurst Estival", "Ms. Gamba de Potgieter", "Hadiza", "Dame Barbara Woodward");
        assertThat(speeches).extracting(Speech::countryCode).containsExactly(null, null, "GBR", "FRA", null, null,
                "GBR");
        assertThat(speeches).extracting(Speech::language).containsExactly(null, null, null, "French", "French",
                "French", null);
        assertThat(speeches.get(2).text()).isEqualTo("We condemn the attacks.");
        assertThat(speeches.get(2).index()).isEqualTo(3);
    }

    @Test
    void thePresidentSpeakingForTheirStateIsGivenIt() throws InputException {
        List<Speech> speeches = split("""
                The President (spoke in French): I shall now make a statement in my capacity as the representative of
                the Niger. We call for a ceasefire.

                The President: I now resume my functions as President of the Council.
                """, null);
        assertThat(speeches.get(0).countryCode()).isEqualTo("NER");
        assertThat(speeches.get(1).countryCode()).isNull();
    }

    @Test
    void aJointStatementSpeaksForEveryMemberItNames() throws InputException {
        List<Speech> speeches = split("""
                Mr. Agyeman (Ghana): I speak on behalf of the three African members of the Council, namely, Gabon,
                Mozambique and my own country, Ghana.

                Mr. Abarry (Niger): I have the honour to speak on behalf of the A3.
                """, LocalDate.of(2020, 1, 15));
        assertThat(speeches.get(0).onBehalfOf()).containsExactly("GHA", "GAB", "MOZ");
        assertThat(speeches.get(1).onBehalfOf()).containsExactlyInAnyOrder("NER", "ZAF", "TUN");
    }

    @Test
    void readsThePrintedLayoutWithoutItsPageFurniture() throws InputException {
        List<Speech> speeches = split("""
                S/PV.8703    The situation in Mali    15/01/2020

                    The President: I now give the floor to Mr. Lacroix.
                    Mr. Lacroix (spoke in French): I thank you, Mr. President, for the opportunity to
                address the Council today in the presence of the Minister for Foreign Affairs of
                Mali.

                20-00789    3/24
                \f15/01/2020    The situation in Mali    S/PV.8703

                The situation remains difficult.
                    Mr. Heusgen (Germany): Thank you.

                20-00789    4/24
                """, null);
        assertThat(speeches).hasSize(3);
        assertThat(speeches.get(1).text()).isEqualTo("I thank you, Mr. President, for the opportunity to address the"
                + " Council today in the presence of the Minister for Foreign Affairs of Mali.\n"
                + "The situation remains difficult.");
        assertThat(speeches.get(2).countryCode()).isEqualTo("DEU");
    }

    @Test
    void thePresidentCanSpeakForTheirStateAndForTheA3PlusOne() throws InputException {
        List<Speech> speeches = split("""
                The President: I will now make a statement in my capacity as representative of South Africa and on
                behalf of the African members of the Security Council - the Niger, South Africa and Tunisia - and
                Saint Vincent and the Grenadines (A3+1).

                Mr. Ladeb (Tunisia): I speak on behalf of the A3+1.
                """, LocalDate.of(2020, 12, 10));
        assertThat(speeches.get(0).countryCode()).isEqualTo("ZAF");
        assertThat(speeches.get(0).onBehalfOf()).containsExactlyInAnyOrder("ZAF", "NER", "TUN", "VCT");
        assertThat(speeches.get(1).onBehalfOf()).containsExactlyInAnyOrder("TUN", "NER", "ZAF", "VCT");
    }

    @Test
    void aTextWithoutSpeechesIsRejected() {
        assertThatThrownBy(() -> split("Resolution 2690 (2023)\nThe Security Council,\n", null))
                .isInstanceOf(InputException.class).hasMessageContaining("S-PV-9350.txt")
                .hasMessageContaining("no speech found");
    }

    @Test
    void readsTheDateFromTheRecord() {
        assertThat(SpeechSplitter.dateOf(SourceTexts.of("x", "S/PV.9350\nFriday, 16 June 2023, 10 a.m.\n")))
                .contains(LocalDate.of(2023, 6, 16));
        assertThat(SpeechSplitter.dateOf(SourceTexts.of("x", "S/PV.8703 The situation in Mali 15/01/2020\n")))
                .contains(LocalDate.of(2020, 1, 15));
    }
}
