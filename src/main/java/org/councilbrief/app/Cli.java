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
        description = "Sourced human-rights briefs for the situations on the UN Security Council's agenda.",
        subcommands = {ServeCommand.class, CouncilCommand.class, BriefCommand.class, UprCommand.class,
            SpeechesCommand.class, ResolutionCommand.class, ImportCommand.class, FetchCommand.class,
            ThemesCommand.class, PositionsCommand.class, MemberCommand.class, PublishCommand.class, UserCommand.class,
            BackupCommand.class, RestoreCommand.class, org.councilbrief.export.ExportCommand.class})
public final class Cli {
    public static final int BAD_INPUT = 2;
    public static final int FAILURE = 1;

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

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Cli(), new Commands());
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
