package org.councilbrief.app;

import java.io.PrintWriter;
import org.councilbrief.AppException;
import org.councilbrief.account.UserCommand;
import org.councilbrief.brief.BriefCommand;
import org.councilbrief.compare.MemberCommand;
import org.councilbrief.council.CouncilCommand;
import org.councilbrief.document.ResolutionCommand;
import org.councilbrief.ingest.FetchCommand;
import org.councilbrief.ingest.ImportCommand;
import org.councilbrief.statement.PositionsCommand;
import org.councilbrief.statement.SpeechesCommand;
import org.councilbrief.theme.ThemesCommand;
import org.councilbrief.upr.UprCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: one root with a subcommand per feature. JSON Lines on stdout, messages on stderr; exit code 0 on
 * success, 2 for bad input (an {@link AppException} or a usage error), 1 for anything else.
 */
@Command(name = "councilbrief", mixinStandardHelpOptions = true, version = "councilbrief 0.1.0",
        description = "Sourced human-rights briefs for the situations on the UN Security Council's agenda.")
public final class Cli {
    public static final int BAD_INPUT = 2;
    public static final int FAILURE = 1;
    /** The subcommands, in the order the help lists them. */
    private static final java.util.List<Class<?>> SUBCOMMANDS = java.util.List.of(ServeCommand.class,
            CouncilCommand.class, BriefCommand.class, UprCommand.class, SpeechesCommand.class,
            ResolutionCommand.class, ImportCommand.class, FetchCommand.class, ThemesCommand.class,
            PositionsCommand.class, MemberCommand.class, PublishCommand.class, UserCommand.class,
            BackupCommand.class, RestoreCommand.class, org.councilbrief.export.ExportCommand.class);

    /**
     * Makes the commands as picocli does, but {@code brief render}, which is given the brief's pictures for the
     * database it reads (decision 0044).
     */
    private static final class Commands implements CommandLine.IFactory {
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (BriefCommand.isRender(type)) {
                return type.cast(BriefCommand.render(database -> new org.councilbrief.site.BriefFigures(
                        new org.councilbrief.statement.StatementRepository(database.jdbi()),
                        org.councilbrief.council.Membership.shipped())));
            }
            return fallback.create(type);
        }
    }

    /** The command line with every subcommand. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line for these arguments: when the first names a subcommand, that one only. Picocli reads the
     * annotations of every command it is given, which took a third of a second at each start with all sixteen; any
     * other first argument (none, {@code --help}, a mistyped command) gets them all, so that the help and the
     * suggestions list every command.
     */
    public static CommandLine commandLine(String... args) {
        Commands factory = new Commands();
        CommandLine cli = new CommandLine(new Cli(), factory);
        String first = args.length == 0 ? null : args[0];
        boolean named = SUBCOMMANDS.stream().anyMatch(c -> c.getAnnotation(Command.class).name().equals(first));
        for (Class<?> command : SUBCOMMANDS) {
            String name = command.getAnnotation(Command.class).name();
            if (!named || name.equals(first)) {
                cli.addSubcommand(name, new CommandLine(command, factory));
            }
        }
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof AppException) {
                err.println("councilbrief: " + e.getMessage());
                err.flush();
                return BAD_INPUT;
            }
            if (e instanceof org.councilbrief.db.DatabaseUnavailableException) {
                err.println("councilbrief: " + e.getMessage());
                err.flush();
                return FAILURE;
            }
            err.println("councilbrief: failed: " + e);
            e.printStackTrace(err);
            err.flush();
            return FAILURE;
        });
        cli.registerConverter(java.time.LocalDate.class, value -> {
            try {
                return java.time.LocalDate.parse(value);
            } catch (java.time.format.DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a date of the form YYYY-MM-DD");
            }
        });
        return cli;
    }
}
