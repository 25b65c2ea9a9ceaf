package org.councilbrief.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.councilbrief.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MembershipTest {
    private final Membership membership = Membership.shipped();

    @Test
    void hasElevenMembersEachYearUntil1965AndFifteenAfter() {
        for (int year = 1946; year <= 2026; year++) {
            Composition council = membership.on(LocalDate.of(year, 6, 1));
            assertThat(council.members()).as("members in %d", year).hasSize(year <= 1965 ? 11 : 15);
            assertThat(council.grouping("P5")).hasSize(5);
        }
    }

    @Test
    void electedMembersOf1946To2019MatchTheUnSecurityCouncilList() throws IOException {
        List<String> rows = Files.readAllLines(
                SharedData.root().resolve("data/reference/unsc_membership/unsc_members_by_year_1946_2019.csv"));
        Map<Integer, Set<String>> expected = new HashMap<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
            if (!f[2].equals("elected")) {
                continue;
            }
            String code = membership.states().byName(f[0].replace("\"", "")).orElseThrow(
                    () -> new AssertionError("unknown state " + f[0])).code();
            expected.computeIfAbsent(Integer.parseInt(f[1]), y -> new TreeSet<>()).add(code);
        }
        assertThat(expected).hasSize(74);
        for (int year = 1946; year <= 2019; year++) {
            Set<String> actual = membership.on(LocalDate.of(year, 1, 1)).members().stream()
                    .filter(m -> m.seat() == Seat.ELECTED).map(m -> m.state().code())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(actual).as("elected members in %d", year).isEqualTo(expected.get(year));
        }
    }

    /** The years since 2019, each checked against the General Assembly's elections as the UN reported them. */
    @ParameterizedTest
    @CsvSource({
            "2020, BEL DEU DOM EST IDN NER TUN VCT VNM ZAF",
            "2021, EST IND IRL KEN MEX NER NOR TUN VCT VNM",
            "2022, ALB ARE BRA GAB GHA IND IRL KEN MEX NOR",
            "2023, ALB ARE BRA CHE ECU GAB GHA JPN MLT MOZ",
            "2024, CHE DZA ECU GUY JPN KOR MLT MOZ SLE SVN",
            "2025, DNK DZA GRC GUY KOR PAK PAN SLE SOM SVN",
            "2026, BHR COD COL DNK GRC LBR LVA PAK PAN SOM"})
    void electedMembersSince2020(int year, String codes) {
        Set<String> actual = membership.on(LocalDate.of(year, 12, 31)).members().stream()
                .filter(m -> m.seat() == Seat.ELECTED).map(m -> m.state().code())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(actual).containsExactlyElementsOf(new TreeSet<>(List.of(codes.split(" "))));
    }

    @ParameterizedTest
    @CsvSource({
            "2019, A3, CIV GNQ ZAF",
            "2020, A3+, NER TUN VCT ZAF",
            "2021, A3+, KEN NER TUN VCT",
            "2022, A3, GAB GHA KEN",
            "2023, A3, GAB GHA MOZ",
            "2024, A3+, DZA GUY MOZ SLE",
            "2025, A3+, DZA GUY SLE SOM",
            "2026, A3, COD LBR SOM"})
    void africanMembersAndTheCaribbeanMemberThatJoinedThem(int year, String grouping, String codes) {
        Composition council = membership.on(LocalDate.of(year, 3, 1));
        assertThat(council.grouping(grouping).stream().map(State::code).sorted())
                .containsExactlyElementsOf(List.of(codes.split(" ")));
    }

    @Test
    void noA3PlusInYearsWithoutACaribbeanPartner() {
        assertThat(membership.on(LocalDate.of(2023, 6, 16)).hasGrouping("A3+")).isFalse();
        assertThat(membership.on(LocalDate.of(2022, 6, 16)).hasGrouping("A3+")).isFalse();
    }

    @Test
    void termsRunFromFirstJanuaryToThirtyFirstDecember() {
        assertThat(membership.on(LocalDate.of(2022, 12, 31)).isMember("IND")).isTrue();
        assertThat(membership.on(LocalDate.of(2023, 1, 1)).isMember("IND")).isFalse();
        assertThat(membership.on(LocalDate.of(2023, 1, 1)).isMember("JPN")).isTrue();
    }

    @Test
    void refusesOnlyDatesBeforeTheFirstCouncil() {
        assertThatThrownBy(() -> membership.on(LocalDate.of(1945, 12, 31)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1946");
    }

    @Test
    void aYearWhoseElectedMembersAreNotAllRecordedGivesThoseThatAreAndSaysSo() {
        Composition council = membership.on(LocalDate.of(2027, 1, 15));

        assertThat(council.complete()).isFalse();
        assertThat(council.codes()).containsExactlyInAnyOrder("CHN", "FRA", "GBR", "RUS", "USA", "BHR", "COD", "COL",
                "LBR", "LVA");
        assertThat(council.grouping("E10")).extracting(State::code).containsExactly("BHR", "COL", "COD", "LVA",
                "LBR");
        assertThat(council.hasGrouping("A3")).as("two African members recorded make no A3").isFalse();
        assertThat(council.gap()).contains("The elected members for 2027 are not all recorded yet: 5 of the 10"
                + " elected seats are known. Shown are the five permanent members and the elected members whose"
                + " terms cover 15 January 2027.");
        assertThat(membership.on(LocalDate.of(2026, 12, 31)).gap()).isEmpty();
        assertThat(membership.lastKnownYear()).isEqualTo(2026);
        assertThat(membership.lastRecordedYear()).isEqualTo(2027);
    }

    @Test
    void aYearWithNoElectedMemberRecordedGivesThePermanentFive() {
        Composition council = membership.on(LocalDate.of(2030, 3, 1));

        assertThat(council.members()).extracting(m -> m.state().code()).containsExactly("CHN", "FRA", "RUS", "GBR",
                "USA");
        assertThat(council.gap()).contains("The elected members for 2030 are not all recorded yet: none of the 10"
                + " elected seats are known. Shown are the five permanent members.");
    }
}
