package org.councilbrief.theme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageTest {
    @Test
    void tellsEnglishFrenchAndOthers() {
        assertThat(Language.detect("Improve conditions in prisons and detention centres")).isEqualTo(Language.ENGLISH);
        assertThat(Language.detect("Renforcer la protection des défenseurs des droits de l'homme et des journalistes"))
                .isEqualTo(Language.FRENCH);
        assertThat(Language.detect("Fortalecer la protección de los defensores de los derechos humanos y de los "
                + "periodistas en todo el territorio nacional")).isEqualTo(Language.OTHER);
        assertThat(Language.detect("Ратифицировать конвенцию о правах инвалидов и факультативный протокол к ней"))
                .isEqualTo(Language.OTHER);
    }

    @Test
    void tooShortToTellIsUnknown() {
        assertThat(Language.detect("")).isEqualTo(Language.UNKNOWN);
        assertThat(Language.detect("Ratify CAT")).isEqualTo(Language.UNKNOWN);
    }
}
