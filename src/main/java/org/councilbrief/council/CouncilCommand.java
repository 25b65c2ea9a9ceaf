package org.councilbrief.council;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.councilbrief.AppException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code councilbrief council …}: the Council's composition. */
@Command(name = "council", description = "The Security Council's composition.", mixinStandardHelpOptions = true,
        subcommands = CouncilCommand.MembersCommand.class)
public final class CouncilCommand {

    @Command(name = "members", mixinStandardHelpOptions = true,
            description = "Prints the Council's members on a date, one JSON object per line.")
    static final class MembersCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--date", required = true, description = "The date, as YYYY-MM-DD.")
        LocalDate date;

        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public Integer call() throws AppException {
            Composition composition;
            try {
                composition = Membership.shipped().on(date);
            } catch (IllegalArgumentException e) {
                throw new AppException(e.getMessage(), e);
            }
            PrintWriter out = spec.commandLine().getOut();
            for (CouncilMember member : composition.members()) {
                ObjectNode node = JSON.createObjectNode();
                node.put("code", member.state().code());
                node.put("name", member.state().name());
                node.put("shortName", member.state().shortName());
                node.put("seat", member.seat().id());
                ArrayNode groupings = node.putArray("groupings");
                member.groupings().forEach(groupings::add);
                out.println(node);
            }
            out.flush();
            return 0;
        }
    }
}
