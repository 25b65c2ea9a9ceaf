package org.councilbrief.theme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RuleTaggerTest {
    private final RuleTagger upr = new RuleTagger(Taxonomy.uprInfo());
    private final RuleTagger council = new RuleTagger(Taxonomy.council());

    @Test
    void englishCuesMatchWordsAndStems() {
        assertThat(upr.tag("Ratify the Optional Protocol to the Convention against Torture", Language.ENGLISH))
                .extracting(ThemeLabel::name).contains("International instruments", "Torture and other CID treatment");
        assertThat(upr.tag("Abolish the death penalty", Language.ENGLISH)).extracting(ThemeLabel::name)
                .containsExactly("Death penalty");
        assertThat(council.tag("We call for the perpetrators of the Moura killings to be held accountable.",
                Language.ENGLISH)).extracting(ThemeLabel::id).contains("accountability");
    }

    @Test
    void frenchCuesIgnoreAccents() {
        assertThat(council.tag("Nous appelons à la protection des civils et à la lutte contre l'impunité.",
                Language.FRENCH)).extracting(ThemeLabel::id).contains("protection-of-civilians", "accountability");
        assertThat(upr.tag("Ratifier la Convention relative aux droits des personnes handicapees", Language.FRENCH))
                .extracting(ThemeLabel::name).contains("International instruments", "Disabilities");
    }

    @Test
    void aTextWithoutCuesGetsNothing() {
        assertThat(council.tag("Thank you, Madam President.", Language.ENGLISH)).isEmpty();
    }

    @Test
    void anExceptionCueKeepsTheThemesOtherCuesFromCountingWhereItOccurs() {
        assertThat(council.tag("The transition government's decision.", Language.ENGLISH))
                .extracting(ThemeLabel::id).doesNotContain("elections-and-transition");
        assertThat(council.tag("The transition government must hold the elections.", Language.ENGLISH))
                .extracting(ThemeLabel::id).contains("elections-and-transition");
        assertThat(council.tag("The political transition is at a crucial phase.", Language.ENGLISH))
                .extracting(ThemeLabel::id).contains("elections-and-transition");
    }
}
