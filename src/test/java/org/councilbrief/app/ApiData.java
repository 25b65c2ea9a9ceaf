package org.councilbrief.app;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.councilbrief.AppException;
import org.councilbrief.SharedData;
import org.councilbrief.db.Database;
import org.councilbrief.ingest.ImportOptions;
import org.councilbrief.ingest.Imports;
import org.councilbrief.statement.Position;
import org.councilbrief.statement.StatementRepository;
import org.councilbrief.statement.StatementRepository.StoredPosition;

/**
 * The data the API and export tests read: the demo (a published brief on Mali) and real UN documents imported as an
 * editor imports them: Mali's and Lithuania's UPR Working Group reports and a Council meeting record put on Mali, of
 * whose proposed positions the editors accept every other one and reject one.
 */
final class ApiData {
    static final Path DATA = SharedData.root().resolve("data");
    static final Path MALI_REPORT = DATA.resolve("upr-reports/extra_cycle1/reports/mali2008.txt");
    static final Path LITHUANIA_REPORT = DATA.resolve("upr-reports/reports/lithuania2011.txt");
    static final Path RECORD = DATA.resolve("council-speeches/meetings/SPV.8703.txt");
    static final LocalDate MEETING_DAY = LocalDate.of(2020, 1, 15);

    private ApiData() {
    }

    /** The demo, and the real documents imported into it, with positions decided. */
    static Application load(Database database) throws AppException {
        Application application = Application.start(database, true);
        // The demo's own meeting is set aside: the tests count what the real documents below bring.
        database.jdbi().useTransaction(h -> {
            h.execute("delete from position where statement_id in (select id from statement where meeting_symbol"
                    + " = ?)", DemoData.MEETING);
            h.execute("delete from statement where meeting_symbol = ?", DemoData.MEETING);
            h.execute("delete from meeting where symbol = ?", DemoData.MEETING);
        });
        Imports imports = new Imports(database);
        imports.importFile(MALI_REPORT, "upr-report", ImportOptions.none());
        imports.importFile(LITHUANIA_REPORT, "upr-report", ImportOptions.none());
        imports.importFile(RECORD, "meeting-record", new ImportOptions("mali", null, MEETING_DAY));
        StatementRepository statements = new StatementRepository(database.jdbi());
        List<StoredPosition> all = statements.storedPositions("S/PV.8703");
        for (int i = 0; i < all.size(); i++) {
            statements.review(all.get(i).id(), i % 2 == 0 ? Position.Status.ACCEPTED
                    : i == 1 ? Position.Status.REJECTED : Position.Status.PROPOSED, null, null, "edith");
        }
        return application;
    }
}
