package org.councilbrief.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Holds the theme tagging figures of docs/quality.md on held-out sessions 10-12: the stacked model beats each of its
 * parts and the fixed blend, the shipped model (with the sentence embedding) beats the stacked model without it, and
 * neither falls below what it scores today. (The goal, micro-F1 0.90, is not reached; see quality.md.) The first run
 * embeds the 21,356 rows once (target/embeddings/).
 */
class ThemeTaggingQualityTest {
    @Test
    void theStackedModelBeatsEachMethodAndHoldsItsLevel() {
        Map<String, ThemeTaggingQuality.Score> scores = ThemeTaggingQuality.measureAll();
        double blend = scores.get("blend").microF1();
        assertThat(blend).isGreaterThan(scores.get("rules").microF1()).isGreaterThan(scores.get("linear").microF1())
                .isGreaterThan(scores.get("neighbours").microF1()).isGreaterThanOrEqualTo(0.86);
        double stacked = scores.get("stacked").microF1();
        assertThat(stacked).isGreaterThan(blend).isGreaterThanOrEqualTo(0.87);
        assertThat(scores.get("stacked").macroF1()).isGreaterThanOrEqualTo(0.77);
        // The shipped model: the same with the sentence embedding as a fourth input (decision 0037).
        double shipped = scores.get("embedding").microF1();
        assertThat(shipped).isGreaterThan(stacked).isGreaterThanOrEqualTo(0.875);
    }
}
