package org.councilbrief.upr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.councilbrief.AppException;
import org.councilbrief.document.SourceTexts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code councilbrief upr …}: Universal Periodic Review documents. */
@Command(name = "upr", description = "Universal Periodic Review documents.", mixinStandardHelpOptions = true,
        subcommands = UprCommand.ExtractCommand.class)
public final class UprCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Command(name = "extract", mixinStandardHelpOptions = true,
            description = "Prints the recommendations of a UPR Working Group report (text or PDF), one JSON object"
                    + " per line.")
    static final class ExtractCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The Working Group report, as text or PDF.")
        Path file;

        @Option(names = "--responses", paramLabel = "FILE",
                description = "The report's addendum or OHCHR's thematic list, for the supported / noted answers.")
        Path responses;

        @Override
        public Integer call() throws AppException {
            UprReport report = new UprReportParser().parse(SourceTexts.read(file));
            Map<String, String> answers = responses == null ? Map.of() : UprResponses.read(SourceTexts.read(responses));
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            for (ExtractedRecommendation r : report.recommendations()) {
                out.println(toJson(r, answers.getOrDefault(r.paragraph(), r.response())));
            }
            for (String warning : report.warnings()) {
                err.println("councilbrief: " + file + ": " + warning);
            }
            if (responses != null) {
                long unanswered = report.recommendations().stream()
                        .filter(r -> !answers.containsKey(r.paragraph())).count();
                if (unanswered > 0) {
                    err.println("councilbrief: " + responses + ": no response for " + unanswered
                            + " of the report's recommendations");
                }
            }
            out.flush();
            err.flush();
            return 0;
        }
    }

    static ObjectNode toJson(ExtractedRecommendation r, String response) {
        ObjectNode node = JSON.createObjectNode();
        node.put("paragraph", r.paragraph());
        node.put("text", r.text());
        putAll(node.putArray("recommendingStates"), r.recommendingStates());
        putAll(node.putArray("recommendingStateCodes"), r.recommendingStateCodes());
        node.put("response", response);
        node.put("line", r.line());
        return node;
    }

    private static void putAll(com.fasterxml.jackson.databind.node.ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
