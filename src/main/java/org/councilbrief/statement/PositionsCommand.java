package org.councilbrief.statement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.councilbrief.AppException;
import org.councilbrief.audit.ChangeLogRepository;
import org.councilbrief.council.Composition;
import org.councilbrief.db.Database;
import org.councilbrief.document.SourceText;
import org.councilbrief.document.SourceTexts;
import org.councilbrief.theme.Taxonomy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code councilbrief positions …}: who called for what, with evidence, for an editor to accept. */
@Command(name = "positions", description = "Positions of Council members in statements, with their evidence.",
        mixinStandardHelpOptions = true, subcommands = {PositionsCommand.ExtractCommand.class,
            PositionsCommand.ProposeCommand.class, PositionsCommand.ListCommand.class,
            PositionsCommand.ReviewCommand.class})
public final class PositionsCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Command(name = "extract", mixinStandardHelpOptions = true,
            description = "Reads a meeting record as 'speeches split' does, or a press-release meeting summary"
                    + " (SC/nnnnn), and prints one object per position.")
    static final class ExtractCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The meeting record or press summary, as text or PDF.")
        Path file;

        @Option(names = "--date", description = "The meeting's date, for the A3; by default read from the record.")
        LocalDate date;

        @Option(names = "--kind", description = "meeting-record or press-release; by default a meeting record, or a"
                + " press summary when the file has no speaker lines and reads as one.")
        String kind;

        @Option(names = "--threshold", paramLabel = "P", description = "Print the positions of a meeting record the"
                + " reader is at least this sure of (a probability from 0 to 1); by default the one chosen for"
                + " precision 0.85 (docs/quality.md). Positions on themes added to the Council scheme are not"
                + " measured: they are printed with a null probability.")
        Double threshold;

        @Override
        public Integer call() throws AppException {
            SourceText source = SourceTexts.read(file);
            if (kind != null && !kind.equals("meeting-record") && !kind.equals("press-release")) {
                throw new AppException("unknown --kind '" + kind + "'; expected meeting-record or press-release");
            }
            if (threshold != null && !(threshold >= 0 && threshold <= 1)) {
                throw new AppException("--threshold is a probability from 0 to 1, not " + threshold);
            }
            PositionExtractor extractor = new PositionExtractor();
            PrintWriter out = spec.commandLine().getOut();
            List<Speech> speeches = null;
            if (!"press-release".equals(kind)) {
                try {
                    LocalDate day = date != null ? date : SpeechSplitter.dateOf(source).orElse(null);
                    speeches = new SpeechSplitter().split(source, day);
                } catch (org.councilbrief.document.InputException e) {
                    if ("meeting-record".equals(kind)) {
                        throw e;
                    }
                    try {
                        press(extractor, new PressSummaryParser().parse(source), out);
                        out.flush();
                        return 0;
                    } catch (org.councilbrief.document.InputException notPress) {
                        throw e; // neither: the meeting record's reason is the likelier one
                    }
                }
            }
            if (speeches == null) {
                press(extractor, new PressSummaryParser().parse(source), out);
            } else {
                PositionModel model = PositionModel.shipped();
                double least = threshold != null ? threshold : model.threshold();
                for (Speech speech : speeches) {
                    for (PositionModel.Proposed p : model.read(speech.text(), speech.members())) {
                        if (p.probability() < least) {
                            continue;
                        }
                        ObjectNode node = JSON.createObjectNode();
                        putSource(node, speech.index(), null);
                        node.put("countryCode", p.stateCode());
                        node.put("act", p.act().id());
                        node.put("theme", p.theme());
                        node.put("evidence", p.evidence());
                        if (Double.isNaN(p.probability())) {
                            node.putNull("probability"); // a theme added to the scheme: the rules', not measured
                        } else {
                            node.put("probability", Math.round(p.probability() * 1000) / 1000.0);
                        }
                        out.println(node);
                    }
                }
            }
            out.flush();
            return 0;
        }

        private static void press(PositionExtractor extractor, PressSummary summary, PrintWriter out) {
            for (PressParagraph paragraph : summary.paragraphs()) {
                for (PositionExtractor.Found found : extractor.extractReported(paragraph.text(),
                        paragraph.members())) {
                    ObjectNode node = JSON.createObjectNode();
                    putSource(node, paragraph.index(), summary.pressRelease());
                    node.put("speaker", paragraph.speaker());
                    put(node, found);
                    out.println(node);
                }
            }
        }

        private static void put(ObjectNode node, PositionExtractor.Found found) {
            node.put("countryCode", found.stateCode());
            node.put("act", found.act().id());
            node.put("theme", found.theme().id());
            node.put("evidence", found.evidence());
        }
    }

    /** Where a position was read: "speechIndex", or "pressRelease" and "paragraph". */
    private static void putSource(ObjectNode node, int index, String pressRelease) {
        if (pressRelease == null) {
            node.put("speechIndex", index);
        } else {
            node.put("pressRelease", pressRelease);
            node.put("paragraph", index);
        }
    }

    @Command(name = "propose", mixinStandardHelpOptions = true,
            description = "Proposes the comments-section sentences of a meeting from its positions, those of its record"
                    + " and of its press summary (found and stored as proposals on first use), with their evidence,"
                    + " and the key-topic line.")
    static final class ProposeCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--meeting", required = true, description = "The meeting's symbol, e.g. S/PV.9350.")
        String meeting;

        @Option(names = "--accepted-only", description = "Write only from the positions an editor accepted, as a"
                + " published brief does.")
        boolean acceptedOnly;

        @Option(names = "--db", description = "JDBC URL of the database (default: H2 under ./data).")
        String db;

        @Override
        public Integer call() throws AppException {
            String symbol = org.councilbrief.document.Symbols.parse(meeting).canonical();
            PositionProposals.Proposal proposal;
            try (Database database = Database.openOrDefault(db)) {
                StatementRepository repository = new StatementRepository(database.jdbi());
                Meeting found = repository.findMeeting(symbol).orElseThrow(() -> new AppException(symbol
                        + " is not in the database; import it with: councilbrief import FILE --kind meeting-record"));
                List<StatementRepository.StoredPosition> stored = repository.storedPositions(symbol);
                if (stored.stream().noneMatch(p -> p.pressRelease() == null)) { // imported before proposals were
                    propose(repository, symbol, found.date());
                    stored = repository.storedPositions(symbol);
                }
                Composition composition;
                try {
                    composition = new org.councilbrief.council.CouncilRepository(database.jdbi()).membership()
                            .on(found.date());
                } catch (IllegalArgumentException e) {
                    throw new AppException(e.getMessage(), e);
                }
                List<PositionProposals.Input> inputs = new ArrayList<>();
                stored.stream().filter(p -> !acceptedOnly || p.position().status() == Position.Status.ACCEPTED)
                        .forEach(p -> inputs.add(new PositionProposals.Input(p.index(), p.pressRelease(),
                                p.position())));
                proposal = new PositionProposals().propose(inputs, composition);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (proposal.sentences().isEmpty()) {
                spec.commandLine().getErr().println("councilbrief: " + symbol + " has no "
                        + (acceptedOnly ? "accepted " : "") + "position of a Council member to write from"
                        + (acceptedOnly ? "; accept some with 'positions review'" : ""));
                spec.commandLine().getErr().flush();
            }
            for (PositionProposals.Sentence sentence : proposal.sentences()) {
                ObjectNode node = JSON.createObjectNode();
                node.put("kind", "sentence");
                node.put("act", sentence.act());
                node.put("theme", sentence.theme());
                sentence.members().forEach(node.putArray("members")::add);
                node.put("text", sentence.text());
                ArrayNode evidence = node.putArray("evidence");
                for (PositionProposals.Input input : sentence.evidence()) {
                    ObjectNode e = evidence.addObject();
                    putSource(e, input.index(), input.pressRelease());
                    e.put("countryCode", input.position().stateCode());
                    e.put("status", input.position().status().name().toLowerCase(java.util.Locale.ROOT));
                    e.put("sentence", input.position().evidence());
                }
                out.println(node);
            }
            ObjectNode key = JSON.createObjectNode();
            key.put("kind", "key-topic");
            key.put("text", proposal.keyTopic());
            proposal.keyTopicMembers().forEach(key.putArray("members")::add);
            out.println(key);
            out.flush();
            return 0;
        }

        private static void propose(StatementRepository repository, String symbol, LocalDate date) {
            PositionModel model = PositionModel.shipped();
            for (Statement statement : repository.statements(symbol)) {
                List<Position> positions = model.propose(statement);
                if (!positions.isEmpty()) {
                    repository.addPositions(symbol, statement.index(), positions);
                }
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists a meeting's stored positions, from its record and its press summary, with their ids"
                    + " and status.")
    static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--meeting", required = true, description = "The meeting's symbol, e.g. S/PV.9350.")
        String meeting;

        @Option(names = "--db", description = "JDBC URL of the database (default: H2 under ./data).")
        String db;

        @Override
        public Integer call() throws AppException {
            String symbol = org.councilbrief.document.Symbols.parse(meeting).canonical();
            List<StatementRepository.StoredPosition> stored;
            try (Database database = Database.openOrDefault(db)) {
                stored = new StatementRepository(database.jdbi()).storedPositions(symbol);
            }
            PrintWriter out = spec.commandLine().getOut();
            for (StatementRepository.StoredPosition p : stored) {
                ObjectNode node = JSON.createObjectNode();
                node.put("id", p.id());
                putSource(node, p.index(), p.pressRelease());
                node.put("countryCode", p.position().stateCode());
                node.put("act", p.position().act().id());
                node.put("theme", p.position().theme());
                node.put("status", p.position().status().name().toLowerCase(java.util.Locale.ROOT));
                node.put("evidence", p.position().evidence());
                out.println(node);
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "review", mixinStandardHelpOptions = true,
            description = "An editor accepts, corrects or rejects a proposed position.")
    static final class ReviewCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The position's id (from 'positions list').")
        long id;

        @Option(names = "--status", required = true, description = "accepted, rejected or proposed.")
        String status;

        @Option(names = "--act", description = "A corrected act: calls-for, condemns, welcomes, expresses-concern,"
                + " rejects or notes.")
        String act;

        @Option(names = "--theme", description = "A corrected theme of the Council scheme.")
        String theme;

        @Option(names = "--member", description = "A corrected member: its ISO code or name (a joint statement's"
                + " position given to a member that did not join it).")
        String member;

        @Option(names = "--db", description = "JDBC URL of the database (default: H2 under ./data).")
        String db;

        @Override
        public Integer call() throws AppException {
            Position.Status newStatus;
            Act newAct;
            try {
                newStatus = Position.Status.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
                newAct = act == null ? null : Act.byId(act);
            } catch (IllegalArgumentException e) {
                throw new AppException(e.getMessage().startsWith("unknown act") ? e.getMessage()
                        : "unknown status '" + status + "'; expected accepted, rejected or proposed", e);
            }
            String newTheme = null;
            if (theme != null) {
                newTheme = Taxonomy.council().label(theme).orElseThrow(() -> new AppException("'" + theme
                        + "' is not a theme of the Council scheme")).id();
            }
            String newMember = null;
            if (member != null) {
                newMember = org.councilbrief.council.States.shipped().byName(member) // its code or a name
                        .map(org.councilbrief.council.State::code)
                        .orElseThrow(() -> new AppException("'" + member + "' is not a state"));
            }
            boolean done;
            try (Database database = Database.openOrDefault(db)) {
                done = new StatementRepository(database.jdbi()).review(id, newStatus, newMember, newAct, newTheme,
                        ChangeLogRepository.commandLineUser());
            }
            if (!done) {
                throw new AppException("no position " + id);
            }
            spec.commandLine().getErr().println("councilbrief: position " + id + " is " + status);
            spec.commandLine().getErr().flush();
            return 0;
        }
    }
}
