package org.councilbrief.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.councilbrief.AppException;
import org.councilbrief.Progress;
import org.councilbrief.council.Membership;
import org.councilbrief.council.StateRepository;
import org.councilbrief.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code councilbrief import FILE… --kind …}: stores UN documents of one kind in the database, each in one transaction,
 * one JSON line per file on stdout; the progress (files done, or a CSV's rows) on stderr when it is a terminal.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports UN documents (text or PDF) or UPR Info / UHRI exports of one kind into the database. A"
                + " file that cannot be read as its kind is rejected with file, line and reason, nothing of it is"
                + " written and the files after it are not imported; importing the same file twice changes nothing.")
public final class ImportCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The files to import, in this order.")
    List<Path> files;

    @Option(names = "--kind", required = true,
            description = "upr-report, meeting-record, press-release, resolution or upr-csv.")
    String kind;

    @Option(names = "--situation", description = "The situation the document belongs to (its id, e.g. mali).")
    String situation;

    @Option(names = "--symbol", description = "The document's symbol, where neither the file's header nor its name gives"
            + " it; one that differs from theirs is refused.")
    String symbol;

    @Option(names = "--date", description = "A meeting record's date (YYYY-MM-DD), where it does not print it.")
    LocalDate date;

    @Option(names = "--responses", paramLabel = "FILE", description = "For a UPR report: its addendum or OHCHR's"
            + " thematic list, for the supported / noted answers.")
    Path responses;

    @Option(names = "--db", description = "JDBC URL of the database (default: H2 under ./data).")
    String db;

    @Override
    public Integer call() throws AppException {
        if (files.size() > 1 && (symbol != null || date != null || responses != null)) {
            throw new AppException("--symbol, --date and --responses describe one document: import it on its own");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImportOptions options = new ImportOptions(situation, symbol, date, responses);
        try (Database database = Database.openOrDefault(db);
                Progress progress = files.size() == 1 ? Progress.start("Importing", -1, err)
                        : Progress.start("Importing files", files.size(), err)) {
            new StateRepository(database.jdbi()).syncShipped(Membership.shipped());
            Imports imports = new Imports(database);
            for (Path file : files) {
                // One file: its rows and items counted; several: the files.
                ImportResult result = imports.importFile(file, kind, options,
                        files.size() == 1 ? progress : Progress.none());
                if (files.size() == 1) {
                    progress.close(); // its last line stays, with the time it took
                } else {
                    progress.clear();
                }
                out.println(line(result));
                out.flush();
                for (String warning : result.warnings()) {
                    progress.message(err, "councilbrief: " + result.file() + ": " + warning);
                }
                progress.message(err, result.unchanged() ? "councilbrief: " + result.file()
                        + " was imported before; nothing changed"
                        : "councilbrief: imported " + result.file() + " as " + result.target());
                if (files.size() > 1) {
                    progress.advance(1);
                }
            }
        }
        err.flush();
        return 0;
    }

    private static String line(ImportResult result) {
        ObjectNode node = JSON.createObjectNode();
        node.put("file", result.file());
        node.put("kind", result.kind());
        node.put("target", result.target());
        node.put("unchanged", result.unchanged());
        ObjectNode counts = node.putObject("counts");
        result.counts().forEach(counts::put);
        return node.toString();
    }
}
