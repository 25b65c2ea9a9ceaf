package org.councilbrief.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvWriterTest {
    @ParameterizedTest
    @ValueSource(strings = {"=1+2", "+33 1 23", "-2", "@SUM(A1:A2)", "\tx", "\rx", "=HYPERLINK(\"http://x\",\"y\")"})
    void putsAQuoteBeforeACellASpreadsheetWouldTakeForAFormula(String cell) throws InputException {
        String line = CsvWriter.line(List.of("id", cell));
        CsvReader.Table table = CsvReader.read(SourceTexts.of("out.csv", "a,b\n" + line));
        assertThat(table.rows().get(0).get("b")).isEqualTo("'" + cell);
    }

    @Test
    void recordsWrittenToOneOutputAreTheLinesOneByOne() throws Exception {
        List<List<String>> rows = List.of(List.of("id", "text"), List.of("1", "=1+2"), List.of("2", "two\nlines"),
                Arrays.asList("3", null), List.of("4", "@x"));
        StringBuilder out = new StringBuilder();
        CsvWriter.Records records = CsvWriter.to(out);
        StringBuilder lines = new StringBuilder();
        for (List<String> row : rows) {
            records.write(row);
            lines.append(CsvWriter.line(row));
        }
        assertThat(out.toString()).isEqualTo(lines.toString()).contains("\n1,'=1+2\n").contains("\n4,'@x\n");
    }

    @Test
    void leavesOtherCellsAsTheyAre() {
        assertThat(CsvWriter.line(List.of("a=b", "x-y", "plain", "", "1", "'quoted"))).isEqualTo(
                "a=b,x-y,plain,,1,'quoted\n");
        assertThat(CsvWriter.line(Arrays.asList("x", null))).isEqualTo("x,\n");
    }

    @Test
    void quotesSeparatorsQuotesAndLineEndsSoThatTheyReadBackTheSame() throws InputException {
        List<String> fields = List.of("a,b", "say \"hi\"", "two\nlines", "cr\r\ncrlf", "lone\rcr", "semi;colon");
        List<String> header = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            header.add("c" + i);
        }
        String csv = CsvWriter.line(header) + CsvWriter.line(fields) + CsvWriter.line(List.of("1", "2", "3", "4", "5",
                "6"));
        assertThat(csv).startsWith("c0,c1,c2,c3,c4,c5\n\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"");
        CsvReader.Table table = CsvReader.read(SourceTexts.of("round.csv", csv));
        table.checkShape();
        assertThat(table.rows().get(0).fields().values()).containsExactlyElementsOf(fields);
        // The second row starts after the header and the four line ends of the first (CRLF is one).
        assertThat(table.rows().get(1).line()).isEqualTo(6);
    }

    @Test
    void anyFieldsReadBackAsWrittenWithAQuoteBeforeFormulas() {
        String alphabet = "ab ,\"\n\r=+-@\t';é";
        qt().withExamples(500).forAll(lists().of(lists().of(integers().between(0, alphabet.length() - 1))
                .ofSizeBetween(0, 8)).ofSizeBetween(1, 5)).checkAssert(codes -> {
                    List<String> fields = new ArrayList<>(List.of("id"));
                    for (List<Integer> field : codes) {
                        StringBuilder text = new StringBuilder();
                        field.forEach(c -> text.append(alphabet.charAt(c)));
                        fields.add(text.toString());
                    }
                    List<String> header = new ArrayList<>();
                    for (int i = 0; i < fields.size(); i++) {
                        header.add("c" + i);
                    }
                    try {
                        CsvReader.Table table = CsvReader.read(SourceTexts.of("round.csv", CsvWriter.line(header)
                                + CsvWriter.line(fields)));
                        table.checkShape();
                        assertThat(table.rows().get(0).fields().values()).containsExactlyElementsOf(fields.stream()
                                .map(f -> !f.isEmpty() && "=+-@\t\r".indexOf(f.charAt(0)) >= 0 ? "'" + f : f)
                                .toList());
                    } catch (InputException e) {
                        throw new AssertionError(fields + ": " + e.getMessage(), e);
                    }
                });
    }
}
