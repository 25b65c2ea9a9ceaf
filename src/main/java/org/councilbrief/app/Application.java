package org.councilbrief.app;

import org.councilbrief.AppException;
import org.councilbrief.account.Accounts;
import org.councilbrief.brief.BriefComposer;
import org.councilbrief.brief.BriefRepository;
import org.councilbrief.council.Membership;
import org.councilbrief.council.StateRepository;
import org.councilbrief.db.Database;
import org.councilbrief.site.SiteBuilder;

/** The services the web application and the command line share, wired once. */
record Application(Database database, Membership membership, BriefRepository briefs, BriefComposer composer,
        Accounts accounts) {

    static Application start(Database database, boolean demo) throws AppException {
        return start(database, demo, org.councilbrief.account.AccountSettings.defaults());
    }

    static Application start(Database database, boolean demo, org.councilbrief.account.AccountSettings settings)
            throws AppException {
        Membership membership = Membership.shipped();
        new StateRepository(database.jdbi()).syncShipped(membership);
        BriefRepository briefs = new BriefRepository(database.jdbi());
        if (demo) {
            DemoData.load(briefs);
        }
        Accounts accounts = new Accounts(database, settings);
        accounts.purge();
        return new Application(database, membership, briefs, new BriefComposer(membership), accounts);
    }

    /** The public site as of today, as the server shows it: its pages link to the login page. */
    SiteBuilder site() {
        return new SiteBuilder(database, membership, java.time.LocalDate.now(), true);
    }
}
