package org.councilbrief.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.councilbrief.AppException;
import org.councilbrief.db.Backups;
import org.councilbrief.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code councilbrief restore FILE}: a backup into a new, empty database (decision 0031). */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restores a file written by 'backup' into a new, empty database (H2 or PostgreSQL), all of it"
                + " or nothing, and brings it to this version's schema. A database that holds data is refused.")
final class RestoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The backup file (.zip).")
    Path file;

    @Option(names = "--db", description = "JDBC URL of the database to restore into (default: H2 under ./data).")
    String db;

    @Override
    public Integer call() throws AppException {
        if (!Files.isRegularFile(file)) {
            throw new AppException(file + ": no such backup file");
        }
        Backups.Summary summary = Backups.restore(db != null ? db : Database.DEFAULT_URL, file);
        PrintWriter err = spec.commandLine().getErr();
        err.printf("councilbrief: restored %d rows of %d tables (schema version %s) from %s%n", summary.total(),
                summary.rows().size(), summary.schemaVersion(), file);
        err.flush();
        return 0;
    }
}
