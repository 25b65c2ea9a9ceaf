package org.councilbrief.db;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The child process {@link JournalTest} kills: writes 30,000 rows under the journal, commits nothing, says it is
 * inside the write by creating a file, and waits to be killed.
 */
public final class JournalKillChild {
    private JournalKillChild() {
    }

    public static void main(String[] args) throws Exception {
        Database database = Database.open(args[0]);
        database.inJournaledTransaction("test", handle -> {
            JournalTest.insert(handle, 10, 30_000);
            // Some of the uncommitted rows on disk, as a long import has them.
            Thread.sleep(1_500);
            Files.createFile(Path.of(args[1]));
            Thread.sleep(600_000);
            return null;
        });
    }
}
