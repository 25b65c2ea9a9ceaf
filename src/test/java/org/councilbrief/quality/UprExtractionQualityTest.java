package org.councilbrief.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The quality goal of docs/quality.md, held on the real reports: 98% found, 98% of those with the right states. */
class UprExtractionQualityTest {
    @Test
    void atLeast98PercentFoundAnd98PercentWithExactlyTheRightStatesInEverySet() {
        for (UprExtractionQuality.Score score : UprExtractionQuality.measureAll()) {
            assertThat(score.paragraphs()).as(score.set()).isGreaterThan(250);
            assertThat(score.foundRate()).as(score.set() + " found").isGreaterThanOrEqualTo(0.98);
            assertThat(score.statesRate()).as(score.set() + " states").isGreaterThanOrEqualTo(0.98);
        }
    }
}
