package org.councilbrief.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped positions model as the product uses it (decision 0038). */
class PositionModelTest {
    private static final PositionModel MODEL = PositionModel.shipped();

    @Test
    void theShippedModelReadsASpeechSurestFirstWithProbabilitiesBetweenZeroAndOne() {
        List<PositionModel.Proposed> read = MODEL.read("Thank you, Mr. President. We condemn the attacks on"
                + " civilians and on humanitarian workers. We call for the perpetrators to be held accountable and"
                + " brought to justice. The United Kingdom welcomes the release of political detainees.", List.of("GBR"));
        assertThat(read).isNotEmpty();
        assertThat(read).isSortedAccordingTo(Comparator.comparingDouble(PositionModel.Proposed::probability)
                .reversed());
        assertThat(read).allSatisfy(p -> assertThat(p.probability()).isBetween(0.0, 1.0));
        assertThat(read.get(0).stateCode()).isEqualTo("GBR");
        // the surest proposals of so plain a speech are positions careful readers hold
        List<String> sure = read.stream().filter(p -> p.probability() >= MODEL.threshold())
                .map(p -> p.act().id() + " " + p.theme()).toList();
        assertThat(sure).contains("calls-for accountability");
        assertThat(MODEL.threshold()).isBetween(0.3, 0.99);
    }

    @Test
    void aJointStatementGivesEachMemberTheSamePositions() {
        String text = "The A3 calls for accountability for the crimes committed against civilians.";
        List<PositionModel.Proposed> read = MODEL.read(text, List.of("NER", "TUN", "ZAF"));
        assertThat(read.stream().map(PositionModel.Proposed::stateCode).distinct()).containsExactlyInAnyOrder("NER",
                "TUN", "ZAF");
        assertThat(read.stream().filter(p -> p.stateCode().equals("NER")).count())
                .isEqualTo(read.stream().filter(p -> p.stateCode().equals("ZAF")).count());
    }

    @Test
    void frenchIsReadByTheRulesWithTheirMeasuredPrecision() {
        List<PositionModel.Proposed> read = MODEL.read("La France condamne fermement les attaques contre les civils"
                + " et appelle à ce que les auteurs de ces crimes répondent de leurs actes devant la justice.",
                List.of("FRA"));
        assertThat(read).isNotEmpty();
        assertThat(read.stream().map(PositionModel.Proposed::probability).distinct().count()).isLessThanOrEqualTo(2);
    }

    @Test
    void nothingIsReadInAnEmptySpeechOrOneWithoutAMember() {
        assertThat(MODEL.read("", List.of("FRA"))).isEmpty();
        assertThat(MODEL.read("We call for accountability.", List.of())).isEmpty();
    }

    @Test
    void proposalsKeepWhatAnEditorCanLowerTheThresholdToAndNoLess() {
        Statement statement = new Statement("S/PV.8000", 3, "Mr. Smith", "GBR", null, "en", "We condemn the attacks on civilians"
                + " and call for accountability. We are concerned about the humanitarian situation.");
        List<Position> proposed = MODEL.propose(statement);
        assertThat(proposed).isNotEmpty().allSatisfy(p -> {
            assertThat(p.probability()).isGreaterThanOrEqualTo(PositionModel.STORED);
            assertThat(p.status()).isEqualTo(Position.Status.PROPOSED);
        });
    }

    @Test
    void aModelWrittenIsReadBackTheSameAndAnotherFormatIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MODEL.write(new DataOutputStream(bytes));
        PositionModel back = PositionModel.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(back.threshold()).isEqualTo(MODEL.threshold());
        String text = "We call for accountability and for the protection of civilians.";
        assertThat(back.read(text, List.of("FRA"))).isEqualTo(MODEL.read(text, List.of("FRA")));
        byte[] other = bytes.toByteArray().clone();
        other[3] = 9;
        assertThatThrownBy(() -> PositionModel.read(new DataInputStream(new ByteArrayInputStream(other))))
                .isInstanceOf(IOException.class).hasMessageContaining("format 9");
    }

    @Test
    void theSecondLevelLearnsWhatSeparatesRightFromWrong() {
        // one input decides: pairs the rules found are all right; of the others, one in five is
        List<double[]> inputs = new java.util.ArrayList<>();
        List<Boolean> right = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            double[] x = new double[PositionModel.INPUTS];
            x[0] = 1;
            x[1] = i % 2;
            inputs.add(x);
            right.add(i % 2 == 1 ^ i % 10 == 0);
        }
        double[] w = PositionModel.learn(inputs, right, 1e-3);
        assertThat(PositionModel.score(w, inputs.get(1))).isGreaterThan(0.95);
        assertThat(PositionModel.score(w, inputs.get(2))).isCloseTo(0.2, org.assertj.core.data.Offset.offset(0.01));
        assertThat(Set.of(w.length)).containsExactly(PositionModel.INPUTS);
    }
}
