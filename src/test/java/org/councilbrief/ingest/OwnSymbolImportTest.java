package org.councilbrief.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.councilbrief.AppException;
import org.councilbrief.SharedData;
import org.councilbrief.council.Membership;
import org.councilbrief.council.StateRepository;
import org.councilbrief.db.Database;
import org.councilbrief.document.InputException;
import org.councilbrief.quality.PrintedRecord;
import org.councilbrief.statement.StatementRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A document is stored under its own symbol: the one its header, its file name or the person importing gives, never
 * one it cites; where two of them name different documents, nothing is imported.
 */
class OwnSymbolImportTest {
    private static final Path MEETINGS = SharedData.root().resolve("data/council-speeches/meetings");
    private static final ImportOptions DATED = new ImportOptions(null, null, LocalDate.of(2020, 10, 30));

    /** A 2020 record as the data gives records (one speech per paragraph), whose President cites another meeting. */
    private static final String CITING = """
            The President: I wish to draw the attention of Council members to the statement made at the meeting on \
            this item last month (see S/PV.8745), and to document S/2020/1031. I now give the floor to Mr. Ladeb.

            Mr. Ladeb (Tunisia) (spoke in Arabic): We call for the protection of civilians in the north of Mali.

            Mr. Heusgen (Germany): Germany condemns the attacks on schools and calls for accountability.
            """;

    private Database db;
    private Imports imports;

    @BeforeEach
    void open() {
        db = Database.inMemory("own-symbol-" + System.nanoTime());
        new StateRepository(db.jdbi()).syncShipped(Membership.shipped());
        imports = new Imports(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ImportResult importRecord(String name, String text, ImportOptions options) throws AppException {
        return imports.importBytes(name, text.getBytes(StandardCharsets.UTF_8), "meeting-record", options);
    }

    @Test
    void aRecordCitingAnotherMeetingInItsFirstLinesIsImportedUnderItsFileName() throws AppException {
        ImportResult result = importRecord("S_PV.8765.txt", CITING, DATED);

        assertThat(result.target()).contains("S/PV.8765");
        StatementRepository statements = new StatementRepository(db.jdbi());
        assertThat(statements.statements("S/PV.8765")).hasSize(3);
        assertThat(statements.findMeeting("S/PV.8745")).isEmpty();
        assertThat(statements.statements("S/PV.8745")).isEmpty();
    }

    @Test
    void everyRecordOfTheDataIsReadAsTheMeetingItsFileNames() throws IOException, AppException {
        // Four of them cite an earlier meeting in their first 3,000 characters (SPV.8698.txt cites S/PV.8585).
        List<Path> files;
        try (Stream<Path> list = Files.list(MEETINGS)) {
            files = list.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(files).hasSize(25);
        for (Path file : files) {
            String name = file.getFileName().toString();
            ParsedImport parsed = imports.preview(name, Files.readAllBytes(file), "meeting-record", DATED);
            assertThat(parsed.target()).as(name).contains(name.replace("SPV.", "S/PV.").replace(".txt", ""));
        }
    }

    @Test
    void aRecordWithoutHeaderOrSymbolInItsNameAsksForTheSymbol() {
        assertThatThrownBy(() -> importRecord("record.txt", CITING, DATED)).isInstanceOf(InputException.class)
                .hasMessageContaining("record.txt").hasMessageContaining("does not print its symbol");
    }

    @Test
    void theSymbolGivenIsUsedWhereTheRecordAndItsNameSayNothing() throws AppException {
        assertThat(importRecord("record.txt", CITING, new ImportOptions(null, "S/PV.8765", DATED.date())).target())
                .contains("S/PV.8765");
    }

    private static String laid(PrintedRecord.Style style, String symbol, int number) {
        String record = SharedData.read(MEETINGS.resolve("SPV.8703.txt"));
        return PrintedRecord.layout(style, record, new PrintedRecord.Meeting(symbol, number, "The situation in Mali",
                LocalDate.of(2020, 1, 15), "20-00789")).text();
    }

    @ParameterizedTest
    @EnumSource(PrintedRecord.Style.class)
    void aPrintedRecordIsKnownByItsHeader(PrintedRecord.Style style) throws AppException {
        ParsedImport parsed = imports.preview("record.txt", laid(style, "S/PV.8703", 8703).getBytes(
                StandardCharsets.UTF_8), "meeting-record", ImportOptions.none());
        assertThat(parsed.target()).contains("S/PV.8703");
    }

    @ParameterizedTest
    @EnumSource(PrintedRecord.Style.class)
    void aHeaderAndAFileNameThatNameDifferentMeetingsAreRefusedAndNothingIsWritten(PrintedRecord.Style style) {
        byte[] printed = laid(style, "S/PV.8703", 8703).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> imports.importBytes("S_PV.8765.txt", printed, "meeting-record",
                ImportOptions.none())).isInstanceOf(InputException.class)
                .hasMessageContaining("S_PV.8765.txt").hasMessageContaining("its header")
                .hasMessageContaining("S/PV.8703").hasMessageContaining("its file name says S/PV.8765");
        StatementRepository statements = new StatementRepository(db.jdbi());
        assertThat(statements.findMeeting("S/PV.8703")).isEmpty();
        assertThat(statements.findMeeting("S/PV.8765")).isEmpty();
    }

    @Test
    void aSymbolGivenThatTheHeaderContradictsIsRefused() {
        byte[] printed = laid(PrintedRecord.Style.UN, "S/PV.8703", 8703).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> imports.importBytes("record.pdf.txt", printed, "meeting-record",
                new ImportOptions(null, "S/PV.8704", null))).isInstanceOf(InputException.class)
                .hasMessageContaining("the symbol given says S/PV.8704 but its header")
                .hasMessageContaining("says S/PV.8703").hasMessageContaining("correct the symbol");
    }

    @Test
    void aResumptionInTheHeaderAgreesWithAFileNameThatOnlyNamesTheMeeting() throws AppException {
        String printed = laid(PrintedRecord.Style.UN, "S/PV.8699 (Resumption 1)", 8699);
        assertThat(imports.preview("S_PV.8699.txt", printed.getBytes(StandardCharsets.UTF_8), "meeting-record",
                ImportOptions.none()).target()).contains("S/PV.8699 (Resumption 1)");
    }

    @Test
    void aResolutionIsNotNamedAfterAResolutionItsPreambleRecalls() throws AppException {
        String resolution = """
                The Security Council,

                Recalling its resolution 2640 (2022) and all its previous resolutions on Mali,

                1. Decides to terminate the mandate of MINUSMA;

                2. Decides to remain seized of the matter.
                """;
        ParsedImport parsed = imports.preview("S_RES_2690_2023.txt", resolution.getBytes(StandardCharsets.UTF_8),
                "resolution", ImportOptions.none());
        assertThat(parsed.target()).contains("S/RES/2690 (2023)");
        assertThatThrownBy(() -> imports.preview("resolution.txt", resolution.getBytes(StandardCharsets.UTF_8),
                "resolution", ImportOptions.none())).hasMessageContaining("does not print its symbol");
        String headed = "United Nations                                   S/RES/2690 (2023)\nSecurity Council\n\n"
                + resolution;
        assertThatThrownBy(() -> imports.preview("S_RES_2691_2023.txt", headed.getBytes(StandardCharsets.UTF_8),
                "resolution", ImportOptions.none())).isInstanceOf(InputException.class)
                .hasMessageContaining("S_RES_2691_2023.txt").hasMessageContaining("S/RES/2690 (2023)")
                .hasMessageContaining("S/RES/2691 (2023)");
    }

    @Test
    void aPressReleaseIsKnownByItsNumberAboveItsTextAndItsFileName() throws AppException {
        byte[] press = ImportsTest.PRESS.getBytes(StandardCharsets.UTF_8);
        assertThat(imports.preview("sc99999.txt", press, "press-release", ImportOptions.none()).target())
                .contains("SC/99999");
        assertThatThrownBy(() -> imports.preview("SC_99998.txt", press, "press-release", ImportOptions.none()))
                .isInstanceOf(InputException.class).hasMessageContaining("SC_99998.txt")
                .hasMessageContaining("SC/99999").hasMessageContaining("SC/99998");
        String citing = ImportsTest.PRESS.replace("SC/99999\n", "").replace("Council Hears Briefing on Mali",
                "Council Hears Briefing on Mali (see SC/15300)");
        assertThat(imports.preview("SC_99999.txt", citing.getBytes(StandardCharsets.UTF_8), "press-release",
                ImportOptions.none()).target()).contains("SC/99999");
    }
}
