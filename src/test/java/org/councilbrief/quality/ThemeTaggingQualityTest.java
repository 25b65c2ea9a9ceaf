package org.councilbrief.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Holds the theme tagging figures of docs/quality.md on held-out sessions 10-12: the blend beats each of its parts
 * and does not fall below what it scores today. (The goal, micro-F1 0.90, is not reached; see quality.md.)
 */
class ThemeTaggingQualityTest {
    @Test
    void theBlendBeatsEachMethodAndHoldsItsLevel() {
        Map<String, ThemeTaggingQuality.Score> scores = ThemeTaggingQuality.measureAll();
        double blend = scores.get("blend").microF1();
        assertThat(blend).isGreaterThan(scores.get("rules").microF1()).isGreaterThan(scores.get("linear").microF1())
                .isGreaterThan(scores.get("neighbours").microF1()).isGreaterThanOrEqualTo(0.86);
        assertThat(scores.get("blend").macroF1()).isGreaterThanOrEqualTo(0.77);
    }
}
