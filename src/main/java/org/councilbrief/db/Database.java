package org.councilbrief.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The database: a connection pool, migrated by Flyway, used through Jdbi. H2 embedded by default (a file under
 * {@code ./data}), PostgreSQL when a {@code jdbc:postgresql:} URL is given.
 */
public final class Database implements AutoCloseable {
    public static final String DEFAULT_URL = "jdbc:h2:file:" + Path.of("data", "councilbrief").toAbsolutePath()
            + ";AUTO_SERVER=FALSE";

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Path folder;
    private final Journal journal;
    /** Why the database takes no more work (a journaled write not finished cleanly), or null. */
    private volatile String unfinished;
    /** Embedded files this process has open, with how many times: a second open does not look at their journal. */
    private static final java.util.Map<Path, Integer> OPEN = new java.util.concurrent.ConcurrentHashMap<>();
    private final String url;

    /** How long a request waits for a connection before the database is taken for gone (a 503, not a hang). */
    static final long CONNECTION_TIMEOUT_MS = 5_000;

    private Database(HikariDataSource dataSource, String url, Path base) {
        this.dataSource = dataSource;
        this.folder = base == null ? null : base.getParent();
        this.journal = base == null ? null : new Journal(base);
        this.url = url;
        // A connection that cannot be had (the server stopped, the network down, the pool exhausted for the whole
        // timeout) is reported as the database being unavailable, which the server answers with a 503 and the command
        // line with its message; the pool opens new connections by itself once the server is back.
        this.jdbi = Jdbi.create(() -> {
            if (unfinished != null) {
                throw new DatabaseUnavailableException("the database takes no more work until councilbrief is"
                        + " restarted: " + unfinished, null);
            }
            try {
                return dataSource.getConnection();
            } catch (java.sql.SQLException e) {
                throw unavailable(url, e);
            }
        });
    }

    /** Opens the database at {@code url} (user and password may be given in the URL) and migrates it. */
    public static Database open(String url) {
        return open(url, null);
    }

    /** Opens the database at {@code url}, migrated as far as {@code target} (all the way when null). */
    static Database open(String url, org.flywaydb.core.api.MigrationVersion target) {
        Path base = embeddedBase(url);
        if (base != null && !OPEN.containsKey(base)) {
            // A large write cut short (a kill, a power cut) is undone before H2 reads the file (decision 0051). Not
            // when this process has the file open already: its journal is that of a write running now, and a channel
            // opened and closed on the file here would release H2's lock on it.
            try {
                new Journal(base).recover().ifPresent(what -> System.err.println("councilbrief: a write into the"
                        + " database was cut short (" + what + "); the database is as it was before it"));
            } catch (org.councilbrief.AppException e) {
                throw new DatabaseUnavailableException(e.getMessage(), e);
            }
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(8);
        if (url.startsWith("jdbc:postgresql:")) {
            // One connection kept open when idle, more only while requests need them: a PostgreSQL server shared by
            // several instances (100 connections by default) is not filled by idle pools (20 instances at 8 each
            // did). Embedded H2 keeps its full pool, whose staggered connections keep the file open between uses.
            config.setMinimumIdle(1);
        }
        config.setPoolName("councilbrief");
        // A connection that reports itself lost (H2's "database is already closed" after a shutdown, which the pool
        // would otherwise hand out again until it next checks it) is dropped at once, so the next request gets a new one.
        config.setExceptionOverride(new com.zaxxer.hikari.SQLExceptionOverride() {
            @java.lang.Override
            public Override adjudicate(java.sql.SQLException e) {
                return e instanceof java.sql.SQLNonTransientConnectionException ? Override.MUST_EVICT
                        : Override.CONTINUE_EVICT;
            }
        });
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        if (url.startsWith("jdbc:h2:")) {
            config.setUsername("sa");
            config.setPassword("");
        }
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw unavailable(url, e);
        }
        try {
            if (target != null || !Migrations.upToDate(dataSource)) {
                var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:" + Migrations.FOLDER);
                if (target != null) {
                    flyway.target(target);
                }
                flyway.load().migrate();
            }
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        if (base != null) {
            OPEN.merge(base, 1, Integer::sum);
        }
        return new Database(dataSource, url, base);
    }

    private static DatabaseUnavailableException unavailable(String url, Exception e) {
        String shown = url.replaceAll("(?i)(password=)[^&;]*", "$1…");
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = String.valueOf(root.getMessage());
        if (url.startsWith("jdbc:h2:file:") && (reason.contains("already in use") || reason.contains("locked"))) {
            return new DatabaseUnavailableException("the database " + shown.substring("jdbc:h2:file:".length())
                    + " is in use by another councilbrief (a running server?): stop it first, or let both use one"
                    + " PostgreSQL database with --db", e);
        }
        return new DatabaseUnavailableException("cannot open the database " + shown + ": " + reason, e);
    }

    /** Opens the database at {@code url}, or the default H2 file under {@code ./data} when it is null. */
    public static Database openOrDefault(String url) {
        return open(url != null ? url : DEFAULT_URL);
    }

    /** A fresh in-memory H2 database, for the demo and tests. */
    public static Database inMemory(String name) {
        return open("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    }

    /**
     * An embedded H2 database's files without their suffix ({@code data/councilbrief} for {@code
     * data/councilbrief.mv.db}); null for PostgreSQL, in-memory and client-server H2 databases.
     */
    private static Path embeddedBase(String url) {
        if (!url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:mem:") || url.startsWith("jdbc:h2:tcp:")
                || url.startsWith("jdbc:h2:ssl:") || url.startsWith("jdbc:h2:zip:")) {
            return null;
        }
        String path = url.substring(url.startsWith("jdbc:h2:file:") ? "jdbc:h2:file:".length() : "jdbc:h2:".length());
        int options = path.indexOf(';');
        path = options < 0 ? path : path.substring(0, options);
        if (path.matches("[A-Za-z][A-Za-z0-9]+:.*")) {
            // One of H2's other file systems (nio:, split:, async:, memFS: …): not a plain file this class can find.
            return null;
        }
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Path.of(path).toAbsolutePath().normalize();
    }

    /**
     * Runs {@code callback} in one transaction. On an embedded H2 file it runs under a journal (decision 0051): H2's
     * backup of the file is taken first and put back at the next open if the process dies before the outcome is on
     * disk; other connections wait meanwhile, and the database is shut down and its file rewritten at the end (their
     * waiting statements then refused); for writes of tens of thousands of rows, which H2 may leave half-written and
     * locked when killed. On PostgreSQL and in memory it is a plain transaction.
     */
    public <T, X extends Exception> T inJournaledTransaction(String what, org.jdbi.v3.core.HandleCallback<T, X> callback)
            throws X {
        if (journal == null) {
            return jdbi.inTransaction(callback);
        }
        // Not closed as a Jdbi handle: the journal shuts the database down, and Jdbi would fail to close its connection.
        org.jdbi.v3.core.Handle handle = jdbi.open();
        java.util.concurrent.atomic.AtomicBoolean shut = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            return journal.run(handle, what, callback, shut);
        } catch (Journal.Unfinished e) {
            // Nothing more is written into a file whose journal is not closed: the next open puts it right. H2 closes
            // every session first, without writing, so that no statement that waited commits meanwhile.
            unfinished = e.getMessage();
            try (java.sql.Statement statement = handle.getConnection().createStatement()) {
                statement.execute("shutdown immediately");
            } catch (java.sql.SQLException | RuntimeException closedAlready) {
                // the database is closed already
            }
            dataSource.close();
            throw new DatabaseUnavailableException("a large write into the database was not finished cleanly: "
                    + e.getMessage() + ". Restart councilbrief", e);
        } finally {
            if (!shut.get() && !dataSource.isClosed()) {
                handle.close(); // the write did not start: the connection is as it was
            } else if (!dataSource.isClosed()) {
                // The journal shut the database down: the pool's connections are closed, and are replaced quietly
                // (closing this one through the pool would have it warn of a broken connection on the command line).
                dataSource.evictConnection(handle.getConnection());
                dataSource.getHikariPoolMXBean().softEvictConnections();
            }
        }
    }

    /** The bytes a journaled write needs on disk: twice the embedded file's size (its backup, its rewrite); or 0. */
    public long journalSpace() {
        if (journal == null) {
            return 0;
        }
        try {
            return 2 * java.nio.file.Files.size(journal.file()); // the backup, and the file rewritten at the end
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /**
     * Refuses, before anything is written, a write that may need more disk than the embedded database's file system
     * has free (decision 0030): H2 does not come back from a disk that fills during a transaction (it spins in its
     * rollback). PostgreSQL reports a full disk itself and rolls the transaction back, so it is not asked.
     */
    public void requireFreeSpace(long bytes, String what) throws org.councilbrief.AppException {
        if (folder == null) {
            return;
        }
        long free;
        try {
            free = java.nio.file.Files.getFileStore(folder).getUsableSpace();
        } catch (java.io.IOException e) {
            return;
        }
        if (free < bytes) {
            throw new org.councilbrief.AppException("not enough free disk space for the database in " + folder + ": "
                    + (free >> 20) + " MB free, " + what + " needs about " + ((bytes + (1 << 20) - 1) >> 20)
                    + " MB; nothing was written. Free some space, or move the database, and try again");
        }
    }

    HikariDataSource dataSource() {
        return dataSource;
    }

    /** The JDBC address the database was opened with. */
    public String url() {
        return url;
    }

    /** The folder of an embedded database's file; empty for PostgreSQL and in-memory databases. */
    public java.util.Optional<Path> folder() {
        return java.util.Optional.ofNullable(folder);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public void close() {
        dataSource.close();
        if (journal != null) {
            OPEN.computeIfPresent(journal.base(), (k, n) -> n == 1 ? null : n - 1);
        }
    }
}
