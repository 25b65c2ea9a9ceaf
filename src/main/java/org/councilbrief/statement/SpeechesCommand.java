package org.councilbrief.statement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.councilbrief.AppException;
import org.councilbrief.document.SourceText;
import org.councilbrief.document.SourceTexts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code councilbrief speeches …}: Security Council meeting records. */
@Command(name = "speeches", description = "Security Council meeting records.", mixinStandardHelpOptions = true,
        subcommands = SpeechesCommand.SplitCommand.class)
public final class SpeechesCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Command(name = "split", mixinStandardHelpOptions = true,
            description = "Prints the speeches of a meeting record (text or PDF), one JSON object per line.")
    static final class SplitCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The meeting record (S/PV.…), as text or PDF.")
        Path file;

        @Option(names = "--date", description = "The meeting's date (YYYY-MM-DD), to resolve groupings such as the"
                + " A3; by default read from the record.")
        LocalDate date;

        @Override
        public Integer call() throws AppException {
            SourceText source = SourceTexts.read(file);
            LocalDate day = date != null ? date : SpeechSplitter.dateOf(source).orElse(null);
            PrintWriter out = spec.commandLine().getOut();
            for (Speech speech : new SpeechSplitter().split(source, day)) {
                out.println(toJson(speech));
            }
            out.flush();
            return 0;
        }
    }

    static ObjectNode toJson(Speech s) {
        ObjectNode node = JSON.createObjectNode();
        node.put("index", s.index());
        node.put("speaker", s.speaker());
        node.put("country", s.country());
        node.put("countryCode", s.countryCode());
        node.put("language", s.language());
        if (!s.onBehalfOf().isEmpty()) {
            List<String> codes = s.onBehalfOf();
            codes.forEach(node.putArray("onBehalfOf")::add);
        }
        node.put("label", s.label());
        node.put("line", s.line());
        node.put("text", s.text());
        return node;
    }
}
