package org.councilbrief.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.councilbrief.AppException;
import org.councilbrief.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code councilbrief user …}: accounts of the editors' workspace. */
@Command(name = "user", description = "Accounts of the editors' workspace.", mixinStandardHelpOptions = true,
        subcommands = {UserCommand.AddCommand.class, UserCommand.ListCommand.class})
public final class UserCommand {
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Creates an account. The password is asked for, or read from standard input with"
                    + " --password-stdin; it is never given on the command line.")
    static final class AddCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--username", required = true, description = "The login name.")
        String username;

        @Option(names = "--role", required = true, description = "editor, reviewer or admin.")
        String role;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        @Option(names = "--db", description = "JDBC URL of the database (default: H2 under ./data).")
        String db;

        @Override
        public Integer call() throws AppException {
            Role r = Role.of(role);
            String password = readPassword();
            User user;
            try (Database database = Database.openOrDefault(db)) {
                user = new Accounts(database).add(username, password, r);
            }
            spec.commandLine().getErr().println("councilbrief: created " + user.role().id() + " '" + user.username()
                    + "'");
            spec.commandLine().getErr().flush();
            return 0;
        }

        private String readPassword() throws AppException {
            if (!passwordStdin && System.console() != null) {
                char[] typed = System.console().readPassword("Password for %s: ", username);
                return typed == null ? null : new String(typed);
            }
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null) {
                    throw new AppException("no password on standard input");
                }
                return line;
            } catch (IOException e) {
                throw new AppException("cannot read the password: " + e.getMessage(), e);
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the accounts, one JSON object each.")
    static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--db", description = "JDBC URL of the database (default: H2 under ./data).")
        String db;

        @Override
        public Integer call() {
            try (Database database = Database.openOrDefault(db)) {
                for (User user : new Accounts(database).users()) {
                    spec.commandLine().getOut().println("{\"username\":\"" + user.username() + "\",\"role\":\""
                            + user.role().id() + "\"}");
                }
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
