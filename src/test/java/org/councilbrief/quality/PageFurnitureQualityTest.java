package org.councilbrief.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The goal of docs/quality.md for running headers and footers: in each of the three printed layouts, at least 98.5% of
 * the speeches read word for word as in the record as given, and at most 1.5% hold header or footer text. Measured on
 * all 25 records as text, and on eight of them (the short ones included, where headers barely repeat) as PDF, which
 * must read as its text does.
 */
class PageFurnitureQualityTest {
    private static final Set<String> AS_PDF = Set.of("SPV.8701.txt", "SPV.8703.txt", "SPV.8718.txt", "SPV.8736.txt",
            "SPV.8746.txt", "SPV.8747.txt", "SPV.8776.txt", "SPV.8777.txt");

    @ParameterizedTest
    @EnumSource(PrintedRecord.Style.class)
    void headersAndFootersStayOutOfSpeechesInEveryLayout(PrintedRecord.Style style) {
        PageFurnitureQuality.Score score = PageFurnitureQuality.measure(style, false);
        assertThat(score.speeches()).isEqualTo(596);
        assertThat(score.rightRate()).as(String.join("\n", score.misses())).isGreaterThanOrEqualTo(0.985);
        assertThat(score.furnitureRate()).isLessThanOrEqualTo(0.015);
    }

    @ParameterizedTest
    @EnumSource(PrintedRecord.Style.class)
    void aPdfOfTheLayoutReadsAsItsText(PrintedRecord.Style style) {
        PageFurnitureQuality.Score text = PageFurnitureQuality.measure(style, false, AS_PDF::contains);
        PageFurnitureQuality.Score pdf = PageFurnitureQuality.measure(style, true, AS_PDF::contains);
        assertThat(pdf.speeches()).isEqualTo(text.speeches()).isGreaterThan(40);
        assertThat(pdf.misses()).isEqualTo(text.misses());
        assertThat(pdf.right()).isGreaterThanOrEqualTo(text.speeches() - 8);
    }
}
