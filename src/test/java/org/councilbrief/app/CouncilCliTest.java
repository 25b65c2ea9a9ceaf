package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording a new year's Council from the command line, as docs/operations.md tells an office to. */
class CouncilCliTest {
    private static String db() {
        return "jdbc:h2:mem:council-cli-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    }

    @Test
    void anAdminRecordsTheNewYearTermByTermAndTheCouncilIsComplete() {
        String db = db();
        CliRun before = CliRun.of("council", "members", "--date", "2027-01-15", "--db", db);
        assertThat(before.code()).isZero();
        assertThat(before.out().lines()).hasSize(10);
        assertThat(before.err()).contains("The elected members for 2027 are not all recorded yet: 5 of the 10");

        for (String state : new String[] {"Australia", "BRA", "Egypt", "India"}) {
            CliRun added = CliRun.of("council", "term", "add", state, "--from", "2027", "--to", "2028", "--db", db);
            assertThat(added.code()).as(added.err()).isZero();
        }
        CliRun last = CliRun.of("council", "term", "add", "Norway", "--from", "2027-01-01", "--to", "2028-12-31",
                "--db", db);
        assertThat(last.code()).isZero();
        assertThat(last.err().strip()).isEqualTo("councilbrief: recorded the elected term of NOR (2027-2028)");
        CliRun again = CliRun.of("council", "term", "add", "NOR", "--from", "2027", "--to", "2028", "--db", db);
        assertThat(again.err()).contains("already recorded: the elected term of NOR (2027-2028)");

        CliRun after = CliRun.of("council", "members", "--date", "2027-01-15", "--db", db);
        assertThat(after.out().lines()).hasSize(15);
        assertThat(after.err()).isEmpty();
        assertThat(after.json()).filteredOn(n -> n.get("code").asText().equals("EGY")).singleElement()
                .satisfies(n -> assertThat(n.get("groupings").toString()).isEqualTo("[\"E10\",\"A3\"]"));
        CliRun list = CliRun.of("council", "term", "list", "--year", "2027", "--db", db);
        assertThat(list.json()).hasSize(15);
        assertThat(list.out()).contains("{\"code\":\"NOR\",\"seat\":\"elected\",\"from\":\"2027-01-01\","
                + "\"to\":\"2028-12-31\"}").contains("{\"code\":\"CHN\",\"seat\":\"permanent\",\"from\":\"1946-01-01\","
                + "\"to\":null}");

        CliRun eleventh = CliRun.of("council", "term", "add", "Canada", "--from", "2027", "--to", "2028", "--db", db);
        assertThat(eleventh.code()).isEqualTo(2);
        assertThat(eleventh.err()).startsWith("councilbrief: this would seat 11 elected members on 2027-01-01")
                .doesNotContain("\tat ");

        CliRun removed = CliRun.of("council", "term", "remove", "Norway", "--from", "2027", "--db", db);
        assertThat(removed.code()).isZero();
        assertThat(CliRun.of("council", "members", "--date", "2028-06-01", "--db", db).err())
                .contains("4 of the 10 elected seats are known");
        CliRun grouping = CliRun.of("council", "grouping", "add", "A3+", "--from", "2027", "--to", "2027",
                "--joined-by", "Colombia", "--db", db);
        assertThat(grouping.code()).isZero();
        assertThat(CliRun.of("council", "members", "--date", "2027-03-01", "--db", db).out())
                .contains("\"groupings\":[\"E10\",\"A3\",\"A3+\"]");
    }

    @Test
    void badInputIsRefusedWithAMessageAndNothingRecorded(@TempDir Path dir) throws Exception {
        String db = db();
        assertThat(CliRun.of("council", "term", "add", "Atlantis", "--from", "2027", "--to", "2028", "--db", db)
                .err()).contains("unknown state 'Atlantis'");
        assertThat(CliRun.of("council", "term", "add", "Norway", "--from", "2028", "--to", "2027", "--db", db)
                .err()).contains("ends (2027-12-31) before it begins (2028-01-01)");
        assertThat(CliRun.of("council", "term", "add", "Norway", "--from", "next year", "--to", "2028", "--db", db)
                .err()).contains("'next year' is neither a year nor a day");
        assertThat(CliRun.of("council", "term", "add", "Norway", "--from", "2027", "--db", db).err())
                .contains("an elected term needs its last year or day");
        assertThat(CliRun.of("council", "term", "remove", "Norway", "--from", "2027", "--db", db).err())
                .contains("no term of NOR beginning in 2027 is recorded");

        Path list = dir.resolve("2027.csv");
        Files.writeString(list, "country,year\nAustralia,2027\nAtlantis,2027\n");
        CliRun unknown = CliRun.of("council", "import", list.toString(), "--db", db);
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err().strip()).isEqualTo("councilbrief: 2027.csv line 3: unknown state 'Atlantis'");

        Files.writeString(list, "country,year,term\nAustralia,2027,2027-2028\nLatvia,2027,2027-2028\n");
        CliRun overlap = CliRun.of("council", "import", list.toString(), "--db", db);
        assertThat(overlap.code()).isEqualTo(2);
        assertThat(overlap.err().strip()).isEqualTo("councilbrief: 2027.csv line 3: the elected term of LVA (2027-2028)"
                + " overlaps the elected term of LVA (2026-2027), recorded already; remove that term first if it is"
                + " wrong; nothing was recorded");
        assertThat(CliRun.of("council", "term", "list", "--year", "2027", "--db", db).out()).doesNotContain("AUS");

        Files.write(list, new byte[] {(byte) 0xff, (byte) 0xfe, 0x41});
        assertThat(CliRun.of("council", "import", list.toString(), "--db", db).err()).contains("not UTF-8 text");
        assertThat(CliRun.of("council", "import", dir.resolve("none.csv").toString(), "--db", db).err())
                .contains("no such file");
    }
}
