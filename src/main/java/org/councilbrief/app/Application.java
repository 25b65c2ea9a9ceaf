package org.councilbrief.app;

import java.time.Clock;
import java.time.LocalDate;
import org.councilbrief.AppException;
import org.councilbrief.account.Accounts;
import org.councilbrief.brief.BriefComposer;
import org.councilbrief.brief.BriefRepository;
import org.councilbrief.council.CouncilRepository;
import org.councilbrief.council.Membership;
import org.councilbrief.council.MembershipSource;
import org.councilbrief.council.StateRepository;
import org.councilbrief.db.Database;
import org.councilbrief.site.SiteBuilder;

/**
 * The services the web application and the command line share, wired once. The Council's composition is the one the
 * database records (decision 0026), read again as it changes; "today" comes from the clock, so that tests can run on
 * any day.
 */
record Application(Database database, MembershipSource council, BriefRepository briefs, BriefComposer composer,
        Accounts accounts, Clock clock, org.councilbrief.ingest.FetchSettings documents) {

    static Application start(Database database, boolean demo) throws AppException {
        return start(database, demo, Clock.systemDefaultZone(), org.councilbrief.account.AccountSettings.defaults());
    }

    static Application start(Database database, boolean demo, Clock clock) throws AppException {
        return start(database, demo, clock, org.councilbrief.account.AccountSettings.defaults());
    }

    static Application start(Database database, boolean demo, org.councilbrief.account.AccountSettings settings)
            throws AppException {
        return start(database, demo, Clock.systemDefaultZone(), settings);
    }

    static Application start(Database database, boolean demo, Clock clock,
            org.councilbrief.account.AccountSettings settings) throws AppException {
        return start(database, demo, clock, settings, org.councilbrief.ingest.FetchSettings.fromEnvironment());
    }

    /** {@code documents}: where the import page fetches documents by symbol from, and keeps them (decision 0043). */
    static Application start(Database database, boolean demo, Clock clock,
            org.councilbrief.account.AccountSettings settings, org.councilbrief.ingest.FetchSettings documents)
            throws AppException {
        new StateRepository(database.jdbi()).syncShipped(Membership.shipped());
        MembershipSource council = new MembershipSource(new CouncilRepository(database.jdbi()));
        BriefRepository briefs = new BriefRepository(database.jdbi());
        if (demo) {
            DemoData.load(briefs);
            DemoData.loadMeeting(new org.councilbrief.statement.StatementRepository(database.jdbi()));
        }
        Accounts accounts = new Accounts(database, settings);
        accounts.purge();
        return new Application(database, council, briefs, new BriefComposer(council), accounts, clock, documents);
    }

    /** The Council's composition as recorded now. */
    Membership membership() {
        return council.get();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The public site as of today, as the server shows it: its pages link to the login page. */
    SiteBuilder site() {
        return new SiteBuilder(database, membership(), today(), true);
    }
}
