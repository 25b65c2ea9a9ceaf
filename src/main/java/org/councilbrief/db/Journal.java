package org.councilbrief.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.councilbrief.AppException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;

/**
 * The journal of a large write into an embedded H2 file (decision 0051): before the write, H2's own online backup of
 * the file ({@code NAME.journal.zip}) and then a marker ({@code NAME.journal}); after the commit (or the rollback), the
 * file rewritten with the outcome only and the marker removed. A process killed between the two leaves the marker, and
 * the next open of the database puts the file back as the backup holds it before H2 reads it, so a large write is
 * whole or not there at all, whatever H2's recovery would make of a large transaction cut short (measured:
 * half-written and locked for good).
 *
 * <p>While the write runs the database is in H2's exclusive mode: other connections wait, so that nothing they would
 * commit meanwhile can be lost to a restore. At its end the database is shut down and its file rewritten with the
 * outcome only, before the journal goes: statements that waited are then refused (their connection closed), not lost.
 */
final class Journal {
    private static final String MARKER = ".journal";
    private static final String BACKUP = ".journal.zip";
    private static final String SIZE = "backup bytes: ";
    private final Path base;

    /** The journal of the H2 database whose files start with {@code base} (without {@code .mv.db}). */
    Journal(Path base) {
        this.base = base;
    }

    Path base() {
        return base;
    }

    Path marker() {
        return base.resolveSibling(base.getFileName() + MARKER);
    }

    Path backup() {
        return base.resolveSibling(base.getFileName() + BACKUP);
    }

    Path file() {
        return base.resolveSibling(base.getFileName() + ".mv.db");
    }

    /**
     * A journaled write whose journal could not be closed as it should (its commit or rollback not known to be on disk,
     * or the marker not removed): the database must not take more writes before the next open has put it right.
     */
    static final class Unfinished extends RuntimeException {
        Unfinished(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Runs {@code callback} in one transaction on {@code handle}, under the journal. The database is shut down at the
     * end (see {@link #finish}): every connection of the pool is closed, and the caller has the pool replace them.
     */
    <T, X extends Exception> T run(Handle handle, String what, HandleCallback<T, X> callback,
            java.util.concurrent.atomic.AtomicBoolean shutDown) throws X {
        handle.execute("set exclusive 1");
        boolean shut = false;
        Throwable failure = null;
        try {
            awaitQuiet(handle);
            begin(handle, what);
            T result;
            try {
                result = handle.inTransaction(callback);
            } catch (Throwable e) {
                // Rolled back in this process; parts of the transaction are in the file already, the rollback in
                // memory: on disk first, and only then is the backup not needed.
                shut = true;
                shutDown.set(true);
                finish(handle, "its rollback", e);
                throw e;
            }
            shut = true;
            shutDown.set(true);
            finish(handle, "its commit", null);
            return result;
        } catch (Throwable e) {
            failure = e;
            throw e;
        } finally {
            if (!shut) {
                try {
                    handle.execute("set exclusive 0");
                } catch (RuntimeException e) {
                    // A session that cannot end its exclusive mode would keep every other one waiting: the caller
                    // closes the database, which ends it (H2 ends a session's exclusive mode with the session).
                    Unfinished unfinished = new Unfinished("the database could not leave its exclusive mode after "
                            + what + ": " + e.getMessage(), e);
                    if (failure != null) {
                        unfinished.addSuppressed(failure);
                    }
                    throw unfinished;
                }
            }
        }
    }

    /**
     * The write's outcome on disk, then the journal removed; or {@link Unfinished}, the journal kept. H2 writes a large
     * transaction's pages into its file before the transaction ends, and a process killed later while H2 compacts the
     * file at close can leave H2 falling back to one of those versions, half-written and locked (measured: one kill in
     * 50 after the commit, decision 0051). So the file is rewritten first with the outcome only (H2's {@code SHUTDOWN
     * COMPACT}: a new file, renamed over the old one when complete), which closes every session; the journal goes only
     * after that.
     */
    private void finish(Handle handle, String what, Throwable failure) {
        try {
            // Through JDBC: the statement ends with its connection closed, which Jdbi would take for a failure.
            Object before = fileKey();
            java.sql.Statement statement = handle.getConnection().createStatement();
            statement.execute("shutdown compact");
            try {
                statement.close();
            } catch (java.sql.SQLException closedWithItsConnection) {
                // nothing left to release
            }
            // H2 reports a rewrite that failed (a full disk) in its trace file only: the new file must be in place.
            Path temporary = file().resolveSibling(file().getFileName() + ".tempFile");
            if (before != null && before.equals(fileKey()) || Files.exists(temporary)) {
                throw new IllegalStateException("the database file was not rewritten (see "
                        + file().resolveSibling(base.getFileName() + ".trace.db") + ")");
            }
            end();
        } catch (RuntimeException | java.sql.SQLException e) {
            Unfinished unfinished = new Unfinished("the database could not put " + what + " on disk and close its"
                    + " journal (" + e.getMessage() + "); the next start puts it back as it was before the write", e);
            if (failure != null) {
                unfinished.addSuppressed(failure);
            }
            throw unfinished;
        }
    }

    /** How long a journaled write waits for statements other connections had started before it. */
    static final long QUIET_MILLIS = 30_000;

    /**
     * Waits until no other connection is running a statement: exclusive mode stops the next statement of every other
     * connection, not one already running, whose commit must be in the backup rather than after it.
     */
    private static void awaitQuiet(Handle handle) {
        long deadline = System.nanoTime() + QUIET_MILLIS * 1_000_000;
        while (handle.createQuery("select count(*) from information_schema.sessions where session_id <> session_id()"
                + " and executing_statement is not null").mapTo(Integer.class).one() > 0) {
            if (System.nanoTime() > deadline) {
                throw new DatabaseUnavailableException("the database stayed busy with other work for " + QUIET_MILLIS
                        / 1000 + " s, so the large write did not start; nothing was written: try again", null);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DatabaseUnavailableException("interrupted while waiting for the database", e);
            }
        }
    }

    /** Backs the file up, then writes the marker naming what is written and the backup's size. */
    void begin(Handle handle, String what) {
        Path partial = base.resolveSibling(base.getFileName() + BACKUP + ".partial");
        Path markerPartial = base.resolveSibling(base.getFileName() + MARKER + ".partial");
        try {
            Files.deleteIfExists(partial);
            handle.execute("backup to '" + partial.toString().replace("'", "''") + "'");
            force(partial);
            Files.move(partial, backup(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            // The backup's name on disk before the marker that points to it.
            forceFolder();
            Files.writeString(markerPartial, "started " + Instant.now() + ": " + what.replaceAll("\\p{Cntrl}", " ")
                    + "\n" + SIZE + Files.size(backup()) + "\n", StandardCharsets.UTF_8);
            force(markerPartial);
            Files.move(markerPartial, marker(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceFolder();
        } catch (IOException | RuntimeException e) {
            for (Path leftover : new Path[] {markerPartial, partial, backup()}) {
                try {
                    Files.deleteIfExists(leftover);
                } catch (IOException again) {
                    e.addSuppressed(again);
                }
            }
            throw new UncheckedIOException("cannot write the journal beside " + file() + ": " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    /** Removes the marker, then the backup. */
    void end() {
        try {
            Files.deleteIfExists(marker());
            forceFolder();
            Files.deleteIfExists(backup());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the journal " + marker() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Puts the file back as its backup holds it when a write under the journal was cut short; returns what that write
     * was, or empty when there was nothing to do. The file is locked meanwhile, as H2 locks it: if another process (or
     * this one) has the database open, its write may still be running, and nothing is done.
     */
    Optional<String> recover() throws AppException {
        Path marker = marker();
        if (!Files.exists(marker)) {
            return Optional.empty();
        }
        if (!Files.exists(backup())) {
            throw new AppException("a write into the database " + file() + " was cut short and its journal "
                    + backup() + " is missing, so it cannot be undone here: restore the database from a backup"
                    + " (docs/operations.md), then remove " + marker);
        }
        try (FileChannel channel = FileChannel.open(file(), StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.CREATE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                return Optional.empty();
            }
            if (lock == null) {
                return Optional.empty();
            }
            try (lock) {
                java.util.List<String> lines = Files.readAllLines(marker, StandardCharsets.UTF_8);
                String what = lines.isEmpty() ? "" : lines.get(0).strip();
                String size = lines.stream().filter(l -> l.startsWith(SIZE)).map(l -> l.substring(SIZE.length()))
                        .findFirst().orElse("");
                if (!size.equals(String.valueOf(Files.size(backup())))) {
                    throw new AppException("a write into the database " + file() + " was cut short, but its journal "
                            + backup() + " is not the one its marker " + marker + " names (" + Files.size(backup())
                            + " bytes, not " + size + "), so it cannot be undone here: restore the database from a"
                            + " backup (docs/operations.md), then remove both");
                }
                restore(channel);
                // A full compaction cut short leaves its new file beside the old one; H2 would write it again.
                Files.deleteIfExists(file().resolveSibling(file().getFileName() + ".tempFile"));
                end();
                return Optional.of(what);
            }
        } catch (IOException e) {
            throw new AppException("cannot undo the write cut short in " + file() + " from its journal " + backup()
                    + ": " + e.getMessage(), e);
        }
    }

    /** Writes the backup's copy of the file over it, in place (the lock stays on it), and to disk. */
    private void restore(FileChannel channel) throws IOException {
        String name = file().getFileName().toString();
        try (InputStream in = Files.newInputStream(backup()); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                // H2 names the entry after the file's real path (a link's target): the one database file it holds.
                if (entry.getName().endsWith(".mv.db")) {
                    channel.truncate(0);
                    ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
                    long written = 0;
                    for (int n = zip.read(buffer.array()); n >= 0; n = zip.read(buffer.array())) {
                        buffer.clear().limit(n);
                        while (buffer.hasRemaining()) {
                            written += channel.write(buffer, written);
                        }
                    }
                    channel.truncate(written);
                    channel.force(true);
                    return;
                }
            }
        }
        throw new IOException("the journal holds no database file (" + name + ")");
    }

    /** The file's identity on disk (its inode), which a rewrite renamed over it changes; null where unknown. */
    private Object fileKey() {
        try {
            return Files.readAttributes(file(), java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private void forceFolder() {
        // A folder's entries reach the disk with the folder's own sync, where the file system allows opening it.
        try (FileChannel channel = FileChannel.open(base.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            // Not every file system lets a folder be opened; the renames stay atomic there, only their timing is open.
        }
    }
}
