package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.councilbrief.SharedData;
import org.councilbrief.brief.BriefWorkflow;
import org.councilbrief.calendar.CalendarRepository;
import org.councilbrief.calendar.StaleBriefs;
import org.councilbrief.db.Database;
import org.councilbrief.ingest.ImportOptions;
import org.councilbrief.ingest.ImportResult;
import org.councilbrief.ingest.Imports;
import org.junit.jupiter.api.Test;

/**
 * An import that changes nothing is no news: UPR Info's export downloaded again (its rows in another order, other line
 * ends), a meeting record, press summary or resolution imported again as other bytes leave a published brief fresh;
 * a review whose response changed, or a record whose speech changed, makes it stale and is named.
 */
class StaleBriefsReimportTest {
    private static final Path DATA = SharedData.root().resolve("data");
    private static final Path RECORD = DATA.resolve("council-speeches/meetings/SPV.8703.txt");
    private static final Path RESOLUTION = DATA.resolve("pages/seed_sources/res2690_2023_text_partial.txt");

    @Test
    void onlyAddedOrChangedItemsMakeABriefStale() throws Exception {
        try (Database database = Database.inMemory("stale-reimport-" + System.nanoTime())) {
            Application application = Application.start(database, true, Clock.fixed(Instant.parse(
                    "2023-08-20T09:00:00Z"), ZoneOffset.UTC));
            Imports imports = new Imports(database);
            List<CSVRecord> mali = maliRows();
            byte[] press = Files.readAllBytes(Path.of(getClass().getResource("/press/sc99999.txt").toURI()));
            imports.importBytes("upr-info.csv", csv(mali, "\n"), "upr-csv", ImportOptions.none());
            imports.importFile(RECORD, "meeting-record", new ImportOptions("mali", null, LocalDate.of(2020, 1, 15)));
            imports.importBytes("sc99999.txt", press, "press-release", new ImportOptions("mali", null, null));
            imports.importFile(RESOLUTION, "resolution", new ImportOptions(null, "S/RES/2690 (2023)", null));

            BriefWorkflow workflow = new BriefWorkflow(database, application.membership());
            int edited = workflow.editItem("mali", 0, "comments-2", "Briefing on Mali", LocalDate.of(2023, 6, 16),
                    "The Council heard a briefing.", "edith");
            workflow.publish("mali", workflow.submit("mali", edited, "edith"), "rita", true);
            StaleBriefs stale = new StaleBriefs(new CalendarRepository(database.jdbi()));
            assertThat(stale.reasons(LocalDate.of(2023, 8, 20), 30)).isEmpty();

            // The same content as other bytes: each file is imported (its hash is new) and nothing is news.
            List<CSVRecord> reversed = new ArrayList<>(mali);
            Collections.reverse(reversed);
            List<ImportResult> again = List.of(
                    imports.importBytes("upr-info-again.csv", csv(reversed, "\r\n"), "upr-csv", ImportOptions.none()),
                    imports.importBytes("SPV.8703.txt", crlf(Files.readAllBytes(RECORD)), "meeting-record",
                            new ImportOptions("mali", null, LocalDate.of(2020, 1, 15))),
                    imports.importBytes("sc99999.txt", crlf(press), "press-release", new ImportOptions("mali", null,
                            null)),
                    imports.importBytes("res2690.txt", crlf(Files.readAllBytes(RESOLUTION)), "resolution",
                            new ImportOptions(null, "S/RES/2690 (2023)", null)));
            assertThat(again).extracting(ImportResult::unchanged).containsOnly(false);
            assertThat(stale.reasons(LocalDate.of(2023, 8, 20), 30)).isEmpty();

            // One response changed in the export, one speech in the record: those two are news, named.
            List<String[]> changed = new ArrayList<>();
            boolean done = false;
            for (CSVRecord r : mali) {
                String[] row = r.values();
                if (!done && r.get("response").equals("Accepted")) {
                    row[r.getParser().getHeaderMap().get("response")] = "Noted";
                    done = true;
                }
                changed.add(row);
            }
            assertThat(done).isTrue();
            imports.importBytes("upr-info-changed.csv", csvRows(mali.get(0).getParser().getHeaderNames(), changed,
                    "\n"), "upr-csv", ImportOptions.none());
            String record = Files.readString(RECORD, StandardCharsets.UTF_8);
            int at = record.indexOf("Mali", record.length() / 2);
            imports.importBytes("SPV.8703-corrected.txt", (record.substring(0, at) + "the Republic of Mali"
                    + record.substring(at + 4)).getBytes(StandardCharsets.UTF_8), "meeting-record",
                    new ImportOptions("mali", null, LocalDate.of(2020, 1, 15)));
            assertThat(stale.reasons(LocalDate.of(2023, 8, 20), 30).get("mali"))
                    .extracting(StaleBriefs.Reason::label).containsExactlyInAnyOrder("UPR review MLI-S2", "S/PV.8703");
        }
    }

    /** UPR Info's rows on Mali, from its export of sessions 1 to 12. */
    private static List<CSVRecord> maliRows() throws Exception {
        String all = Files.readString(DATA.resolve("upr-themes/upr_recommendations_sessions_01-12.csv"));
        List<CSVRecord> out = new ArrayList<>();
        for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(all))) {
            if (r.get("to").equals("Mali")) {
                out.add(r);
            }
        }
        assertThat(out).hasSizeGreaterThan(10);
        return out;
    }

    private static byte[] csv(List<CSVRecord> rows, String lineEnd) throws Exception {
        return csvRows(rows.get(0).getParser().getHeaderNames(), rows.stream().map(CSVRecord::values).toList(),
                lineEnd);
    }

    private static byte[] csvRows(List<String> header, List<String[]> rows, String lineEnd) throws Exception {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = CSVFormat.DEFAULT.builder().setRecordSeparator(lineEnd).get().print(out)) {
            printer.printRecord(header);
            for (String[] row : rows) {
                printer.printRecord((Object[]) row);
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] crlf(byte[] text) {
        return new String(text, StandardCharsets.UTF_8).replace("\r\n", "\n").replace("\n", "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
