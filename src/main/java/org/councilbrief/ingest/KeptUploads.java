package org.councilbrief.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.councilbrief.AppException;

/**
 * Files uploaded on the import page and kept on the server between its steps (preview, a refused form, confirm), so
 * that an editor who corrects a field does not choose the file again. Each is a file in a folder of the application
 * under the system's temporary folder, named by a random token and bound to the editor's session; it is removed when
 * imported or cancelled, and at the latest {@link #LIFE} after its last use (a sweeper looks every minute, and a new
 * folder sweeps what a stopped server left behind). At most {@link #CAPACITY} files of at most the page's limit wait at
 * once, and at most {@link #PER_SESSION} of one editor's (so that one editor cannot take every place); another is
 * refused until one goes. Only the file's name, size and the form's few short fields are held in memory: the bytes are
 * read back from the disk at each step, and what a preview parsed is not kept.
 */
final class KeptUploads implements AutoCloseable {
    static final Duration LIFE = Duration.ofMinutes(15);
    static final int CAPACITY = 20;
    static final int PER_SESSION = 5;
    static final String PREFIX = "councilbrief-import-";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One kept upload: what the editor chose and typed, until when it waits. */
    record Kept(String token, String session, String name, long size, ImportForm form, Instant until) {
    }

    private final Path parent;
    private final int capacity;
    private final long maxBytes;
    private final Duration life;
    private final Clock clock;
    private final Map<String, Kept> kept = new LinkedHashMap<>();
    private Path folder;
    private ScheduledExecutorService sweeper;
    private boolean closed;

    KeptUploads(Path parent, int capacity, long maxBytes, Duration life, Clock clock) {
        this.parent = parent;
        this.capacity = capacity;
        this.maxBytes = maxBytes;
        this.life = life;
        this.clock = clock;
    }

    /** Kept under the system's temporary folder, with the import page's limits. */
    static KeptUploads inTemporaryFolder(long maxBytes) {
        return new KeptUploads(Path.of(System.getProperty("java.io.tmpdir")), CAPACITY, maxBytes, LIFE,
                Clock.systemUTC());
    }

    /** Keeps a new upload; refused when it is too large or when {@code capacity} uploads already wait. */
    synchronized Kept keep(String session, String name, byte[] bytes, ImportForm form) throws AppException {
        return keep(session, name, bytes, form, null);
    }

    /**
     * Keeps a new upload in place of the session's upload {@code replacing} (or null), which goes once the new one is
     * kept; refused when it is too large, when {@code capacity} uploads already wait, or {@link #PER_SESSION} of the
     * session's.
     */
    synchronized Kept keep(String session, String name, byte[] bytes, ImportForm form, String replacing)
            throws AppException {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (bytes.length > maxBytes) {
            throw new AppException(name + " is larger than " + (maxBytes >> 20) + " MB");
        }
        sweep();
        Kept replaced = replacing == null ? null : kept.get(replacing);
        if (replaced != null && !replaced.session().equals(session)) {
            replaced = null;
        }
        int others = kept.size() - (replaced == null ? 0 : 1);
        if (others >= capacity) {
            throw new AppException(capacity + " uploads are already waiting to be imported; import or cancel one,"
                    + " or try again in a few minutes");
        }
        long mine = kept.values().stream().filter(k -> k.session().equals(session)).count()
                - (replaced == null ? 0 : 1);
        if (mine >= PER_SESSION) {
            throw new AppException(PER_SESSION + " of your uploads are already waiting to be imported (each page of"
                    + " the import keeps its file); import or cancel one, or try again in " + life.toMinutes()
                    + " minutes");
        }
        String token = HexFormat.of().formatHex(random());
        try {
            Files.write(folder().resolve(token), bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new AppException("the upload could not be kept on the server (" + e.getMessage() + ")", e);
        }
        Kept k = new Kept(token, session, name, bytes.length, form, clock.instant().plus(life));
        kept.put(token, k);
        if (replaced != null) {
            remove(replaced.token());
        }
        startSweeper();
        return k;
    }

    /** The session's upload under this token, if it still waits. */
    synchronized Optional<Kept> find(String session, String token) {
        sweep();
        Kept k = token == null ? null : kept.get(token);
        return k == null || !k.session().equals(session) ? Optional.empty() : Optional.of(k);
    }

    /** The upload with the fields typed last, waiting {@code life} from now. */
    synchronized Kept renew(Kept k, ImportForm form) {
        Kept renewed = new Kept(k.token(), k.session(), k.name(), k.size(), form, clock.instant().plus(life));
        if (kept.replace(k.token(), renewed) != null) {
            try {
                // A sweep of another server's start reads the file's time.
                Files.setLastModifiedTime(folder.resolve(k.token()), FileTime.from(clock.instant()));
            } catch (IOException e) {
                // The file is read, or found gone, at the next step.
            }
        }
        return renewed;
    }

    byte[] read(Kept k) throws AppException {
        Path file;
        synchronized (this) {
            if (folder == null || !kept.containsKey(k.token())) {
                throw gone(k);
            }
            file = folder.resolve(k.token());
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            remove(k.token());
            throw gone(k);
        } catch (IOException e) {
            throw new AppException(k.name() + " could not be read back on the server (" + e.getMessage() + ")", e);
        }
    }

    private static AppException gone(Kept k) {
        return new AppException(k.name() + " is no longer kept on the server; choose the file again");
    }

    synchronized void remove(String token) {
        if (kept.remove(token) != null) {
            delete(folder.resolve(token));
        }
    }

    synchronized int size() {
        return kept.size();
    }

    /** The files on disk now, for tests and the sweeper: the kept ones only, once a sweep has run. */
    synchronized List<Path> files() {
        List<Path> files = new ArrayList<>();
        if (folder != null && Files.isDirectory(folder)) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(folder)) {
                s.forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** Removes the uploads whose time is up, and any file of the folder that no upload names. */
    synchronized void sweep() {
        Instant now = clock.instant();
        kept.values().removeIf(k -> {
            if (k.until().isAfter(now)) {
                return false;
            }
            delete(folder.resolve(k.token()));
            return true;
        });
        for (Path file : files()) {
            if (!kept.containsKey(file.getFileName().toString())) {
                delete(file);
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        kept.clear();
        if (folder != null) {
            files().forEach(KeptUploads::delete);
            delete(folder);
        }
    }

    private Path folder() throws IOException {
        if (folder == null) {
            sweepStale();
            folder = Files.createTempDirectory(parent, PREFIX);
        } else if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder); // another server's start took it for a stopped server's
            if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            }
        }
        return folder;
    }

    /** Folders that stopped servers left: their files older than {@code life}, then the folders left empty. */
    private void sweepStale() {
        Instant before = clock.instant().minus(life);
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(parent, PREFIX + "*")) {
            for (Path stale : folders) {
                if (!Files.isDirectory(stale) || !Files.isWritable(stale)) {
                    continue;
                }
                // A folder untouched for that long had no file written or removed since: its server is gone or idle.
                boolean untouched = Files.getLastModifiedTime(stale).toInstant().isBefore(before);
                boolean empty = true;
                try (DirectoryStream<Path> s = Files.newDirectoryStream(stale)) {
                    for (Path file : s) {
                        if (Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                            delete(file);
                        } else {
                            empty = false;
                        }
                    }
                }
                if (untouched && empty) {
                    delete(stale);
                }
            }
        } catch (IOException e) {
            // Another server's folder may go while it is read; what is left is swept at the next start.
        }
    }

    private void startSweeper() {
        if (sweeper == null) {
            sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "import-upload-sweeper");
                t.setDaemon(true);
                return t;
            });
            sweeper.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.MINUTES);
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // A folder that is not empty (a file written meanwhile) stays until the next sweep.
        }
    }

    private static byte[] random() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return b;
    }
}
