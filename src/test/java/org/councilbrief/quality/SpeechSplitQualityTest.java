package org.councilbrief.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The quality goal of docs/quality.md: 99% of speeches with the right start, end and state, in both layouts. */
class SpeechSplitQualityTest {
    @Test
    void atLeast99PercentRightInTheDataAsGiven() {
        SpeechSplitQuality.Score score = SpeechSplitQuality.measure(false);
        assertThat(score.speeches()).isEqualTo(596);
        assertThat(score.rate()).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void atLeast99PercentRightInThePrintedLayout() {
        SpeechSplitQuality.Score score = SpeechSplitQuality.measure(true);
        assertThat(score.rate()).isGreaterThanOrEqualTo(0.99);
    }
}
