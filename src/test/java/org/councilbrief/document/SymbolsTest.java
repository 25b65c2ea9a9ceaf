package org.councilbrief.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.councilbrief.AppException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quicktheories.core.Gen;

class SymbolsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "S/RES/2690 (2023)|S/RES/2690 (2023)|https://undocs.org/S/RES/2690(2023)",
            "S/RES/2374(2017)|S/RES/2374 (2017)|https://undocs.org/S/RES/2374(2017)",
            "s/2023/402|S/2023/402|https://undocs.org/S/2023/402",
            "S/PV.9350|S/PV.9350|https://undocs.org/S/PV.9350",
            "S/PV.8699 (Resumption 1)|S/PV.8699 (Resumption 1)|https://undocs.org/S/PV.8699(Resumption1)",
            "S/PRST/2023/1|S/PRST/2023/1|https://undocs.org/S/PRST/2023/1",
            "A/HRC/54/9|A/HRC/54/9|https://undocs.org/A/HRC/54/9",
            "A/HRC/59/15/Add.1|A/HRC/59/15/Add.1|https://undocs.org/A/HRC/59/15/Add.1",
            "A/HRC/RES/52/2|A/HRC/RES/52/2|https://undocs.org/A/HRC/RES/52/2",
            "A/RES/77/1|A/RES/77/1|https://undocs.org/A/RES/77/1",
            "SC/15341|SC/15341|https://press.un.org/en/search/node?keys=SC%2F15341"})
    void parsesPrintsCanonicallyAndLinks(String text, String canonical, String url) throws AppException {
        Symbol symbol = Symbols.parse(text);
        assertThat(symbol.canonical()).isEqualTo(canonical);
        assertThat(symbol.url()).hasToString(url);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "S/RES/2690|not a document symbol",
            "S/RES/12 (1899)|the year 1899",
            "S/PV.0|start at 1",
            "A/HRC/54|not a document symbol",
            "hello|not a document symbol",
            "S/2023/1234567|too large"})
    void rejectsWhatCannotBeASymbolAndSaysWhy(String text, String reason) {
        assertThatThrownBy(() -> Symbols.parse(text)).isInstanceOf(AppException.class).hasMessageContaining(reason);
    }

    private static Gen<Symbol> symbols() {
        Gen<Integer> number = integers().between(1, 99_999);
        Gen<Integer> year = integers().between(1946, 2026);
        Gen<Integer> session = integers().between(1, 80);
        Gen<Integer> part = integers().between(0, 9);
        Gen<Series> series = integers().between(0, Series.values().length - 1).map(i -> Series.values()[i]);
        return series.zip(number, year, session, (s, n, y, sess) -> new Object[] {s, n, y, sess}).zip(part, (a, p) -> {
            Series s = (Series) a[0];
            int n = (Integer) a[1];
            int y = (Integer) a[2];
            int sess = (Integer) a[3];
            return switch (s) {
                case SC_RESOLUTION -> new Symbol(s, n, y, 0, 0);
                case SC_DOCUMENT -> new Symbol(s, n, y, 0, p);
                case SC_PRESIDENTIAL_STATEMENT -> new Symbol(s, n, y, 0, 0);
                case SC_MEETING -> new Symbol(s, n, 0, 0, p);
                case HRC_DOCUMENT -> new Symbol(s, n, 0, sess, p);
                case HRC_RESOLUTION, GA_RESOLUTION -> new Symbol(s, n, 0, sess, 0);
                case SC_PRESS_RELEASE -> new Symbol(s, n, 0, 0, 0);
            };
        });
    }

    @Test
    void parsingThePrintedFormGivesBackTheSymbol() {
        qt().withExamples(5000).forAll(symbols()).check(s -> {
            try {
                return Symbols.parse(s.canonical()).equals(s);
            } catch (AppException e) {
                return false;
            }
        });
    }

    @Test
    void paragraphReferencesPrintAsBriefsCiteThem() throws AppException {
        assertThat(ParagraphRef.parse("para 19")).hasToString("para 19");
        assertThat(ParagraphRef.parse("OP8")).hasToString("OP8");
        assertThat(ParagraphRef.parse("OP50-OP57")).hasToString("OP50-OP57");
        assertThat(ParagraphRef.parse("op 50 - 57")).hasToString("OP50-OP57");
        assertThatThrownBy(() -> ParagraphRef.parse("OP57-OP50")).isInstanceOf(AppException.class);
        assertThatThrownBy(() -> ParagraphRef.parse("section 3")).isInstanceOf(AppException.class);
    }

    @Test
    void paragraphReferencesRoundTrip() {
        qt().forAll(integers().between(0, 2), integers().between(1, 500), integers().between(0, 30))
                .check((k, from, width) -> {
                    ParagraphRef ref = new ParagraphRef(ParagraphRef.Kind.values()[k], from, from + width);
                    try {
                        return ParagraphRef.parse(ref.toString()).equals(ref);
                    } catch (AppException e) {
                        return false;
                    }
                });
    }

    @Test
    void findsSymbolsCitedInRunningText() {
        var found = SymbolFinder.find("adopt resolution 2690 (2023) on the withdrawal [S/RES/2374(2017), OP8] and "
                + "(S/2023/402, not to be confused)");
        assertThat(found).extracting(f -> f.symbol().canonical())
                .containsExactly("S/RES/2690 (2023)", "S/RES/2374 (2017)", "S/2023/402");
    }
}
