package org.councilbrief.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.councilbrief.AppException;
import org.councilbrief.SharedData;
import org.councilbrief.audit.ChangeLogRepository;
import org.councilbrief.db.Database;
import org.councilbrief.db.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CouncilRepositoryTest {
    /** The members elected on 3 June 2026 for 2027-2028 are not in the shipped data; these stand in for them. */
    static final List<Term> ELECTED_FOR_2027 = List.of(new Term("AUS", 2027, 2028), new Term("BRA", 2027, 2028),
            new Term("EGY", 2027, 2028), new Term("IND", 2027, 2028), new Term("NOR", 2027, 2028));

    static Stream<Database> databases() {
        return TestDatabases.all();
    }

    private static CouncilRepository seeded(Database database) {
        new StateRepository(database.jdbi()).syncShipped(Membership.shipped());
        return new CouncilRepository(database.jdbi());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void startsFromTheShippedDataAndGivesTheSameCouncilOnEveryDate(Database database) {
        try (database) {
            CouncilRepository council = seeded(database);
            Membership recorded = council.membership();

            assertThat(recorded.terms()).containsExactlyInAnyOrderElementsOf(Membership.shipped().terms());
            for (int year = 1946; year <= 2030; year++) {
                LocalDate day = LocalDate.of(year, 3, 1);
                assertThat(recorded.on(day)).as("the Council on %s", day).isEqualTo(Membership.shipped().on(day));
            }
            assertThat(recorded.on(LocalDate.of(2024, 5, 1)).grouping("A3+")).extracting(State::code)
                    .containsExactly("DZA", "GUY", "MOZ", "SLE");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void recordingANewYearsElectedMembersCompletesIt(Database database) throws AppException {
        try (database) {
            CouncilRepository council = seeded(database);
            assertThat(council.membership().complete(2027)).isFalse();

            CouncilRepository.Recorded recorded = council.record(ELECTED_FOR_2027, "test", "admin");

            assertThat(recorded.added()).containsExactlyElementsOf(ELECTED_FOR_2027);
            Membership after = council.membership();
            assertThat(after.complete(2027)).isTrue();
            assertThat(after.lastKnownYear()).isEqualTo(2027);
            Composition january = after.on(LocalDate.of(2027, 1, 15));
            assertThat(january.members()).hasSize(15);
            assertThat(january.grouping("A3")).extracting(State::code).containsExactly("COD", "EGY", "LBR");
            assertThat(january.gap()).isEmpty();
            assertThat(new ChangeLogRepository(database.jdbi()).of(CouncilRepository.ENTITY, "NOR 2027-01-01"))
                    .singleElement().satisfies(c -> assertThat(c.user()).isEqualTo("admin"));

            // The same terms again change nothing; a shipped term within them counts as recorded.
            CouncilRepository.Recorded again = council.record(List.of(new Term("NOR", 2027, 2028),
                    new Term("LVA", 2027, 2027)), "test", "admin");
            assertThat(again.added()).isEmpty();
            assertThat(again.unchanged()).hasSize(2);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void refusesAnOverlappingTermOrAnEleventhElectedMemberAndWritesNothing(Database database) throws AppException {
        try (database) {
            CouncilRepository council = seeded(database);
            List<Term> before = council.terms();

            assertThatThrownBy(() -> council.record(List.of(new Term("AUS", 2027, 2028), new Term("LVA", 2027, 2028)),
                    "test", "admin")).isInstanceOf(AppException.class)
                    .hasMessage("the elected term of LVA (2027-2028) overlaps the elected term of LVA (2026-2027),"
                            + " recorded already; remove that term first if it is wrong");
            assertThat(council.terms()).isEqualTo(before);

            council.record(ELECTED_FOR_2027, "test", "admin");
            assertThatThrownBy(() -> council.record(List.of(new Term("CAN", 2027, 2028)), "test", "admin"))
                    .isInstanceOf(AppException.class).hasMessageContaining("11 elected members on 2027-01-01")
                    .hasMessageContaining("the Council has 10 elected seats");
            assertThatThrownBy(() -> council.record(List.of(new Term("DEU", Seat.PERMANENT,
                    LocalDate.of(2030, 1, 1), null)), "test", "admin")).hasMessageContaining("6 permanent members");
            assertThatThrownBy(() -> council.record(List.of(new Term("CAN", 1940, 1941)), "test", "admin"))
                    .hasMessageContaining("before 1946");
            assertThat(council.membership().complete(2027)).isTrue();
            assertThat(council.terms()).hasSize(before.size() + 5);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRemovedTermStaysRemovedWhenTheShippedDataIsWrittenAgain(Database database) throws AppException {
        try (database) {
            CouncilRepository council = seeded(database);
            Term removed = council.remove("LVA", LocalDate.of(2026, 1, 1), true, "admin");
            assertThat(removed).isEqualTo(new Term("LVA", 2026, 2027));
            new StateRepository(database.jdbi()).syncShipped(Membership.shipped());

            assertThat(council.membership().on(LocalDate.of(2026, 6, 1)).isMember("LVA")).isFalse();
            assertThat(council.membership().complete(2026)).isFalse();
            assertThatThrownBy(() -> council.remove("LVA", LocalDate.of(2026, 1, 1), true, "admin"))
                    .hasMessage("no term of LVA beginning in 2026 is recorded");

            // Recorded again, it comes back.
            council.record(List.of(new Term("LVA", 2026, 2027)), "test", "admin");
            assertThat(council.membership().complete(2026)).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theUnsListOfMembersByYearIsRecordedAlreadyTermForTerm(Database database) throws Exception {
        try (database) {
            CouncilRepository council = seeded(database);
            String list = Files.readString(SharedData.root().resolve(
                    "data/reference/unsc_membership/unsc_members_by_year_1946_2019.csv"));
            List<CouncilList.Row> rows = CouncilList.read("unsc_members_by_year_1946_2019.csv", list,
                    States.shipped());

            CouncilRepository.Recorded recorded = council.record(rows.stream().map(CouncilList.Row::term).toList(),
                    "test", "admin");

            assertThat(recorded.added()).isEmpty();
            assertThat(recorded.unchanged()).hasSize(rows.size()).hasSizeGreaterThan(300);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void recordsAnA3PlusForANewYear(Database database) throws AppException {
        try (database) {
            CouncilRepository council = seeded(database);
            council.record(ELECTED_FOR_2027, "test", "admin");
            assertThat(council.recordGrouping("A3+", 2027, 2027, "COL", "test", "admin")).isTrue();
            assertThat(council.recordGrouping("A3+", 2027, 2027, "COL", "test", "admin")).isFalse();
            assertThatThrownBy(() -> council.recordGrouping("A3+", 2027, 2028, "BRA", "test", "admin"))
                    .hasMessageContaining("recorded already");

            assertThat(council.membership().on(LocalDate.of(2027, 2, 1)).grouping("A3+")).extracting(State::code)
                    .containsExactly("COL", "COD", "EGY", "LBR");
        }
    }
}
