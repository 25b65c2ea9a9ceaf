package org.councilbrief.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.councilbrief.SharedData;
import org.councilbrief.upr.ExtractedRecommendation;
import org.councilbrief.upr.UprReportParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TextDecoderTest {
    private static final String REPORT = SharedData.read(SharedData.root()
            .resolve("data/upr-reports/slovenia_4th_cycle/reports/slovenia2025_A-HRC-59-15.txt"));

    /** The text as a file in that encoding would hold it: characters it cannot hold become '?'. */
    private static byte[] encode(String text, Charset charset) throws CharacterCodingException {
        ByteBuffer buffer = charset.newEncoder().onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(new byte[] {'?'}).encode(CharBuffer.wrap(text));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    @ParameterizedTest
    @CsvSource({"UTF-8, \\n", "UTF-8, \\r\\n", "UTF-8, \\r", "windows-1252, \\r\\n", "windows-1252, \\n",
        "x-MacRoman, \\r", "x-MacRoman, \\n"})
    void readsEachEncodingAndLineEndRight(String encoding, String lineEnd) throws Exception {
        Charset charset = Charset.forName(encoding);
        String end = lineEnd.replace("\\r", "\r").replace("\\n", "\n");
        byte[] bytes = encode(REPORT.replace("\n", end), charset);
        SourceText text = SourceTexts.of("report.txt", bytes);
        String expected = new String(encode(REPORT, charset), charset);
        assertThat(text.encoding()).isEqualTo(encoding);
        assertThat(text.text()).isEqualTo(expected);
        assertThat(text.text()).contains("(Türkiye);", "women’s", "“erased”").doesNotContain("\r");

        List<ExtractedRecommendation> recs = new UprReportParser().parse(text).recommendations();
        List<ExtractedRecommendation> reference = new UprReportParser()
                .parse(SourceTexts.of("report.txt", REPORT)).recommendations();
        assertThat(recs).extracting(r -> r.paragraph() + " " + r.recommendingStateCodes())
                .isEqualTo(reference.stream().map(r -> r.paragraph() + " " + r.recommendingStateCodes()).toList());
    }

    @Test
    void aByteOrderMarkIsDroppedAndShortSingleByteTextsAreJudgedByTheirLetters() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'O', 'K'};
        assertThat(TextDecoder.decode(bom).text()).isEqualTo("OK");
        String french = "Le représentant de la Côte d’Ivoire a déclaré: « Nous appelons à l’enquête ».";
        assertThat(TextDecoder.decode(french.getBytes(Charset.forName("windows-1252"))).text()).isEqualTo(french);
        assertThat(TextDecoder.decode(french.getBytes(Charset.forName("x-MacRoman"))).text()).isEqualTo(french);
        assertThat(TextDecoder.decode(french.getBytes(StandardCharsets.UTF_8)).encoding()).isEqualTo("UTF-8");
    }

    @Test
    void binaryFilesAreRefused() {
        byte[] zip = {'P', 'K', 3, 4, 0, 0, 8, 0};
        assertThatThrownBy(() -> SourceTexts.of("brief.docx", zip)).isInstanceOf(InputException.class)
                .hasMessage("brief.docx: not a text or PDF file");
    }
}
