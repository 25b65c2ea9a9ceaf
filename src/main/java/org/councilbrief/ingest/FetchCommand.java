package org.councilbrief.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.councilbrief.AppException;
import org.councilbrief.Progress;
import org.councilbrief.audit.ChangeLogRepository;
import org.councilbrief.council.Membership;
import org.councilbrief.council.StateRepository;
import org.councilbrief.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code councilbrief fetch SYMBOL…}: gets documents from the UN's Official Document System by symbol and imports each
 * as {@code import} would, one request at a time. Every symbol is checked before the first request; a document that
 * does not exist is said and the others go on; the command fails if any was not imported: exit 2, or 1 when
 * the document system could not be reached.
 */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Gets documents from the UN's Official Document System by symbol and imports them: meeting"
                + " records (S/PV.…), resolutions (S/RES/…), UPR Working Group reports (A/HRC/…/…) and press"
                + " summaries (SC/…). A document fetched once is kept and not asked for again.")
public final class FetchCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SYMBOL", arity = "1..*", description = "Document symbols, e.g. S/PV.9365"
            + " \"S/RES/2690 (2023)\" A/HRC/54/9 SC/15341.")
    List<String> symbols;

    @Option(names = "--language", defaultValue = "en", description = "en or fr (default: ${DEFAULT-VALUE}).")
    String language;

    @Option(names = "--situation", description = "The situation the documents belong to (its id, e.g. mali).")
    String situation;

    @Option(names = "--documents-url", paramLabel = "TEMPLATE", description = "The address of a document, with"
            + " {symbol} and {language} placeholders (default: the environment's " + FetchSettings.TEMPLATE_VARIABLE
            + ", else " + FetchSettings.DEFAULT_TEMPLATE + ").")
    String template;

    @Option(names = "--documents-cache", paramLabel = "DIR", description = "The folder fetched documents are kept"
            + " in (default: the environment's " + FetchSettings.CACHE_VARIABLE + ", else ./data/documents).")
    Path cache;

    @Option(names = "--refresh", description = "Fetch the documents again even when a copy is kept.")
    boolean refresh;

    @Option(names = "--db", description = "JDBC URL of the database (default: H2 under ./data).")
    String db;

    @Override
    public Integer call() throws AppException {
        String lang = FetchSettings.language(language);
        FetchSettings settings = FetchSettings.of(template, cache, System.getenv());
        List<Fetches.Wanted> wanted = Fetches.wanted(symbols);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> failed = new ArrayList<>();
        boolean unreachable = false;
        try (Database database = Database.openOrDefault(db);
                Progress progress = wanted.size() > 1 ? Progress.start("Fetching documents", wanted.size(), err)
                        : Progress.none()) {
            new StateRepository(database.jdbi()).syncShipped(Membership.shipped());
            Fetches fetches = new Fetches(new DocumentFetcher(settings), new Imports(database));
            for (int i = 0; i < wanted.size(); i++) {
                Fetches.Wanted w = wanted.get(i);
                try {
                    Fetches.Done done = fetches.fetchAndImport(w, lang, refresh, situation,
                            ChangeLogRepository.commandLineUser());
                    progress.clear();
                    print(out, err, done, progress);
                } catch (AppException e) {
                    failed.add(w.symbol().canonical());
                    progress.message(err, "councilbrief: " + w.symbol() + ": " + e.getMessage());
                    if (e instanceof DocumentFetcher.UnreachableException) {
                        unreachable = true;
                        // the system is not answering: the next symbols would wait as long for the same answer
                        wanted.subList(i + 1, wanted.size()).forEach(rest -> failed.add(rest.symbol().canonical()));
                        if (i + 1 < wanted.size()) {
                            progress.message(err, "councilbrief: not tried: " + String.join(", ",
                                    wanted.subList(i + 1, wanted.size()).stream().map(x -> x.symbol().canonical())
                                            .toList()));
                        }
                        break;
                    }
                }
                progress.advance(1);
            }
        }
        if (!failed.isEmpty()) {
            String message = (wanted.size() - failed.size()) + " of " + wanted.size() + " documents imported;"
                    + " not imported: " + String.join(", ", failed);
            if (unreachable) {
                // Not the input's fault but the document system's: exit 1, as for any failure that is not bad input.
                err.println("councilbrief: " + message);
                err.flush();
                return 1;
            }
            throw new AppException(message);
        }
        return 0;
    }

    private static void print(PrintWriter out, PrintWriter err, Fetches.Done done, Progress progress) {
        DocumentFetcher.Fetched f = done.fetched();
        ImportResult result = done.result();
        ObjectNode node = JSON.createObjectNode();
        node.put("symbol", f.symbol().canonical());
        node.put("language", f.language());
        node.put("url", f.url().toString());
        node.put("cached", f.cached());
        node.put("file", f.file().toString());
        node.put("kind", result.kind());
        node.put("target", result.target());
        node.put("unchanged", result.unchanged());
        ObjectNode counts = node.putObject("counts");
        result.counts().forEach(counts::put);
        out.println(node);
        out.flush();
        for (String warning : result.warnings()) {
            progress.message(err, "councilbrief: " + f.symbol() + ": " + warning);
        }
        progress.message(err, "councilbrief: " + f.symbol() + (f.cached() ? " (kept copy)" : " (fetched)")
                + (result.unchanged() ? " was imported before; nothing changed" : " imported as " + result.target()));
        err.flush();
    }
}
