package org.councilbrief.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.councilbrief.AppException;
import org.councilbrief.council.States;
import org.councilbrief.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code councilbrief member …}: one Council member across Geneva and New York. */
@Command(name = "member", description = "One member across Geneva (UPR) and New York (the Council).",
        mixinStandardHelpOptions = true, subcommands = MemberCommand.CompareCommand.class)
public final class MemberCommand {
    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "A member's UPR recommendations to a situation's state beside its positions at the"
                    + " Council's meetings on the situation, theme by theme, one JSON object per theme.")
    static final class CompareCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--member", required = true, description = "The member's ISO code or name, e.g. FRA.")
        String member;

        @Option(names = "--situation", required = true, description = "The situation's id, e.g. mali.")
        String situation;

        @Option(names = "--db", description = "JDBC URL of the database (default: H2 under ./data).")
        String db;

        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public Integer call() throws AppException {
            String code = States.shipped().byName(member).map(s -> s.code()) // a code is among its names
                    .orElseThrow(() -> new AppException("'" + member + "' is not a state"));
            List<GenevaNewYork.Row> rows;
            try (Database database = Database.openOrDefault(db)) {
                rows = new GenevaNewYork(database).compare(code, situation);
            }
            PrintWriter out = spec.commandLine().getOut();
            for (GenevaNewYork.Row row : rows) {
                var node = JSON.valueToTree(row);
                ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("member", code);
                ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("situation", situation);
                out.println(node);
            }
            if (rows.isEmpty()) {
                spec.commandLine().getErr().println("councilbrief: nothing from " + code + " on " + situation
                        + " in the database: import the UPR review and the meeting records first");
            }
            out.flush();
            spec.commandLine().getErr().flush();
            return 0;
        }
    }
}
