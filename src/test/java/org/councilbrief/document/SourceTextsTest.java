package org.councilbrief.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The door every imported file goes through: what it refuses, with which line, and what it repairs. */
class SourceTextsTest {
    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void refusesAnEmptyFileAFileWithoutTextAndANulByteWithItsLine() {
        assertThatThrownBy(() -> SourceTexts.of("a.txt", new byte[0])).hasMessage("a.txt: the file is empty");
        assertThatThrownBy(() -> SourceTexts.of("a.txt", utf8(" \n\t\n"))).hasMessage("a.txt: the file has no text");
        assertThatThrownBy(() -> SourceTexts.of("a.txt", utf8("one\ntwo\nth\u0000ree\n" + "four ".repeat(100))))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageContaining("a.txt:3: a NUL byte");
    }

    @Test
    void refusesALineOverTheLimitNamingItsLengthButQuotingNothingOfIt() {
        String text = "title\n" + "x".repeat(SourceTexts.MAX_LINE + 5) + "\nend\n";
        assertThatThrownBy(() -> SourceTexts.of("a.txt", utf8(text)))
                .hasMessageStartingWith("a.txt:2: the line has 100,005 characters")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }

    @Test
    void replacesControlCharactersWithSpacesAndSaysWhere() throws InputException {
        String words = "words ".repeat(20);
        SourceText text = SourceTexts.of("a.txt", utf8(words + "\nring\u0007the\u0001bell\n"));
        assertThat(text.text()).isEqualTo(words + "\nring the bell\n");
        assertThat(text.notes()).containsExactly("2 control characters replaced by spaces (the first on line 2)");
    }

    @Test
    void readsUtf16WithAByteOrderMark() throws InputException {
        byte[] le = "\uFEFFCôte d’Ivoire\r\n".getBytes(StandardCharsets.UTF_16LE);
        SourceText text = SourceTexts.of("a.txt", le);
        assertThat(text.text()).isEqualTo("Côte d’Ivoire\n");
        assertThat(text.encoding()).isEqualTo("UTF-16");
    }

    @Test
    void anExcerptIsShortWhateverTheInput() {
        assertThat(InputException.excerpt("Atlantis")).isEqualTo("'Atlantis'");
        assertThat(InputException.excerpt("Atlantis ".repeat(5000))).startsWith("'Atlantis Atlantis")
                .endsWith("…' (45,000 characters)").hasSizeLessThan(90);
        assertThat(InputException.excerpt("a\u0000b\nc")).isEqualTo("'a b c'");
    }
}
