package org.councilbrief.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal of large writes into an embedded H2 file (decision 0030): whole or not there at all, even when the
 * process is killed inside the write, with nothing left beside the file afterwards and nothing another connection
 * commits meanwhile lost.
 */
class JournalTest {
    @TempDir
    Path folder;

    private String url() {
        return "jdbc:h2:file:" + folder.resolve("councilbrief") + ";AUTO_SERVER=FALSE";
    }

    private Journal journal() {
        return new Journal(folder.resolve("councilbrief"));
    }

    static void createScratch(Handle handle) {
        handle.execute("create table if not exists scratch (id integer primary key, body varchar(100) not null)");
    }

    static void insert(Handle handle, int from, int to) {
        var batch = handle.prepareBatch("insert into scratch (id, body) values (?, ?)");
        for (int i = from; i < to; i++) {
            batch.bind(0, i).bind(1, "row " + i).add();
        }
        batch.execute();
    }

    private static int count(Database database) {
        return database.jdbi().withHandle(h -> h.createQuery("select count(*) from scratch").mapTo(Integer.class).one());
    }

    @Test
    void journaledWriteCommitsAndLeavesNoJournalBehind() {
        try (Database database = Database.open(url())) {
            database.jdbi().useHandle(JournalTest::createScratch);
            int written = database.inJournaledTransaction("test", handle -> {
                assertThat(journal().marker()).exists();
                assertThat(journal().backup()).exists();
                insert(handle, 0, 1_000);
                return 1_000;
            });
            assertThat(written).isEqualTo(1_000);
            assertThat(count(database)).isEqualTo(1_000);
        }
        assertThat(journal().marker()).doesNotExist();
        assertThat(journal().backup()).doesNotExist();
        try (Database again = Database.open(url())) {
            assertThat(count(again)).isEqualTo(1_000);
        }
    }

    @Test
    void writeThatFailsIsRolledBackWithoutItsJournal() {
        try (Database database = Database.open(url())) {
            database.jdbi().useHandle(JournalTest::createScratch);
            assertThatThrownBy(() -> database.inJournaledTransaction("test", handle -> {
                insert(handle, 0, 500);
                throw new IllegalStateException("refused half-way");
            })).hasMessage("refused half-way");
            assertThat(count(database)).isZero();
            // The database is not left in exclusive mode: another connection writes at once.
            database.jdbi().useHandle(h -> insert(h, 0, 1));
            assertThat(count(database)).isEqualTo(1);
        }
        assertThat(journal().marker()).doesNotExist();
        assertThat(journal().backup()).doesNotExist();
    }

    @Test
    void writeCutShortAfterItsCommitIsUndoneAtTheNextOpen() {
        // As a kill between the commit and the marker's removal leaves it: the file changed, the marker still there.
        try (Database database = Database.open(url())) {
            database.jdbi().useHandle(h -> {
                createScratch(h);
                insert(h, 0, 10);
            });
            database.jdbi().useHandle(h -> {
                journal().begin(h, "test");
                insert(h, 10, 2_000);
            });
            assertThat(count(database)).isEqualTo(2_000);
        }
        assertThat(journal().marker()).exists();
        try (Database reopened = Database.open(url())) {
            assertThat(count(reopened)).isEqualTo(10);
        }
        assertThat(journal().marker()).doesNotExist();
        assertThat(journal().backup()).doesNotExist();
    }

    @Test
    void processKilledInsideAJournaledWriteLeavesTheDatabaseAsBefore() throws Exception {
        try (Database database = Database.open(url())) {
            database.jdbi().useHandle(h -> {
                createScratch(h);
                insert(h, 0, 10);
            });
        }
        Path inside = folder.resolve("inside");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), JournalKillChild.class.getName(), url(), inside.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("child.log").toFile()).start();
        try {
            for (int i = 0; i < 1_200 && !Files.exists(inside) && child.isAlive(); i++) {
                Thread.sleep(50);
            }
            assertThat(inside).as("the child reached the middle of its write: %s",
                    Files.exists(folder.resolve("child.log")) ? Files.readString(folder.resolve("child.log")) : "")
                    .exists();
        } finally {
            child.destroyForcibly(); // SIGKILL
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(journal().marker()).exists();
        try (Database reopened = Database.open(url())) {
            assertThat(count(reopened)).isEqualTo(10);
            reopened.jdbi().useHandle(h -> insert(h, 10, 20));
            assertThat(count(reopened)).isEqualTo(20);
        }
        assertThat(journal().marker()).doesNotExist();
        assertThat(journal().backup()).doesNotExist();
    }

    @Test
    void otherConnectionWaitsForTheWriteAndItsCommitIsKept() throws Exception {
        try (Database database = Database.open(url())) {
            database.jdbi().useHandle(JournalTest::createScratch);
            CompletableFuture<Void> other = new CompletableFuture<>();
            database.inJournaledTransaction("test", handle -> {
                insert(handle, 0, 100);
                CompletableFuture.runAsync(() -> database.jdbi().useHandle(h -> insert(h, 100, 101)))
                        .whenComplete((v, e) -> {
                            if (e != null) {
                                other.completeExceptionally(e);
                            } else {
                                other.complete(null);
                            }
                        });
                Thread.sleep(500);
                assertThat(other).as("the other connection waits while the journaled write runs").isNotDone();
                return null;
            });
            other.get(30, TimeUnit.SECONDS);
            assertThat(count(database)).isEqualTo(101);
        }
    }

    @Test
    void markerWithoutItsBackupIsReportedNotIgnored() throws Exception {
        try (Database database = Database.open(url())) {
            database.jdbi().useHandle(JournalTest::createScratch);
        }
        Files.writeString(journal().marker(), "started by hand");
        assertThatThrownBy(() -> Database.open(url())).isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("was cut short").hasMessageContaining(journal().backup().toString())
                .hasMessageContaining("restore the database from a backup");
    }

    @Test
    void inMemoryDatabaseWritesWithoutAJournal() {
        try (Database database = Database.inMemory("journal-" + System.nanoTime())) {
            database.jdbi().useHandle(JournalTest::createScratch);
            database.inJournaledTransaction("test", handle -> {
                insert(handle, 0, 10);
                return null;
            });
            assertThat(count(database)).isEqualTo(10);
            assertThat(database.journalSpace()).isZero();
        }
        assertThat(folder).isEmptyDirectory();
    }
}
