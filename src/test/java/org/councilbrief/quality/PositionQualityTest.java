package org.councilbrief.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Holds the position extractor at its measured level on the hand-annotated set (docs/quality.md). The goal,
 * precision 0.85 at recall 0.70, is not met on the statements the rules were not written from (the fresh sample).
 */
class PositionQualityTest {
    @Test
    void theSetHas272StatementsAnnotatedWithPositions() {
        List<PositionQuality.Item> items = PositionQuality.items();
        assertThat(items).hasSize(272);
        assertThat(items.stream().filter(PositionQuality.Item::heldOut)).hasSize(93);
        assertThat(items.stream().filter(PositionQuality.Item::fresh)).hasSize(34);
        assertThat(items.stream().filter(i -> !i.fresh()).mapToInt(i -> i.gold().size()).sum()).isEqualTo(269);
        assertThat(items).allSatisfy(i -> assertThat(i.text()).isNotBlank());
    }

    @Test
    void precisionAndRecallHoldTheirLevel() {
        List<PositionQuality.Item> items = PositionQuality.items();
        Map<String, PositionQuality.Counts> dev = PositionQuality.score(items.stream().filter(PositionQuality.Item::dev)
                .toList(), p -> p.split(" ")[1], null);
        Map<String, PositionQuality.Counts> test = PositionQuality.score(items.stream()
                .filter(PositionQuality.Item::heldOut).toList(), p -> p.split(" ")[1], null);
        Map<String, PositionQuality.Counts> fresh = PositionQuality.score(items.stream()
                .filter(PositionQuality.Item::fresh).toList(), p -> p.split(" ")[1], null);
        assertThat(dev.get("all").precision()).isGreaterThanOrEqualTo(0.77);
        assertThat(dev.get("all").recall()).isGreaterThanOrEqualTo(0.81);
        assertThat(test.get("all").precision()).isGreaterThanOrEqualTo(0.70);
        // 0.80 until decision 0024: the set reads calls to respect international humanitarian law as protection of
        // civilians (its scheme had no ihl-ihrl), where POSITIONS.md and the restored scheme read ihl-ihrl.
        assertThat(test.get("all").recall()).isGreaterThanOrEqualTo(0.73);
        assertThat(fresh.get("all").precision()).isGreaterThanOrEqualTo(0.64);
        assertThat(fresh.get("all").recall()).isGreaterThanOrEqualTo(0.50);
    }

    @Test
    void theHeldOutStatementsReadTwiceAgreeWellAboveWhatTheExtractorReaches() {
        PositionAgreement.Figures f = PositionAgreement.measure();
        assertThat(f.statements()).isEqualTo(93);
        // Every held-out statement has its second reading, and no other statement has one.
        assertThat(PositionAgreement.secondReading().keySet()).hasSize(93);
        assertThat(f.secondAgainstFirst().precision()).isGreaterThanOrEqualTo(0.85);
        assertThat(f.secondAgainstFirst().recall()).isGreaterThanOrEqualTo(0.85);
        // The extractor's shortfall is its own: it scores alike against either reading.
        assertThat(Math.abs(f.extractorAgainstSecond().precision() - f.extractorAgainstFirst().precision()))
                .isLessThan(0.05);
    }
}
