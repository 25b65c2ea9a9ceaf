package org.councilbrief.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.councilbrief.AppException;
import org.councilbrief.SharedData;
import org.councilbrief.brief.BriefTextImporter;
import org.councilbrief.council.Membership;
import org.councilbrief.document.CsvReader;
import org.councilbrief.document.ResolutionParser;
import org.councilbrief.document.SourceText;
import org.councilbrief.document.SourceTexts;
import org.councilbrief.statement.PressSummaryParser;
import org.councilbrief.statement.SpeechSplitter;
import org.councilbrief.upr.UprInfoCsv;
import org.councilbrief.upr.UprReportParser;
import org.councilbrief.upr.UprResponses;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Every parser, fed random, truncated and mis-encoded input: the only outcomes allowed are a result or an
 * {@link AppException} (a clear input error). Any other exception fails the property.
 */
class ParserRobustnessTest {
    /** Pieces of the documents councilbrief reads, so that random texts reach deep into each parser. */
    private static final List<String> TOKENS = List.of("\n", "\n\n", " ", "  ", "\f", "\t", "\r", "\r\n", ".", ",",
            ";", ":", "(", ")", "\"", "'", "’", "-", "–", "/", "*", "1", "2", "12", "56.", "69.", "1.", "2.", "101.3",
            "140.1", "140.11-14", "II. Conclusions and/or recommendations", "CONCLUSIONS AND/OR RECOMMENDATIONS",
            "The following recommendations will be examined by", "enjoy the support of", "did not enjoy the support",
            "All conclusions and/or recommendations", "(France)", "(Brazil, Chile)", "(Bolivia (Plurinational State of))",
            "(Côte d’Ivoire)", "(Holy See)", "The President:", "The President (spoke in French):",
            "Mr. Roscoe (United Kingdom):", "Hadiza (spoke in French):", "in my capacity as the representative of",
            "on behalf of the three African members", "namely,", "The Security Council,", "Recalling", "(a)", "(ii)",
            "S/RES/2374 (2017)", "S/PV.8703", "SC/15341", "9365th Meeting (AM)", "The representative of Ghana",
            "also speaking for Gabon and Mozambique", "said", "GE.25-02819", "20-00789    3/24", "A/HRC/59/15",
            "Supported", "Noted", "The Government accepts the following recommendations:", "takes note of",
            "id,session,to,from,text", "\"a,b\"", "Algeria", "Atlantis", "Ratify", "é", "\u0000", "\uFFFD", "😀",
            "Human rights and the Security Council", "Key topics", "Updated:", "Council members", "UPR");

    private static Gen<String> texts() {
        return lists().of(integers().between(0, TOKENS.size() - 1)).ofSizeBetween(0, 400)
                .map(indexes -> {
                    StringBuilder text = new StringBuilder();
                    indexes.forEach(i -> text.append(TOKENS.get(i)));
                    return text.toString();
                });
    }

    private interface Parser {
        void parse(SourceText text) throws Exception;
    }

    private static final Map<String, Parser> PARSERS = Map.of(
            "upr extract", t -> new UprReportParser().parse(t),
            "upr responses", UprResponses::read,
            "speeches split", t -> new SpeechSplitter().split(t, null),
            "press summary", t -> new PressSummaryParser().parse(t),
            "resolution", t -> ResolutionParser.parse(t, null),
            "upr csv", t -> new UprInfoCsv().read(t),
            "csv", CsvReader::read,
            "brief import-text", t -> new BriefTextImporter(Membership.shipped()).read(t.text(),
                    BriefTextImporter.Options.NONE),
            "positions", t -> new org.councilbrief.statement.PositionExtractor().extract(t.text(), List.of("FRA")),
            "themes", t -> new org.councilbrief.theme.ThemeTexts(
                    new org.councilbrief.theme.RuleTagger(org.councilbrief.theme.Taxonomy.council()), null)
                    .tag(t.text()));

    private static void assertOnlyResultsOrInputErrors(SourceText text) {
        PARSERS.forEach((name, parser) -> {
            try {
                parser.parse(text);
            } catch (AppException e) {
                assertThat(e.getMessage()).as(name).isNotBlank();
            } catch (Exception | StackOverflowError e) {
                throw new AssertionError(name + " failed with " + e + " on:\n" + text.text(), e);
            }
        });
    }

    @Test
    void randomTextsGiveAResultOrAnInputError() {
        qt().withExamples(600).forAll(texts())
                .checkAssert(text -> assertOnlyResultsOrInputErrors(SourceTexts.of("random.txt", text)));
    }

    @Test
    void randomBytesInAnyEncodingGiveAResultOrAnInputError() {
        Gen<byte[]> bytes = lists().of(integers().between(0, 255)).ofSizeBetween(0, 2000).map(list -> {
            byte[] b = new byte[list.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (int) list.get(i);
            }
            return b;
        });
        qt().withExamples(400).forAll(bytes).checkAssert(b -> {
            SourceText text;
            try {
                text = SourceTexts.of("random.bin", b);
            } catch (AppException e) {
                return;
            }
            assertOnlyResultsOrInputErrors(text);
        });
    }

    @Test
    void randomBytesAfterAPdfHeaderAreAnInputError() {
        qt().withExamples(100).forAll(lists().of(integers().between(0, 255)).ofSizeBetween(0, 3000)).checkAssert(list -> {
            byte[] b = new byte[list.size() + 8];
            System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 8);
            for (int i = 0; i < list.size(); i++) {
                b[i + 8] = (byte) (int) list.get(i);
            }
            try {
                assertOnlyResultsOrInputErrors(SourceTexts.of("random.pdf", b));
            } catch (AppException e) {
                assertThat(e.getMessage()).contains("random.pdf");
            }
        });
    }

    @Test
    void realDocumentsTruncatedAnywhereOrMisEncodedGiveAResultOrAnInputError() {
        Path data = SharedData.root().resolve("data");
        List<String> documents = List.of(
                SharedData.read(data.resolve("upr-reports/reports/angola2010.txt")),
                SharedData.read(data.resolve("upr-reports/slovenia_4th_cycle/reports/slovenia2025_A-HRC-59-15.txt")),
                SharedData.read(data.resolve("council-speeches/meetings/SPV.8703.txt")),
                SharedData.read(data.resolve("pages/seed_sources/res2690_2023_text_partial.txt")),
                SharedData.read(data.resolve("pages/seed_sources/sc15341_press_release_30jun2023_res2690.txt")),
                SharedData.read(SharedData.referenceBrief()));
        Charset[] encodings = {StandardCharsets.UTF_8, Charset.forName("windows-1252"), Charset.forName("x-MacRoman"),
            StandardCharsets.UTF_16LE, StandardCharsets.ISO_8859_1};
        qt().withExamples(150).forAll(integers().between(0, documents.size() - 1), integers().between(0, 1_000_000),
                integers().between(0, encodings.length - 1)).checkAssert((doc, cut, encoding) -> {
                    String text = documents.get(doc);
                    String truncated = text.substring(0, cut % (text.length() + 1));
                    byte[] bytes = truncated.getBytes(encodings[encoding]);
                    try {
                        assertOnlyResultsOrInputErrors(SourceTexts.of("cut.txt", bytes));
                    } catch (AppException e) {
                        assertThat(e.getMessage()).contains("cut.txt");
                    }
                });
    }
}
