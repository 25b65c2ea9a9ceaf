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
 * The journal of large writes into an embedded H2 file (decision 0051): whole or not there at all, even when the
 * process is killed inside the write or after its commit, with nothing left beside the file afterwards, the file
 * holding the outcome only, and what another connection sends meanwhile refused rather than lost.
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

    /** A handle whose connection the journal's shutdown closed: Jdbi cannot tell its transaction's state. */
    private static void closeQuietly(Handle handle) {
        try {
            handle.close();
        } catch (RuntimeException closedByTheShutdown) {
            // nothing to release
        }
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

    /** Starts the child in {@code mode}, waits until it is where it should be killed, and kills it (SIGKILL). */
    private void killChild(String mode) throws Exception {
        Path there = folder.resolve("there-" + mode);
        Path log = folder.resolve("child-" + mode + ".log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), JournalKillChild.class.getName(), url(), there.toString(), mode,
                folder.resolve("councilbrief").toString()).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        try {
            for (int i = 0; i < 1_200 && !Files.exists(there) && child.isAlive(); i++) {
                Thread.sleep(50);
            }
            assertThat(there).as("the child reached the point of its kill: %s",
                    Files.exists(log) ? Files.readString(log) : "").exists();
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    /**
     * Killed inside the write ({@code uncommitted}: H2's own recovery would roll it back too), or after its commit but
     * before the journal was closed ({@code committed}: H2 alone would keep those rows, only the restore takes them
     * away): either way the next open finds the database as it was before.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"uncommitted", "committed"})
    void processKilledDuringAJournaledWriteLeavesTheDatabaseAsBefore(String mode) throws Exception {
        try (Database database = Database.open(url())) {
            database.jdbi().useHandle(h -> {
                createScratch(h);
                insert(h, 0, 10);
            });
        }
        killChild(mode);
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
    void otherConnectionWaitsForTheWriteAndIsThenRefusedNotLost() throws Exception {
        try (Database database = Database.open(url())) {
            database.jdbi().useHandle(JournalTest::createScratch);
            Handle other = database.jdbi().open();
            java.util.concurrent.CountDownLatch sent = new java.util.concurrent.CountDownLatch(1);
            CompletableFuture<Void> done = new CompletableFuture<>();
            database.inJournaledTransaction("test", handle -> {
                insert(handle, 0, 100);
                Thread.ofPlatform().start(() -> {
                    sent.countDown();
                    try {
                        insert(other, 100, 101);
                        done.complete(null);
                    } catch (RuntimeException e) {
                        done.completeExceptionally(e);
                    }
                });
                sent.await();
                Thread.sleep(500);
                assertThat(done).as("the other connection waits while the journaled write runs").isNotDone();
                return null;
            });
            // The write's end shut the database down: the waiting statement is refused, its connection closed.
            assertThatThrownBy(() -> done.get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(org.jdbi.v3.core.statement.UnableToExecuteStatementException.class);
            closeQuietly(other);
            assertThat(count(database)).as("the pool's new connections open the database again").isEqualTo(100);
            database.jdbi().useHandle(h -> insert(h, 100, 101));
            assertThat(count(database)).isEqualTo(101);
        }
    }

    @Test
    void journaledWriteLeavesTheFileWithItsOutcomeOnly() throws Exception {
        // H2 writes a large transaction's pages before it ends; afterwards the file is rewritten with the outcome
        // only, so no version from the middle of the write is left in it (MVStoreTool lists the file's chunks).
        try (Database database = Database.open(url())) {
            database.jdbi().useHandle(JournalTest::createScratch);
            database.inJournaledTransaction("test", handle -> {
                for (int i = 0; i < 30; i++) {
                    insert(handle, i * 1_000, (i + 1) * 1_000);
                    handle.execute("checkpoint"); // a version of the store from the middle of the write, on disk
                }
                return null;
            });
        }
        java.io.StringWriter info = new java.io.StringWriter();
        org.h2.mvstore.MVStoreTool.info(folder.resolve("councilbrief.mv.db").toString(), info);
        long chunks = info.toString().lines().filter(l -> l.matches("\\s+Chunk \\d+: .*")).count();
        assertThat(chunks).as(info.toString()).isLessThanOrEqualTo(2);
        try (Database again = Database.open(url())) {
            assertThat(count(again)).isEqualTo(30_000);
        }
    }

    @Test
    void statementRunningWhenTheWriteStartsIsFinishedAndInTheBackupFirst() throws Exception {
        try (Database database = Database.open(url())) {
            Handle other = database.jdbi().open();
            database.jdbi().useHandle(h -> {
                createScratch(h);
                h.execute("create alias pause for \"" + JournalKillChild.class.getName() + ".pause\"");
            });
            CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> other.execute(
                    "insert into scratch (id, body) select pause(x), 'started before the write'"
                            + " from system_range(1500, 1500)"));
            assertThat(JournalKillChild.PAUSING.await(30, TimeUnit.SECONDS)).as("the statement runs: %s",
                    running.isCompletedExceptionally() ? running.exceptionNow() : "").isTrue();
            int seen = database.inJournaledTransaction("test", handle -> handle.createQuery(
                    "select count(*) from scratch where id = 1500").mapTo(Integer.class).one());
            assertThat(seen).as("the statement already running had committed when the write began").isEqualTo(1);
            assertThat(running.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            closeQuietly(other);
        }
    }

    @Test
    void journalThatCannotBeClosedStopsTheDatabaseUntilTheNextOpen() throws Exception {
        try (Database database = Database.open(url())) {
            database.jdbi().useHandle(JournalTest::createScratch);
            assertThatThrownBy(() -> database.inJournaledTransaction("test", handle -> {
                insert(handle, 0, 10);
                // The marker cannot be removed: a folder with a file in it stands where it was.
                Files.delete(journal().marker());
                Files.createDirectories(journal().marker().resolve("inside"));
                return null;
            })).isInstanceOf(DatabaseUnavailableException.class).hasMessageContaining("not finished cleanly")
                    .hasMessageContaining("Restart councilbrief");
            assertThatThrownBy(() -> count(database)).isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining("takes no more work");
        } finally {
            Files.deleteIfExists(journal().marker().resolve("inside"));
            Files.deleteIfExists(journal().marker());
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
