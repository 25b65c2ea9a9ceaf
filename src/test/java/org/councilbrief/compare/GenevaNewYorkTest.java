package org.councilbrief.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.councilbrief.AppException;
import org.councilbrief.council.Membership;
import org.councilbrief.council.StateRepository;
import org.councilbrief.db.Database;
import org.councilbrief.db.TestDatabases;
import org.councilbrief.situation.Situation;
import org.councilbrief.situation.SituationRepository;
import org.councilbrief.statement.Act;
import org.councilbrief.statement.Meeting;
import org.councilbrief.statement.Position;
import org.councilbrief.statement.Statement;
import org.councilbrief.statement.StatementRepository;
import org.councilbrief.upr.UprRecommendation;
import org.councilbrief.upr.UprRepository;
import org.councilbrief.upr.UprReview;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GenevaNewYorkTest {
    static Stream<Database> databases() {
        return TestDatabases.all().peek(db -> {
            new StateRepository(db.jdbi()).syncShipped(Membership.shipped());
            new SituationRepository(db.jdbi()).save(new Situation("mali", "Mali", "MLI"));
            new UprRepository(db.jdbi()).save(new UprReview("MLI-S43", "MLI", 4, 43, LocalDate.of(2023, 5, 2),
                    "A/HRC/54/7", List.of(
                            new UprRecommendation("1.1", "Bring the perpetrators of the Moura killings to justice",
                                    List.of("FRA", "USA"), null),
                            new UprRecommendation("1.2", "Adopt a law against gender-based violence", List.of("FRA"),
                                    "supported", List.of("Women's rights")),
                            new UprRecommendation("1.3", "Abolish the death penalty", List.of("CHE"), null)),
                    List.of()));
            StatementRepository statements = new StatementRepository(db.jdbi());
            statements.saveMeeting(new Meeting("S/PV.9350", "mali", LocalDate.of(2023, 6, 16), null, null), List.of(
                    new Statement("S/PV.9350", 1, "Mr. de Rivière", "FRA", null, null, "…")));
            statements.addPositions("S/PV.9350", 1, List.of(
                    new Position("FRA", Act.CALLS_FOR, "accountability", "We call for accountability.",
                            Position.Status.ACCEPTED),
                    new Position("FRA", Act.WELCOMES, "peacekeeping", "We welcome the mission's work.",
                            Position.Status.PROPOSED),
                    new Position("FRA", Act.CONDEMNS, "terrorism", "We condemn the attacks.",
                            Position.Status.REJECTED)));
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void putsAMembersRecommendationsBesideItsPositionsThemeByTheme(Database db) throws AppException {
        try (db) {
            List<GenevaNewYork.Row> rows = new GenevaNewYork(db).compare("FRA", "mali");
            assertThat(rows).extracting(r -> r.theme() + " " + r.where()).containsExactly("accountability both",
                    "extrajudicial-killings geneva", "sexual-violence geneva", "peacekeeping new-york");
            GenevaNewYork.Row both = rows.get(0);
            assertThat(both.geneva()).singleElement().satisfies(r -> {
                assertThat(r.paragraph()).isEqualTo("1.1");
                assertThat(r.url()).isEqualTo("https://undocs.org/A/HRC/54/7");
            });
            assertThat(both.newYork()).singleElement().satisfies(s -> {
                assertThat(s.meeting()).isEqualTo("S/PV.9350");
                assertThat(s.act()).isEqualTo("calls-for");
                assertThat(s.url()).isEqualTo("https://undocs.org/S/PV.9350");
            });
            assertThat(new GenevaNewYork(db).compare("CHE", "mali")).isEmpty(); // death penalty: no Council theme
            assertThatThrownBy(() -> new GenevaNewYork(db).compare("FRA", "atlantis"))
                    .hasMessageContaining("no situation 'atlantis'");
        }
    }
}
