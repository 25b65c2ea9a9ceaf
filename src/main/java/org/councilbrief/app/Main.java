package org.councilbrief.app;

/** Entry point of {@code ./councilbrief}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = Cli.commandLine(args).execute(args);
        if (code != 0 || args.length == 0 || !"serve".equals(args[0])) {
            System.exit(code);
        }
    }
}
