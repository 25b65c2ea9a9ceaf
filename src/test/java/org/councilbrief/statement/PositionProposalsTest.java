package org.councilbrief.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.councilbrief.council.Composition;
import org.councilbrief.council.Membership;
import org.junit.jupiter.api.Test;

class PositionProposalsTest {
    private final Composition june2023 = Membership.shipped().on(LocalDate.of(2023, 6, 16));

    private static PositionProposals.Input p(String code, Act act, String theme, Position.Status status) {
        return new PositionProposals.Input(1, new Position(code, act, theme, "evidence of " + code, status));
    }

    @Test
    void writesTheSentenceOfTheReferenceBriefFromPositions() {
        List<PositionProposals.Input> positions = new ArrayList<>();
        for (String code : List.of("GBR", "CHE", "JPN", "FRA", "ECU", "ALB", "GAB", "GHA", "MOZ")) {
            positions.add(p(code, Act.CALLS_FOR, "accountability", Position.Status.ACCEPTED));
        }
        PositionProposals.Proposal proposal = new PositionProposals().propose(positions, june2023);
        assertThat(proposal.sentences()).singleElement().satisfies(s -> {
            assertThat(s.text()).isEqualTo(
                    "The A3, Albania, Ecuador, France, Japan, Switzerland and the UK called for investigations and"
                            + " accountability.");
            assertThat(s.evidence()).hasSize(9);
        });
    }

    @Test
    void leavesOutRejectedPositionsAndNonMembersAndCountsTheKeyTopic() {
        List<PositionProposals.Input> positions = List.of(
                p("FRA", Act.CONDEMNS, "extrajudicial-killings", Position.Status.PROPOSED),
                p("USA", Act.CONDEMNS, "extrajudicial-killings", Position.Status.REJECTED),
                p("DEU", Act.CONDEMNS, "extrajudicial-killings", Position.Status.ACCEPTED),
                p("RUS", Act.WELCOMES, "peacekeeping", Position.Status.ACCEPTED));
        PositionProposals.Proposal proposal = new PositionProposals().propose(positions, june2023);
        assertThat(proposal.sentences()).extracting(PositionProposals.Sentence::text).containsExactly(
                "France condemned killings and massacres.", "Russia welcomed the work of the peacekeeping mission.");
        assertThat(proposal.keyTopic()).isEqualTo("France");
    }

    @Test
    void allFifteenReferringToHumanRightsIsAllCouncilMembers() {
        List<PositionProposals.Input> positions = june2023.members().stream()
                .map(m -> p(m.state().code(), Act.CALLS_FOR, "protection-of-civilians", Position.Status.PROPOSED))
                .toList();
        assertThat(new PositionProposals().propose(positions, june2023).keyTopic()).isEqualTo("All Council members");
    }
}
