package org.councilbrief.document;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.councilbrief.AppException;
import org.councilbrief.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code councilbrief resolution …}: Security Council resolutions by paragraph. */
@Command(name = "resolution", description = "Security Council resolutions by paragraph.",
        mixinStandardHelpOptions = true,
        subcommands = {ResolutionCommand.ParagraphsCommand.class, ResolutionCommand.CiteCommand.class})
public final class ResolutionCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Command(name = "paragraphs", mixinStandardHelpOptions = true,
            description = "Prints the paragraphs of a resolution (text or PDF), one JSON object per line.")
    static final class ParagraphsCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The resolution, as text or PDF.")
        Path file;

        @Override
        public Integer call() throws AppException {
            Resolution resolution = ResolutionParser.parse(SourceTexts.read(file), null);
            PrintWriter out = spec.commandLine().getOut();
            for (ResolutionParagraph p : resolution.paragraphs()) {
                ObjectNode node = JSON.createObjectNode();
                node.put("symbol", resolution.symbol());
                node.put("paragraph", p.label());
                node.put("text", p.text());
                out.println(node);
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "cite", mixinStandardHelpOptions = true,
            description = "Prints the text of a cited paragraph, e.g. \"S/RES/2374 (2017), OP8\", from the database.")
    static final class CiteCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "CITATION", description = "A resolution and paragraph, e.g. \"S/RES/2374 (2017), OP8\".")
        String citation;

        @Option(names = "--db", description = "JDBC URL of the database (default: H2 under ./data).")
        String db;

        @Override
        public Integer call() throws AppException {
            String text;
            try (Database database = Database.openOrDefault(db)) {
                text = new ResolutionRepository(database.jdbi()).cite(citation);
            }
            PrintWriter out = spec.commandLine().getOut();
            ObjectNode node = JSON.createObjectNode();
            node.put("citation", citation);
            node.put("text", text);
            out.println(node);
            out.flush();
            return 0;
        }
    }
}
