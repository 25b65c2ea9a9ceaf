package org.councilbrief.council;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.councilbrief.db.Database;
import org.councilbrief.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StateRepositoryTest {
    static Stream<Database> databases() {
        return TestDatabases.all();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void writesTheShippedStatesAndTermsOnceHoweverOftenItIsSynced(Database database) {
        try (database) {
            StateRepository states = new StateRepository(database.jdbi());
            states.syncShipped(Membership.shipped());
            states.syncShipped(Membership.shipped());

            assertThat(states.count()).isEqualTo(Membership.shipped().states().all().size());
            assertThat(states.findByCode("GBR")).contains(States.shipped().require("GBR"));
            assertThat(states.termsIn(2023)).extracting(Term::code).containsExactly("ALB", "ARE", "BRA", "CHE", "ECU",
                    "GAB", "GHA", "JPN", "MLT", "MOZ");
        }
    }
}
