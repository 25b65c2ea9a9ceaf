package org.councilbrief.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.councilbrief.AppException;
import org.councilbrief.council.Membership;
import org.councilbrief.council.StateRepository;
import org.councilbrief.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code councilbrief import FILE --kind …}: stores a UN document in the database, in one transaction. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports a UN document (text or PDF) or a UPR Info / UHRI export into the database. A file that"
                + " cannot be read as its kind is rejected with file, line and reason, and nothing is written;"
                + " importing the same file twice changes nothing.")
public final class ImportCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The file to import.")
    Path file;

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
        ImportResult result;
        try (Database database = Database.openOrDefault(db)) {
            new StateRepository(database.jdbi()).syncShipped(Membership.shipped());
            result = new Imports(database).importFile(file, kind,
                    new ImportOptions(situation, symbol, date, responses));
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ObjectNode node = JSON.createObjectNode();
        node.put("file", result.file());
        node.put("kind", result.kind());
        node.put("target", result.target());
        node.put("unchanged", result.unchanged());
        ObjectNode counts = node.putObject("counts");
        result.counts().forEach(counts::put);
        out.println(node);
        for (String warning : result.warnings()) {
            err.println("councilbrief: " + result.file() + ": " + warning);
        }
        err.println(result.unchanged() ? "councilbrief: " + result.file() + " was imported before; nothing changed"
                : "councilbrief: imported " + result.file() + " as " + result.target());
        out.flush();
        err.flush();
        return 0;
    }
}
