package org.councilbrief.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchPageTest {
    @Test
    void downloadsAreOfferedForPlainWordsOnlyAsTheyHoldRowsWithEveryWord() {
        for (String plain : new String[] {"", "torture", "Rome Statute", "droits de l'homme", "follow-up", "2690"}) {
            assertThat(SearchPage.PLAIN.matcher(plain).matches()).as(plain).isTrue();
        }
        for (String query : new String[] {"\"human rights\"", "peace OR security", "peace NOT Mali", "-Wagner",
                "(peace)", "elect*", "peace AND security"}) {
            assertThat(SearchPage.PLAIN.matcher(query).matches()).as(query).isFalse();
        }
    }
}
