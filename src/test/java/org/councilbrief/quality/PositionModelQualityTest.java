package org.councilbrief.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.councilbrief.statement.PositionModel;
import org.junit.jupiter.api.Test;

/**
 * Holds the shipped positions model at the figures measured once on the corpus's test meetings (docs/quality.md,
 * decision 0038), read exactly as the product reads a speech, at the default threshold chosen on validation. The
 * issue's goal, precision 0.85 at recall 0.70, is not reached.
 */
class PositionModelQualityTest {
    @Test
    void theTestMeetingsAreReadAtTheMeasuredPrecisionAndRecall() {
        PositionReadings.Reading gold = PositionReadings.read(PositionReaderQuality.CORPUS.resolve("gold"));
        List<PositionReaderQuality.Row> rows = PositionReaderQuality.rows();
        PositionModel model = PositionModel.shipped();
        Set<String> held = PositionReaderQuality.goldPositions(gold, rows, "test");
        Map<String, Double> read = PositionModelQuality.read(model, rows, "test");
        PositionReaderQuality.Score s = PositionReaderQuality.score(read, model.threshold(), held);
        assertThat(held).hasSize(TEST_POSITIONS);
        assertThat(s.precision()).isGreaterThanOrEqualTo(TEST_PRECISION - 0.005);
        assertThat(s.recall()).isGreaterThanOrEqualTo(TEST_RECALL - 0.005);
    }

    // measured once, 2026-12-02 (docs/quality.md)
    static final int TEST_POSITIONS = 222;
    static final double TEST_PRECISION = 0.835;
    static final double TEST_RECALL = 0.432;
}
