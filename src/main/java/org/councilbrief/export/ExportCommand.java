package org.councilbrief.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.councilbrief.AppException;
import org.councilbrief.council.CouncilRepository;
import org.councilbrief.council.Membership;
import org.councilbrief.council.StateRepository;
import org.councilbrief.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code councilbrief export recommendations|positions|statements}: every row that matches, streamed, no cap; JSON
 * Lines on stdout unless {@code --format csv} or {@code --out FILE} say otherwise.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes every UPR recommendation, accepted position or statement that matches the filters, as"
                + " CSV or JSON Lines, however many there are.")
public final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WHAT", description = "recommendations, positions or statements.")
    String what;

    @Option(names = "--format", defaultValue = "jsonl", description = "csv or jsonl (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--situation", description = "A situation's id, e.g. mali: its meetings, or its state's reviews.")
    String situation;

    @Option(names = "--member", description = "A state's ISO code or name, e.g. FRA.")
    String member;

    @Option(names = "--theme", description = "A Council theme id, e.g. accountability.")
    String theme;

    @Option(names = "--year", description = "The year of the meeting or of the review, e.g. 2023.")
    String year;

    @Option(names = "--q", description = "Words the text must all contain, in any case.")
    String q;

    @Option(names = "--out", description = "Write to this file (written whole or not at all) instead of stdout.")
    Path out;

    @Option(names = "--db", description = "JDBC URL of the database (default: H2 under ./data).")
    String db;

    @Override
    public Integer call() throws AppException, IOException {
        Dataset dataset = Dataset.byId(what).orElseThrow(() -> new AppException("'"
                + org.councilbrief.Forms.excerpt(what) + "' cannot be exported: choose one of " + Dataset.ids()));
        Format f = Format.byId(format).orElseThrow(() -> new AppException("'" + org.councilbrief.Forms.excerpt(format)
                + "' is not a format: choose csv or jsonl"));
        ExportFilter.of(q, situation, member, theme, year); // refused before a database is opened or created
        Path target = out == null ? null : out.toAbsolutePath();
        if (target != null && Files.isDirectory(target)) {
            throw new AppException(out + " is a folder: give the file to write");
        }
        if (target != null && !Files.isDirectory(target.getParent())) {
            throw new AppException("the folder of " + out + " does not exist");
        }
        long count;
        try (Database database = Database.openOrDefault(db)) {
            if (dataset == Dataset.POSITIONS) { // who sat on the Council: the shipped terms where none is recorded
                new StateRepository(database.jdbi()).syncShipped(Membership.shipped());
            }
            Exports exports = new Exports(database, new CouncilRepository(database.jdbi())::membership);
            ExportFilter filter = exports.filter(q, situation, member, theme, year);
            if (target == null) {
                PrintWriter stdout = spec.commandLine().getOut();
                count = exports.write(dataset, f, filter, stdout);
                stdout.flush();
            } else {
                // Written beside the file and moved into place when complete: a failure leaves what was there before.
                Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
                try {
                    try (Writer writer = new BufferedWriter(Files.newBufferedWriter(partial, StandardCharsets.UTF_8),
                            1 << 16)) {
                        count = exports.write(dataset, f, filter, writer);
                    }
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(partial);
                }
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("councilbrief: exported " + org.councilbrief.Forms.number(count) + " " + (count == 1
                ? dataset.id().substring(0, dataset.id().length() - 1) : dataset.id())
                + (target == null ? "" : " to " + out));
        err.flush();
        return 0;
    }
}
