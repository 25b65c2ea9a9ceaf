package org.councilbrief.council;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.councilbrief.AppException;
import org.councilbrief.audit.ChangeLogRepository;
import org.councilbrief.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code councilbrief council …}: the Council's composition as the database records it, and the recording of new
 * years: {@code council members}, {@code council term add / remove / list}, {@code council import FILE} and
 * {@code council grouping add} (docs/operations.md, "Recording a new year's Council").
 */
@Command(name = "council", description = "The Security Council's composition, and the recording of new years.",
        mixinStandardHelpOptions = true, subcommands = {CouncilCommand.MembersCommand.class,
            CouncilCommand.TermCommand.class, CouncilCommand.ImportCommand.class, CouncilCommand.GroupingCommand.class})
public final class CouncilCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CouncilCommand() {
    }

    /** The database, its shipped data written in where nothing is recorded. */
    static Database open(String db) {
        Database database = Database.openOrDefault(db);
        try {
            new StateRepository(database.jdbi()).syncShipped(Membership.shipped());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    static String state(String given) throws AppException {
        States states = States.shipped();
        return states.byCode(given.strip().toUpperCase(Locale.ROOT)).or(() -> states.byName(given))
                .map(State::code).orElseThrow(() -> new AppException("unknown state '" + given.strip()
                        + "': give its code (LVA) or its name (Latvia)"));
    }

    static void tellGap(PrintWriter err, Composition composition) {
        composition.gap().ifPresent(gap -> err.println("councilbrief: " + gap));
    }

    @Command(name = "members", mixinStandardHelpOptions = true,
            description = "Prints the Council's members on a date, one JSON object per line.")
    static final class MembersCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--date", required = true, description = "The date, as YYYY-MM-DD.")
        LocalDate date;

        @Option(names = "--db", description = "JDBC URL of the database (default: H2 under ./data).")
        String db;

        @Override
        public Integer call() throws AppException {
            Composition composition;
            try (Database database = open(db)) {
                composition = new CouncilRepository(database.jdbi()).membership().on(date);
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
            PrintWriter err = spec.commandLine().getErr();
            tellGap(err, composition);
            err.flush();
            return 0;
        }
    }

    @Command(name = "term", mixinStandardHelpOptions = true, description = "Records, removes and lists terms.",
            subcommands = {TermAddCommand.class, TermRemoveCommand.class, TermListCommand.class})
    static final class TermCommand {
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Records a state's term on the Council (an elected member's two years, as a rule).")
    static final class TermAddCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "STATE", description = "The state: its code (LVA) or its name (Latvia).")
        String state;

        @Option(names = "--from", required = true, paramLabel = "YEAR|DATE",
                description = "The term's first year (from 1 January) or first day (YYYY-MM-DD).")
        String from;

        @Option(names = "--to", paramLabel = "YEAR|DATE",
                description = "The term's last year (to 31 December) or last day; none for a permanent seat.")
        String to;

        @Option(names = "--seat", defaultValue = "elected", description = "elected (default) or permanent.")
        String seat;

        @Option(names = "--db", description = "JDBC URL of the database (default: H2 under ./data).")
        String db;

        @Override
        public Integer call() throws AppException {
            String code = state(state);
            Seat kind = switch (seat.strip().toLowerCase(Locale.ROOT)) {
                case "elected" -> Seat.ELECTED;
                case "permanent" -> Seat.PERMANENT;
                default -> throw new AppException("the seat is elected or permanent, not '" + seat + "'");
            };
            if (to == null && kind == Seat.ELECTED) {
                throw new AppException("an elected term needs its last year or day (--to)");
            }
            LocalDate first = CouncilList.day(from, true, "--from: ");
            LocalDate last = to == null ? null : CouncilList.day(to, false, "--to: ");
            if (last != null && last.isBefore(first)) {
                throw new AppException("the term ends (" + last + ") before it begins (" + first + ")");
            }
            Term term = new Term(code, kind, first, last);
            CouncilRepository.Recorded recorded;
            Composition after;
            try (Database database = open(db)) {
                CouncilRepository council = new CouncilRepository(database.jdbi());
                recorded = council.record(List.of(term), "council term add",
                        ChangeLogRepository.commandLineUser());
                after = council.membership().on(first);
            }
            PrintWriter err = spec.commandLine().getErr();
            err.println("councilbrief: " + (recorded.added().isEmpty() ? "already recorded: " : "recorded ")
                    + CouncilRepository.describe(term));
            tellGap(err, after);
            err.flush();
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Removes a term recorded by mistake (kept in the database, marked removed).")
    static final class TermRemoveCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "STATE", description = "The state: its code or its name.")
        String state;

        @Option(names = "--from", required = true, paramLabel = "YEAR|DATE",
                description = "The year the term begins, or its first day.")
        String from;

        @Option(names = "--db", description = "JDBC URL of the database (default: H2 under ./data).")
        String db;

        @Override
        public Integer call() throws AppException {
            String code = state(state);
            boolean year = from.strip().matches("\\d{4}");
            LocalDate first = CouncilList.day(from, true, "--from: ");
            Term removed;
            try (Database database = open(db)) {
                removed = new CouncilRepository(database.jdbi()).remove(code, first, year,
                        ChangeLogRepository.commandLineUser());
            }
            PrintWriter err = spec.commandLine().getErr();
            err.println("councilbrief: removed " + CouncilRepository.describe(removed));
            err.flush();
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Prints the recorded terms, one JSON object per line.")
    static final class TermListCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--year", description = "Only the terms covering this year.")
        Integer year;

        @Option(names = "--db", description = "JDBC URL of the database (default: H2 under ./data).")
        String db;

        @Override
        public Integer call() {
            List<Term> terms;
            try (Database database = open(db)) {
                terms = new CouncilRepository(database.jdbi()).terms();
            }
            PrintWriter out = spec.commandLine().getOut();
            for (Term term : terms) {
                if (year != null && !term.covers(year)) {
                    continue;
                }
                ObjectNode node = JSON.createObjectNode();
                node.put("code", term.code());
                node.put("seat", term.seat().id());
                node.put("from", term.first().toString());
                node.put("to", term.last() == null ? null : term.last().toString());
                out.println(node);
            }
            out.flush();
            if (year != null && year >= Membership.FIRST_YEAR) {
                long elected = terms.stream().filter(t -> t.seat() == Seat.ELECTED && t.covers(year)).count();
                if (elected < Membership.electedSeats(year)) {
                    PrintWriter err = spec.commandLine().getErr();
                    err.println("councilbrief: " + elected + " of the " + Membership.electedSeats(year)
                            + " elected members of " + year + " are recorded");
                    err.flush();
                }
            }
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Records the members listed in a file (CSV or TSV): a row per member and year (state,year"
                    + "[,seat][,term]), as the UN lists them, or a row per term (state,from,to[,seat]).")
    static final class ImportCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The list, UTF-8.")
        Path file;

        @Option(names = "--db", description = "JDBC URL of the database (default: H2 under ./data).")
        String db;

        @Override
        public Integer call() throws AppException {
            String name = file.getFileName().toString();
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                        .toString();
            } catch (NoSuchFileException e) {
                throw new AppException(file + ": no such file", e);
            } catch (CharacterCodingException e) {
                throw new AppException(name + ": not UTF-8 text", e);
            } catch (IOException e) {
                throw new AppException(file + ": cannot be read: " + e.getMessage(), e);
            }
            List<CouncilList.Row> rows = CouncilList.read(name, text, States.shipped());
            CouncilRepository.Recorded recorded;
            try (Database database = open(db)) {
                CouncilRepository council = new CouncilRepository(database.jdbi());
                try {
                    recorded = council.record(rows.stream().map(CouncilList.Row::term).toList(),
                            "council import " + name, ChangeLogRepository.commandLineUser());
                } catch (CouncilRepository.Refused e) {
                    int line = rows.stream().filter(r -> r.term().equals(e.term())).mapToInt(CouncilList.Row::line)
                            .findFirst().orElse(0);
                    throw new AppException(name + (line > 0 ? " line " + line : "") + ": " + e.getMessage()
                            + "; nothing was recorded", e);
                } catch (AppException e) {
                    throw new AppException(name + ": " + e.getMessage() + "; nothing was recorded", e);
                }
            }
            ObjectNode node = JSON.createObjectNode();
            node.put("file", name);
            node.put("added", recorded.added().size());
            node.put("unchanged", recorded.unchanged().size());
            PrintWriter out = spec.commandLine().getOut();
            out.println(node);
            out.flush();
            PrintWriter err = spec.commandLine().getErr();
            recorded.added().forEach(t -> err.println("councilbrief: recorded " + CouncilRepository.describe(t)));
            err.flush();
            return 0;
        }
    }

    @Command(name = "grouping", mixinStandardHelpOptions = true,
            description = "Records the groupings a member joins beside the A3 (A3+).",
            subcommands = GroupingAddCommand.class)
    static final class GroupingCommand {
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Records that a member joins the A3 under a grouping of its own for some years.")
    static final class GroupingAddCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The grouping, as briefs write it: A3+.")
        String id;

        @Option(names = "--from", required = true, description = "Its first year.")
        int from;

        @Option(names = "--to", required = true, description = "Its last year.")
        int to;

        @Option(names = "--joined-by", required = true, paramLabel = "STATE",
                description = "The member that joins the A3: its code or its name.")
        String joinedBy;

        @Option(names = "--db", description = "JDBC URL of the database (default: H2 under ./data).")
        String db;

        @Override
        public Integer call() throws AppException {
            if (!id.strip().matches("[A-Za-z0-9+]{1,20}")) {
                throw new AppException("a grouping's id is letters, digits and '+', as briefs write it (A3+)");
            }
            String code = state(joinedBy);
            boolean written;
            try (Database database = open(db)) {
                written = new CouncilRepository(database.jdbi()).recordGrouping(id.strip(), from, to, code,
                        "council grouping add", ChangeLogRepository.commandLineUser());
            }
            PrintWriter err = spec.commandLine().getErr();
            err.println("councilbrief: " + (written ? "recorded " : "already recorded: ") + "the " + id.strip()
                    + " of " + from + "-" + to + " with " + code);
            err.flush();
            return 0;
        }
    }
}
