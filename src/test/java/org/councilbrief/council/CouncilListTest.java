package org.councilbrief.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.councilbrief.AppException;
import org.junit.jupiter.api.Test;

class CouncilListTest {
    private static final States STATES = States.shipped();

    @Test
    void aRowPerMemberAndYearMakesATermOfEachMembersConsecutiveYears() throws AppException {
        String list = """
                # Elected for 2027-2028 on 3 June 2026 (stand-ins)
                country,year,seat
                China,2027,permanent
                Australia,2027,elected
                Australia,2028,elected
                "Iran (Islamic Republic of)",2027,elected
                NOR,2027,
                """;
        assertThat(CouncilList.read("list.csv", list, STATES)).extracting(CouncilList.Row::line, CouncilList.Row::term)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(4, new Term("AUS", 2027, 2028)),
                        org.assertj.core.groups.Tuple.tuple(6, new Term("IRN", 2027, 2027)),
                        org.assertj.core.groups.Tuple.tuple(7, new Term("NOR", 2027, 2027)));
    }

    @Test
    void aTermColumnGivesTheWholeTermFromOneYearsRow() throws AppException {
        String list = "state\tyear\tseat\tterm\nLatvia\t2027\telected\t2026-2027\nEgypt\t2027\telected\t2027–2028\n"
                + "German Democratic Republic\t1981\telected\t1980-1981 (see above)\n";
        assertThat(CouncilList.read("list.tsv", list, STATES)).extracting(CouncilList.Row::term)
                .containsExactly(new Term("LVA", 2026, 2027), new Term("EGY", 2027, 2028), new Term("DDR", 1980, 1981));
    }

    @Test
    void aRowPerTermTakesYearsOrDays() throws AppException {
        String list = "code\tfrom\tto\nAUS\t2027\t2028\nPOL\t1960-01-01\t1960-12-31\nDEU\t2030-01-01\t2031\n";
        assertThat(CouncilList.read("terms.tsv", list, STATES)).extracting(CouncilList.Row::term).containsExactly(
                new Term("AUS", 2027, 2028), new Term("POL", 1960, 1960),
                new Term("DEU", Seat.ELECTED, LocalDate.of(2030, 1, 1), LocalDate.of(2031, 12, 31)));
    }

    @Test
    void refusesWhatItCannotReadNamingTheFileAndLine() {
        assertThatThrownBy(() -> CouncilList.read("l.csv", "state,year\nAtlantis,2027\n", STATES))
                .hasMessage("l.csv line 2: unknown state 'Atlantis'");
        assertThatThrownBy(() -> CouncilList.read("l.csv", "state,year\nNorway,27\n", STATES))
                .hasMessage("l.csv line 2: '27' is not a year");
        assertThatThrownBy(() -> CouncilList.read("l.csv", "state,year\nNorway,1939\n", STATES))
                .hasMessageContaining("l.csv line 2: 1939 is before 1946");
        assertThatThrownBy(() -> CouncilList.read("l.csv", "state,year,seat\nNorway,2027,rotating\n", STATES))
                .hasMessage("l.csv line 2: the seat is 'elected' or 'permanent', not 'rotating'");
        assertThatThrownBy(() -> CouncilList.read("l.csv", "state,year,seat\nNorway,2027,permanent\n", STATES))
                .hasMessage("l.csv line 2: Norway is listed as a permanent member, which it is not");
        assertThatThrownBy(() -> CouncilList.read("l.csv", "state,from,to\nNorway,2028,2027\n", STATES))
                .hasMessageContaining("l.csv line 2: the term ends");
        assertThatThrownBy(() -> CouncilList.read("l.csv", "state,from,to\nNorway,2027\n", STATES))
                .hasMessage("l.csv line 2: has 2 fields where the header has 3");
        assertThatThrownBy(() -> CouncilList.read("l.csv", "name,when\nNorway,2027\n", STATES))
                .hasMessageStartingWith("l.csv line 1: the header names the columns state and year");
        assertThatThrownBy(() -> CouncilList.read("l.csv", "state,year\n", STATES))
                .hasMessage("l.csv: the header is there but no member is listed");
        assertThatThrownBy(() -> CouncilList.read("l.csv", "# nothing\n\n", STATES))
                .hasMessageStartingWith("l.csv: no header row");
        assertThatThrownBy(() -> CouncilList.read("l.csv", "state,year\n" + "x".repeat(10_000) + ",2027\n", STATES))
                .hasMessageEndingWith("...'").satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(120));
    }
}
