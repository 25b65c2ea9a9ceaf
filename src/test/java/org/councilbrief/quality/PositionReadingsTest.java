package org.councilbrief.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PositionReadingsTest {
    @Test
    void alphaIsOneWhenEveryCoderAgrees() {
        assertThat(PositionReadings.alpha(List.of(new String[] {"1", "1", "1"}, new String[] {"0", "0", "0"})))
                .isEqualTo(1.0);
    }

    @Test
    void alphaOfTwoCodersMatchesTheCoincidenceMatrixWorkedByHand() {
        // o(1,1) = 2, o(1,0) = o(0,1) = 1, o(0,0) = 4; n1 = 3, n0 = 5, n = 8: alpha = 1 - 7 * 2 / 30.
        double alpha = PositionReadings.alpha(List.of(new String[] {"1", "1"}, new String[] {"1", "0"},
                new String[] {"0", "0"}, new String[] {"0", "0"}));
        assertThat(alpha).isCloseTo(1 - 14.0 / 30, within(1e-9));
    }

    @Test
    void alphaLeavesOutItemsWithOneValue() {
        double with = PositionReadings.alpha(List.of(new String[] {"1", "1"}, new String[] {"1", "0"},
                new String[] {"0", "0"}, new String[] {"0", "0"}, new String[] {"1", null}));
        assertThat(with).isCloseTo(1 - 14.0 / 30, within(1e-9));
    }

    @Test
    void positionsGoToEveryMemberOfAJointStatementAndDropNotesBesideAnotherAct() {
        Map<String, Set<String>> labels = Map.of("SPV.1/2/1", Set.of("notes accountability"), "SPV.1/2/3",
                Set.of("calls-for accountability"), "SPV.1/3/1", Set.of("notes displacement"));
        Map<String, List<String>> units = Map.of("SPV.1/2", List.of("GHA", "GAB"), "SPV.1/3", List.of("FRA"));
        assertThat(PositionReadings.positions(labels, units, u -> true)).containsExactly(
                "SPV.1 FRA notes displacement", "SPV.1 GAB calls-for accountability",
                "SPV.1 GHA calls-for accountability");
    }

    @Test
    void f1CountsCommonElements() {
        assertThat(PositionReadings.f1(Set.of("a", "b"), Set.of("b", "c", "d"))).isCloseTo(0.4, within(1e-9));
    }

    @Test
    void aSentenceBelongsToTheUnitOfItsFirstTwoParts() {
        assertThat(PositionReadings.unitOf("SPV.8703/4/12")).isEqualTo("SPV.8703/4");
        assertThat(PositionReadings.unitOf("9350/USA/2/1")).isEqualTo("9350/USA");
    }

    @Test
    void theThreeReadingsOfTheCorpusAgreeAsTheGuidelinesAllow() {
        Path corpus = Path.of("src/test/resources/positions/corpus");
        List<PositionReadings.Reading> readings = new ArrayList<>();
        for (String r : List.of("R1", "R2", "R3")) {
            readings.add(PositionReadings.read(corpus.resolve("readings").resolve(r)));
        }
        List<String> all = PositionReadings.sentenceIds(corpus.resolve("sentences.tsv"));
        List<String> common = PositionReadings.readByAll(all, readings);
        assertThat(common).hasSameSizeAs(all);
        double alpha = PositionReadings.alpha(PositionReadings.presence(readings, common, l -> true));
        assertThat(alpha).isGreaterThanOrEqualTo(0.85);
        for (int a = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++) {
                assertThat(PositionReadings.f1(PositionReadings.labelSet(readings.get(a), common),
                        PositionReadings.labelSet(readings.get(b), common))).isGreaterThanOrEqualTo(0.85);
            }
        }
    }
}
