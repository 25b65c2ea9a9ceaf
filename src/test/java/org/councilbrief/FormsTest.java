package org.councilbrief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.councilbrief.document.InputException;
import org.councilbrief.document.Symbols;
import org.junit.jupiter.api.Test;

/** The door text enters by: control characters, limits, and what a message quotes of what was typed. */
class FormsTest {
    @Test
    void controlCharactersGoAndLineBreaksStayWhereAFieldHasLines() {
        assertThat(Forms.clean("Mali\u0001 \u0007(Sahel)\u0000", false)).isEqualTo("Mali (Sahel)");
        assertThat(Forms.clean("a\tb\r\nc\rd\u007f\u0085e\uFFFF", true)).isEqualTo("a\tb\nc\nde");
        assertThat(Forms.clean("a\tb\r\nc", false)).isEqualTo("a b c");
        assertThat(Forms.clean("lone \uD800 surrogate, pair \uD83D\uDE00 kept", false))
                .isEqualTo("lone  surrogate, pair \uD83D\uDE00 kept");
        String plain = "Nothing to change: « é » — 中文";
        assertThat(Forms.clean(plain, true)).isSameAs(plain);
        assertThat(Forms.blank(" \u0001 \u0007 ")).isNull();
        assertThat(Forms.lines("\r\n  first\r\n\r\nsecond \u0000\r\n")).isEqualTo("first\n\nsecond");
        assertThat(Forms.hasControl("a\nb", true)).isFalse();
        assertThat(Forms.hasControl("a\nb", false)).isTrue();
        assertThat(Forms.hasControl("a\u0007b", true)).isTrue();
    }

    @Test
    void aLimitIsStatedInThePagesWordsAndCountedAsABrowserCounts() {
        assertThat(Forms.tooLong("x".repeat(500), 500, "a title")).isNull();
        assertThat(Forms.tooLong("x".repeat(1001), 1000, "an address"))
                .isEqualTo("an address has at most 1,000 characters (this one has 1,001)");
        assertThat(Forms.tooLong(null, 1, "a title")).isNull();
    }

    @Test
    void aMessageQuotesAShortExcerptNeverTheWholeInputNorTheParsersText() throws Exception {
        String line = "x".repeat(10 * 1024 * 1024);
        assertThat(Forms.excerpt(line)).hasSize(Forms.EXCERPT + 1).endsWith("…");
        assertThat(Forms.excerpt("short\u0001 one")).isEqualTo("short one");
        assertThatThrownBy(() -> Forms.date("2024-13-45" + line)).isInstanceOf(AppException.class)
                .hasMessageStartingWith("'2024-13-45xxx").hasMessageEndingWith("…' is not a date of the form"
                        + " YYYY-MM-DD").message().hasSizeLessThan(200);
        assertThatThrownBy(() -> Forms.number("abc", 1, 99, "a version")).hasMessage("'abc' is not a version (a whole"
                + " number from 1 to 99)");
        assertThatThrownBy(() -> Symbols.parse(line)).message().hasSizeLessThan(400).doesNotContain("x".repeat(100));
        // Whatever a message was made of, it is kept short, its start and its end (which says why) kept.
        AppException long_ = new AppException("the line " + line + " cannot be read");
        assertThat(long_.getMessage()).hasSizeLessThanOrEqualTo(AppException.MAX_MESSAGE).startsWith("the line xxx")
                .endsWith("xxx cannot be read");
        InputException input = new InputException("big.csv", 2, "the field '" + line + "' is not a date");
        assertThat(input.getMessage()).hasSizeLessThanOrEqualTo(AppException.MAX_MESSAGE).startsWith("big.csv:2: ");
        assertThat(input.reason()).hasSizeLessThanOrEqualTo(AppException.MAX_MESSAGE).endsWith("is not a date");
    }
}
