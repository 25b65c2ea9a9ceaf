package org.councilbrief.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Fault trials (issue 12): launches the real command line ({@code ./councilbrief}) as a child process on a database in
 * a known state, kills it with SIGKILL at a random moment of its run, and checks what it left: every table's row count
 * is the count before the run or the count after a complete run (nothing half-written) once the product has opened
 * the database (which puts back an embedded file whose journaled write was cut short), the database opens and is
 * read through every index, and the same command run again completes with the complete run's counts. One scenario per
 * kind of import, first into a database without that data and again over it (with a changed file, so the import
 * rewrites what it wrote), and {@code publish}.
 *
 * <p>Run with {@code bench/kill-trials.sh}; arguments: {@code --cli PATH} (the launcher), {@code --db h2|URL} (H2
 * files under the work folder, or a PostgreSQL server's URL whose user may create databases), {@code --trials N},
 * {@code --work DIR}, {@code --scenarios a,b,…}, {@code --seed N}. One line per trial and a summary per scenario on
 * stdout (tab-separated).
 */
public final class KillTrials {
    private static final Path DATA = Path.of(System.getProperty("councilbrief.shared", "../shared"), "data");
    private static final Path CSV = DATA.resolve("upr-themes/upr_recommendations_sessions_01-12.csv");
    private static final Path MEETING = DATA.resolve("council-speeches/meetings/SPV.8699.txt");
    private static final Path REPORT = DATA.resolve("upr-reports/reports/unitedstatesofamerica2011.txt");
    private static final Path RESOLUTION = DATA.resolve("pages/seed_sources/res2690_2023_text_partial.txt");
    private static final Path PRESS = DATA.resolve("pages/seed_sources/sc15341_press_release_30jun2023_res2690.txt");
    private static final Path BRIEF = DATA.getParent().resolve("reference/000_80c18e20ce0023bb.txt");

    private final Path cli;
    private final String db;
    private final Path work;
    private final Random random;
    private final PrintStream out = System.out;

    private KillTrials(Path cli, String db, Path work, long seed) {
        this.cli = cli;
        this.db = db;
        this.work = work;
        this.random = new Random(seed);
    }

    /** A command run to completion to prepare the database, then the command that is killed. */
    private record Scenario(String name, List<List<String>> setup, List<String> killed, boolean publishes) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path work = Path.of(options.getOrDefault("work", "/tmp/councilbrief-kill-trials"));
        Files.createDirectories(work);
        KillTrials trials = new KillTrials(Path.of(options.getOrDefault("cli", "./councilbrief")),
                options.getOrDefault("db", "h2"), work, Long.parseLong(options.getOrDefault("seed", "12")));
        int n = Integer.parseInt(options.getOrDefault("trials", "50"));
        Map<String, Scenario> all = trials.scenarios();
        List<String> names = options.containsKey("scenarios") ? List.of(options.get("scenarios").split(","))
                : List.copyOf(all.keySet());
        boolean failed = false;
        for (String name : names) {
            Scenario scenario = all.get(name);
            if (scenario == null) {
                throw new IllegalArgumentException("no scenario " + name + "; known: " + all.keySet());
            }
            failed |= !trials.run(scenario, n);
        }
        System.exit(failed ? 1 : 0);
    }

    private Map<String, Scenario> scenarios() throws IOException, InterruptedException {
        Path files = work.resolve("files");
        Files.createDirectories(files);
        Path csvAgain = changed(CSV, files.resolve("upr-again.csv"), true);
        Path meetingAgain = changed(MEETING, files.resolve("SPV.8699.txt"), false);
        Path reportAgain = changed(REPORT, files.resolve("unitedstatesofamerica2011.txt"), false);
        Path resolutionAgain = changed(RESOLUTION, files.resolve("res2690_2023_text_partial.txt"), false);
        Path pressAgain = changed(PRESS, files.resolve("sc15341_press_release_30jun2023_res2690.txt"), false);
        List<String> csv = List.of("import", CSV.toString(), "--kind", "upr-csv");
        List<String> meeting = List.of("import", MEETING.toString(), "--kind", "meeting-record", "--date",
                "2020-01-08");
        List<String> report = List.of("import", REPORT.toString(), "--kind", "upr-report");
        List<String> resolution = List.of("import", RESOLUTION.toString(), "--kind", "resolution");
        List<String> press = List.of("import", PRESS.toString(), "--kind", "press-release");
        Map<String, Scenario> all = new LinkedHashMap<>();
        all.put("upr-csv-again", new Scenario("upr-csv-again", List.of(csv), List.of("import", csvAgain.toString(),
                "--kind", "upr-csv"), false));
        all.put("upr-csv-first", new Scenario("upr-csv-first", List.of(), csv, false));
        all.put("publish", new Scenario("publish", List.of(csv, meeting, List.of("brief", "load",
                briefJson(files).toString())), List.of("publish", "--out", "SITE", "--date", "2023-07-24"), true));
        all.put("meeting-record-again", new Scenario("meeting-record-again", List.of(meeting),
                List.of("import", meetingAgain.toString(), "--kind", "meeting-record", "--date", "2020-01-08"),
                false));
        all.put("upr-report-again", new Scenario("upr-report-again", List.of(report),
                List.of("import", reportAgain.toString(), "--kind", "upr-report"), false));
        all.put("press-release-again", new Scenario("press-release-again", List.of(press),
                List.of("import", pressAgain.toString(), "--kind", "press-release"), false));
        all.put("resolution-again", new Scenario("resolution-again", List.of(resolution),
                List.of("import", resolutionAgain.toString(), "--kind", "resolution"), false));
        all.put("meeting-record-first", new Scenario("meeting-record-first", List.of(), meeting, false));
        all.put("upr-report-first", new Scenario("upr-report-first", List.of(), report, false));
        all.put("press-release-first", new Scenario("press-release-first", List.of(), press, false));
        all.put("resolution-first", new Scenario("resolution-first", List.of(), resolution, false));
        return all;
    }

    /**
     * The same file, changed so that importing it again rewrites what the first import wrote: a sentence added to every
     * long line (a speech, a paragraph) that ends with a full stop; for the CSV, every tenth row left out instead (so
     * the counts differ, and every review is written again).
     */
    private static Path changed(Path from, Path to, boolean dropRows) throws IOException {
        List<String> lines = Files.readAllLines(from, StandardCharsets.UTF_8);
        List<String> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (dropRows && i > 0 && i % 10 == 0) {
                continue;
            }
            String line = lines.get(i);
            result.add(!dropRows && line.length() > 200 && line.endsWith(".") ? line + " So it was said." : line);
        }
        Files.write(to, result, StandardCharsets.UTF_8);
        return to;
    }

    private Path briefJson(Path files) throws IOException, InterruptedException {
        Path json = files.resolve("brief.json");
        if (!Files.exists(json)) {
            Run run = launch(List.of("brief", "import-text", BRIEF.toString()), -1);
            if (run.code != 0) {
                throw new IllegalStateException("brief import-text failed: " + run.err);
            }
            Files.writeString(json, run.out);
        }
        return json;
    }

    /** Runs {@code n} trials of a scenario; returns whether every one ended whole. */
    private boolean run(Scenario scenario, int n) throws Exception {
        prepare(scenario);
        Map<String, Long> before = counts(url("base"));
        String full = copy("base", "full");
        Path site = work.resolve("site-full");
        deleteTree(site);
        long start = System.nanoTime();
        Run complete = launch(args(scenario.killed(), full, site), -1);
        long fullMillis = (System.nanoTime() - start) / 1_000_000;
        if (complete.code != 0) {
            throw new IllegalStateException(scenario.name() + ": the complete run failed: " + complete.err);
        }
        Map<String, Long> after = counts(full);
        long siteFiles = scenario.publishes() ? fileCount(site) : 0;
        out.printf("# %s: complete run %d ms; before %s; after %s%s%n", scenario.name(), fullMillis, before, after,
                scenario.publishes() ? "; " + siteFiles + " site files" : "");
        int whole = 0;
        int killedBefore = 0;
        int killedAfter = 0;
        int restored = 0;
        int finishedFirst = 0;
        long worstRerun = 0;
        List<String> problems = new ArrayList<>();
        // The moment of the kill is drawn within the time a complete run takes now: first the complete run's, then
        // that of the latest next run that started where a complete run starts (a loaded machine speeds up and slows
        // down). A run that ends before its kill is no trial of a kill: it is reported, and another is drawn.
        long window = fullMillis;
        int attempts = 0;
        for (int t = 1; t <= n && attempts < 3 * n; attempts++) {
            String trial = copy("base", "trial");
            Path trialSite = work.resolve("site-trial");
            deleteTree(trialSite);
            long delay = (long) (random.nextDouble() * window);
            Run killed = launch(args(scenario.killed(), trial, trialSite), delay);
            // The database as the kill left it, kept aside, so that a trial that goes wrong can be looked into.
            copy("trial", "as_killed");
            String state;
            String problem = null;
            // The database as the product opens it next: an embedded file whose large write was cut short is put back
            // from its journal at that open (decision 0030), before anything reads it.
            boolean journal = db.equals("h2") && Files.exists(work.resolve("trial").resolve("councilbrief.journal"));
            try {
                if (journal) {
                    org.councilbrief.db.Database.open(trial).close();
                    restored++;
                }
                Map<String, Long> now = counts(trial);
                probeIndexes(trial);
                if (now.equals(before)) {
                    state = "before";
                    killedBefore += killed.killed ? 1 : 0;
                } else if (now.equals(after)) {
                    state = "after";
                    killedAfter += killed.killed ? 1 : 0;
                } else {
                    state = "HALF";
                    problem = "counts " + now;
                }
                if (scenario.publishes() && problem == null && Files.exists(trialSite)
                        && fileCount(trialSite) != siteFiles) {
                    problem = "site folder has " + fileCount(trialSite) + " files of " + siteFiles;
                }
            } catch (SQLException | RuntimeException e) {
                state = "BROKEN";
                problem = String.valueOf(e);
            }
            if (!killed.killed) {
                finishedFirst++;
            }
            long rerunStart = System.nanoTime();
            Run again = launch(args(scenario.killed(), trial, trialSite), -1);
            long rerunMillis = (System.nanoTime() - rerunStart) / 1_000_000;
            worstRerun = Math.max(worstRerun, rerunMillis);
            // The next run is checked whatever the kill left: it must complete, with the complete run's counts.
            if (again.code != 0) {
                problem = (problem == null ? "" : problem + "; ") + "next run failed (" + again.code + "): "
                        + again.err.lines().limit(3).toList();
            } else {
                try {
                    Map<String, Long> end = counts(trial);
                    if (!end.equals(after)) {
                        problem = (problem == null ? "" : problem + "; ") + "after the next run: " + end;
                    } else if (scenario.publishes() && fileCount(trialSite) != siteFiles) {
                        problem = (problem == null ? "" : problem + "; ") + "after the next run the site has "
                                + fileCount(trialSite) + " files";
                    } else if (problem != null) {
                        problem += "; the next run completed with the complete run's counts";
                    }
                } catch (SQLException | RuntimeException e) {
                    problem = (problem == null ? "" : problem + "; ") + "after the next run: " + e;
                }
            }
            if (problem == null) {
                whole += killed.killed ? 1 : 0;
            } else {
                copy("as_killed", "kept_" + scenario.name().replace('-', '_') + "_" + t);
                problems.add((killed.killed ? "trial " + t : "a run that had finished before trial " + t) + ": "
                        + problem);
            }
            if (state.equals("before") && again.code == 0) {
                window = rerunMillis;
            }
            out.printf("%s\t%s\tkill at %d ms%s\t%s%s\tnext run %d ms\t%s%n", scenario.name(), killed.killed
                    ? String.valueOf(t) : "-", delay, killed.killed ? "" : " (had finished: not counted)", state,
                    journal ? " (put back from the journal)" : "", rerunMillis, problem == null ? "whole" : problem);
            out.flush();
            drop("trial");
            if (killed.killed) {
                t++;
            }
        }
        int trials = attempts - finishedFirst;
        out.printf("= %s\t%s\t%d trials killed during the run\t%d whole\t%d left as before\t%d as after"
                + "\t%d put back from the journal\t%d runs ended before their kill (not counted)\tcomplete run %d ms"
                + "\tslowest next run %d ms%n", scenario.name(), db.equals("h2") ? "H2" : "PostgreSQL", trials, whole,
                killedBefore, killedAfter, restored, finishedFirst, fullMillis, worstRerun);
        problems.forEach(p -> out.println("!  " + p));
        out.flush();
        drop("full");
        return whole == trials && trials == n && problems.isEmpty();
    }

    private List<String> args(List<String> command, String url, Path site) {
        List<String> args = new ArrayList<>();
        for (String a : command) {
            args.add(a.equals("SITE") ? site.toString() : a);
        }
        args.add("--db");
        args.add(url);
        return args;
    }

    /** The database after the scenario's setup ("base"), made once per scenario. */
    private void prepare(Scenario scenario) throws Exception {
        drop("base");
        if (!db.equals("h2")) {
            try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
                s.execute("create database kill_base");
            }
        }
        // A database with the schema, the shipped states and the shipped Council terms even when the scenario sets
        // nothing up: every command that writes seeds them first, in a transaction of their own, so a kill after it
        // would otherwise leave them beside an import that did not happen (whole, but neither before nor after).
        List<List<String>> steps = new ArrayList<>(scenario.setup());
        if (steps.isEmpty()) {
            steps.add(List.of("council", "members", "--date", "2020-01-01"));
        }
        for (List<String> step : steps) {
            Run run = launch(args(step, url("base"), work.resolve("site-setup")), -1);
            if (run.code != 0) {
                throw new IllegalStateException(scenario.name() + ": setup " + step + " failed: " + run.err);
            }
        }
    }

    private String url(String name) {
        if (db.equals("h2")) {
            return "jdbc:h2:file:" + work.resolve(name).resolve("councilbrief") + ";AUTO_SERVER=FALSE";
        }
        int q = db.indexOf('?');
        String server = db.substring(0, db.lastIndexOf('/', q < 0 ? db.length() : q) + 1);
        return server + "kill_" + name + (q < 0 ? "" : db.substring(q));
    }

    private String copy(String from, String to) throws Exception {
        drop(to);
        if (db.equals("h2")) {
            Path target = work.resolve(to);
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(work.resolve(from))) {
                for (Path f : files.toList()) {
                    Files.copy(f, target.resolve(f.getFileName()));
                }
            }
        } else {
            try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
                s.execute("create database kill_" + to + " template kill_" + from);
            }
        }
        return url(to);
    }

    private void drop(String name) throws Exception {
        if (db.equals("h2")) {
            deleteTree(work.resolve(name));
        } else {
            try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
                s.execute("drop database if exists kill_" + name + " with (force)");
            }
        }
    }

    private Connection connect(String url) throws SQLException {
        return url.startsWith("jdbc:h2:") ? DriverManager.getConnection(url, "sa", "")
                : DriverManager.getConnection(url);
    }

    /** Row counts of every table but Flyway's. */
    private Map<String, Long> counts(String url) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            for (String table : tables(c)) {
                try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME");
                if (!table.equalsIgnoreCase("flyway_schema_history")) {
                    tables.add(table.toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return tables;
    }

    /**
     * Reads every table through each of its indexes (H2: one ordered scan per indexed column, which walks that index
     * and looks each row up in the primary one; "Row … not found in primary index" shows here).
     */
    private void probeIndexes(String url) throws SQLException {
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            for (String table : tables(c)) {
                List<String> columns = new ArrayList<>();
                try (ResultSet rs = c.getMetaData().getIndexInfo(null, c.getSchema(), url.startsWith("jdbc:h2:")
                        ? table.toUpperCase(java.util.Locale.ROOT) : table, false, false)) {
                    while (rs.next()) {
                        String column = rs.getString("COLUMN_NAME");
                        if (column != null && !columns.contains(column)) {
                            columns.add(column);
                        }
                    }
                }
                for (String column : columns) {
                    try (ResultSet rs = s.executeQuery("select count(*) from (select * from " + table + " where "
                            + column + " is not null order by " + column + ") x")) {
                        rs.next();
                    }
                }
            }
        }
    }

    private static long fileCount(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private record Run(int code, String out, String err, boolean killed) {
    }

    /** Launches the command line; kills it with SIGKILL after {@code killAfter} ms unless that is negative. */
    private Run launch(List<String> args, long killAfter) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(cli.toString());
        command.addAll(args);
        Path stdout = Files.createTempFile(work, "out", ".txt");
        Path stderr = Files.createTempFile(work, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        boolean killed = false;
        if (killAfter >= 0) {
            if (!process.waitFor(killAfter, TimeUnit.MILLISECONDS)) {
                // The launcher execs the JVM, so this is the JVM's own process: SIGKILL, no shutdown hooks.
                process.destroyForcibly();
                killed = true;
            }
        }
        int code = process.waitFor();
        Run run = new Run(code, Files.readString(stdout), Files.readString(stderr), killed);
        Files.delete(stdout);
        Files.delete(stderr);
        return run;
    }
}
