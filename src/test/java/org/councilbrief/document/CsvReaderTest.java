package org.councilbrief.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.councilbrief.SharedData;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
    private static CsvReader.Table read(String name, String text) throws InputException {
        return CsvReader.read(SourceTexts.of(name, text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsUprInfosWholeExportWithTheLineOfEveryRow() throws InputException {
        Path file = SharedData.root().resolve("data/upr-themes/upr_recommendations_sessions_01-12.csv");
        SourceText source = SourceTexts.read(file);
        CsvReader.Table table = CsvReader.read(source);
        table.checkShape();
        assertThat(table.header()).containsExactly("id", "session", "to", "from", "text", "issues", "response",
                "action");
        assertThat(table.rows()).hasSize(21_356);
        // Every row starts on the line of the file that begins with its id (no text in this export starts a line
        // with digits and a comma).
        List<String> lines = source.lines();
        assertThat(table.rows()).allSatisfy(row ->
                assertThat(lines.get(row.line() - 1)).startsWith(row.get("id") + ","));
    }

    @Test
    void keepsCarriageReturnsInsideQuotedFieldsAndCountsLinesAsTheFileHasThem() throws InputException {
        CsvReader.Table table = read("cr.csv", "a,b\r\n1,\"x\r\ny\"\r\n2,\"p\rq\"\r\n\r\n3,\"last\nline\"\r\n4,z");
        assertThat(table.rows()).extracting(r -> r.get("b")).containsExactly("x\r\ny", "p\rq", "last\nline", "z");
        assertThat(table.rows()).extracting(CsvReader.Row::line).containsExactly(2, 4, 7, 9);
    }

    @Test
    void refusesAColumnNamedTwiceNamingTheFileAndTheColumn() {
        assertThatThrownBy(() -> read("dup.csv", "id,text,issues,text\n1,a,b,c\n"))
                .isInstanceOf(InputException.class)
                .hasMessage("dup.csv:1: the column 'text' appears twice in the header (columns 2 and 4); give each"
                        + " column its own name");
        assertThatThrownBy(() -> read("dup.csv", "id;State under review;state_under_review\n1;a;b\n"))
                .hasMessageStartingWith("dup.csv:1: the columns 'State under review' and 'state_under_review' have"
                        + " the same name in the header (columns 2 and 3)");
        assertThatThrownBy(() -> read("ru.csv", "Текст,ТЕКСТ\nа,б\n"))
                .hasMessageContaining("the columns 'Текст' and 'ТЕКСТ' have the same name");
    }

    @Test
    void allowsRepeatedBlankColumnNamesAndNamesInOtherScripts() throws InputException {
        CsvReader.Table table = read("excel.csv", "Текст,Страна,,\nа,б,,\n");
        assertThat(table.column("текст")).isEqualTo("Текст");
        assertThat(table.column("страна")).isEqualTo("Страна");
        assertThat(table.rows().get(0).get("Страна")).isEqualTo("б");
    }

    @Test
    void refusesAnUnclosedQuoteNamingTheLineWhereItsRecordStarts() {
        assertThatThrownBy(() -> read("open.csv", "a,b\n1,2\n\n\n3,\"never closed\n4,5\n"))
                .isInstanceOf(InputException.class)
                .hasMessage("open.csv:5: a quoted field is not closed before the end of the file");
        assertThatThrownBy(() -> read("open.csv", "a,\"b\n"))
                .hasMessage("open.csv:1: a quoted field is not closed before the end of the file");
    }

    @Test
    void refusesTextAfterAClosingQuoteNamingItsLine() {
        assertThatThrownBy(() -> read("stray.csv", "a,b\r\n1,\"two\r\nlines\"\r\n\"x\"y,2\r\n"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("stray.csv:4: a quoted field is followed by other characters");
    }

    @Test
    void readsSemicolonsAByteOrderMarkAndQuotesInsideUnquotedFields() throws InputException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "Name;Value\nsay \"hi\";\"1;2\"\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, bytes, 0, 3);
        System.arraycopy(body, 0, bytes, 3, body.length);
        CsvReader.Table table = CsvReader.read(SourceTexts.of("semi.csv", bytes));
        assertThat(table.header()).containsExactly("Name", "Value");
        assertThat(table.rows().get(0).fields()).containsEntry("Name", "say \"hi\"").containsEntry("Value", "1;2");
        // The same text handed over as a string, mark included.
        assertThat(CsvReader.read(SourceTexts.of("semi.csv", "\uFEFFName;Value\n1;2")).header())
                .containsExactly("Name", "Value");
    }

    @Test
    void refusesAnEmptyFileAndNamesARowOfTheWrongShape() throws InputException {
        assertThatThrownBy(() -> read("empty.csv", "\n\n")).hasMessage("empty.csv: the file has no text");
        CsvReader.Table table = read("short.csv", "a,b,c\n1,2,3\n4,5\n");
        assertThatThrownBy(table::checkShape).hasMessage("short.csv:3: has 2 fields where the header has 3");
    }

    @Test
    void quotesAtMostAnExcerptOfAVeryLongHeaderName() {
        String longName = "x".repeat(100_000);
        assertThatThrownBy(() -> read("long.csv", longName + "," + longName + "\n"))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
    }
}
