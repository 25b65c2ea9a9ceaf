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
 * The journal of a large write into an embedded H2 file (decision 0030): before the write, H2's own online backup of
 * the file ({@code NAME.journal.zip}) and then a marker ({@code NAME.journal}); after the commit, a checkpoint to disk
 * and the marker removed. A process killed between the two leaves the marker, and the next open of the database puts
 * the file back as the backup holds it before H2 reads it, so a large write is whole or not there at all, whatever
 * H2's recovery would make of a large transaction cut short (measured: half-written and locked for good).
 *
 * <p>While the write runs the database is in H2's exclusive mode: other connections wait, so that nothing they would
 * commit meanwhile can be lost to a restore.
 */
final class Journal {
    private static final String MARKER = ".journal";
    private static final String BACKUP = ".journal.zip";
    private final Path base;

    /** The journal of the H2 database whose files start with {@code base} (without {@code .mv.db}). */
    Journal(Path base) {
        this.base = base;
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

    /** Runs {@code callback} in one transaction on {@code handle}, under the journal. */
    <T, X extends Exception> T run(Handle handle, String what, HandleCallback<T, X> callback) throws X {
        handle.execute("set exclusive 1");
        try {
            begin(handle, what);
            T result;
            try {
                result = handle.inTransaction(callback);
            } catch (Throwable e) {
                // Rolled back in this process, which H2 does whole: the backup is not needed.
                try {
                    end();
                } catch (RuntimeException again) {
                    e.addSuppressed(again);
                }
                throw e;
            }
            // The commit on disk before the marker goes: a kill in between puts back the file as it was before.
            handle.execute("checkpoint sync");
            end();
            return result;
        } finally {
            handle.execute("set exclusive 0");
        }
    }

    /** Backs the file up, then writes the marker naming what is written. */
    void begin(Handle handle, String what) {
        Path partial = base.resolveSibling(base.getFileName() + BACKUP + ".partial");
        try {
            Files.deleteIfExists(partial);
            handle.execute("backup to '" + partial.toString().replace("'", "''") + "'");
            force(partial);
            Files.move(partial, backup(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Path markerPartial = base.resolveSibling(base.getFileName() + MARKER + ".partial");
            Files.writeString(markerPartial, "started " + Instant.now() + ": " + what.replaceAll("\\p{Cntrl}", " ")
                    + "\n", StandardCharsets.UTF_8);
            force(markerPartial);
            Files.move(markerPartial, marker(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceFolder();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal beside " + file() + ": " + e.getMessage(), e);
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
                String what = Files.readString(marker, StandardCharsets.UTF_8).strip();
                restore(channel);
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
                if (entry.getName().equals(name) || entry.getName().endsWith("/" + name)) {
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
        throw new IOException("the journal holds no " + name);
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
