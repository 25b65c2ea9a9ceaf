package org.councilbrief.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.councilbrief.AppException;
import org.councilbrief.db.Backups;
import org.councilbrief.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code councilbrief backup --out FILE}: the whole database as one file (decision 0031). */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Writes the whole database (every brief, version, import, position, account and log entry) to"
                + " one zip file, as one moment of the data, while a server may keep serving. Restore it with"
                + " 'restore', on H2 or PostgreSQL.")
final class BackupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The backup file to write (.zip).")
    Path out;

    @Option(names = "--db", description = "JDBC URL of the database (default: H2 under ./data).")
    String db;

    @Override
    public Integer call() throws AppException {
        Backups.Summary summary;
        try (Database database = Database.openOrDefault(db)) {
            summary = Backups.backup(database, out);
        }
        PrintWriter err = spec.commandLine().getErr();
        err.printf("councilbrief: backed up %d rows of %d tables (schema version %s) to %s%n", summary.total(),
                summary.rows().size(), summary.schemaVersion(), out);
        err.flush();
        return 0;
    }
}
