package org.councilbrief.db;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The child process {@link JournalTest} kills. {@code uncommitted}: writes 30,000 rows under the journal and commits
 * nothing. {@code committed}: starts the journal and commits 30,000 rows as a write killed between its commit and the
 * marker's removal has them. Then says it is there by creating a file, and waits to be killed.
 */
public final class JournalKillChild {
    private JournalKillChild() {
    }

    /** Counted down by {@link #pause}, which {@link JournalTest} has the database call inside a statement. */
    static final java.util.concurrent.CountDownLatch PAUSING = new java.util.concurrent.CountDownLatch(1);

    /** A function for the database (an alias): says it runs, then sleeps {@code millis}. */
    public static int pause(int millis) throws InterruptedException {
        PAUSING.countDown();
        Thread.sleep(millis);
        return millis;
    }

    public static void main(String[] args) throws Exception {
        Database database = Database.open(args[0]);
        Path there = Path.of(args[1]);
        if (args[2].equals("committed")) {
            database.jdbi().useHandle(handle -> {
                new Journal(Path.of(args[3])).begin(handle, "test");
                JournalTest.insert(handle, 10, 30_000);
                handle.execute("checkpoint sync");
                Files.createFile(there);
                Thread.sleep(600_000);
            });
            return;
        }
        database.inJournaledTransaction("test", handle -> {
            JournalTest.insert(handle, 10, 30_000);
            // Some of the uncommitted rows on disk, as a long import has them.
            Thread.sleep(1_500);
            Files.createFile(there);
            Thread.sleep(600_000);
            return null;
        });
    }
}
