package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.councilbrief.Progress;
import org.councilbrief.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress of long work on the command line: drawn on stderr by the real launcher when stderr is a terminal (a
 * pseudo terminal from util-linux's {@code script}), absent when it is not, and stdout the same bytes either way.
 */
class ProgressCliTest {
    private static final Path CSV = SharedData.root().resolve("data/upr-themes/upr_recommendations_sessions_01-12.csv");

    /**
     * A copy of the launcher beside a jar that only names the test's class path: the launcher finds nothing to build
     * and runs the classes under test.
     */
    private static Path launcher(Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("app"));
        Files.createDirectories(root.resolve(".mvn"));
        Files.createDirectories(root.resolve("target"));
        Files.copy(Path.of(".mvn/find-jdk.sh"), root.resolve(".mvn/find-jdk.sh"));
        Path launcher = Files.copy(Path.of("councilbrief"), root.resolve("councilbrief"));
        launcher.toFile().setExecutable(true);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, List.of(System.getProperty("java.class.path")
                .split(File.pathSeparator)).stream().map(p -> Path.of(p).toAbsolutePath().toUri().toString())
                .collect(Collectors.joining(" ")));
        try (OutputStream out = Files.newOutputStream(root.resolve("target/councilbrief.jar"));
                JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return launcher;
    }

    private static Process start(List<String> command, Path stdout, Path stderr) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("COUNCILBRIEF_NO_ARCHIVE", "1");
        builder.environment().put("TERM", "xterm");
        return builder.start();
    }

    private static void finish(Process process) throws InterruptedException {
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).isZero();
    }

    @Test
    void aLargeImportShowsItsRowsInATerminalAndNothingElseChanges(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux's script is not installed");
        String councilbrief = launcher(dir).toString();
        List<String> args = List.of("import", CSV.toString(), "--kind", "upr-csv");

        // stderr a pipe (as here, in the tests): no progress, the messages as before.
        Path plainOut = dir.resolve("plain.out");
        Path plainErr = dir.resolve("plain.err");
        List<String> plain = new ArrayList<>(List.of(councilbrief));
        plain.addAll(args);
        plain.addAll(List.of("--db", "jdbc:h2:" + dir.resolve("plain/db")));
        Process p = start(plain, plainOut, plainErr);

        // stderr a terminal: the same command, stdout to a file, stderr to the pseudo terminal script records.
        Path ttyOut = dir.resolve("tty.out");
        Path typescript = dir.resolve("typescript");
        String command = councilbrief + " " + String.join(" ", args) + " --db jdbc:h2:" + dir.resolve("tty/db")
                + " > " + ttyOut;
        Process t = start(List.of("script", "-qec", command, "/dev/null"), typescript, dir.resolve("script.err"));
        finish(p);
        finish(t);

        String err = Files.readString(plainErr);
        assertThat(err).doesNotContain("\r").doesNotContain("Reading rows").doesNotContain("Writing reviews")
                .contains("councilbrief: imported " + CSV + " as 193 UPR reviews");
        assertThat(Files.readAllBytes(ttyOut)).isEqualTo(Files.readAllBytes(plainOut));
        assertThat(Files.readString(plainOut)).startsWith("{\"file\":").contains("\"rows\":21356").hasLineCount(1);

        String terminal = Files.readString(typescript, StandardCharsets.UTF_8);
        // Redrawn in place, with counts, percent and the time left; then the last line with the time it took.
        // (Reading the rows may be too quick for a bar on a fast machine; writing the reviews takes seconds.)
        assertThat(terminal).containsPattern("\r(Reading rows|Writing reviews) \\[#*\\.+] [\\d,]+/(21,356|193) +\\d+%"
                + " [\\d,.]+/s, \\d+:\\d\\d left")
                .containsPattern("Writing reviews \\[#{24}] 193/193 100% in \\d+:\\d\\d")
                .contains("councilbrief: imported " + CSV + " as 193 UPR reviews");
        // The bar never takes more than one line of the terminal's 80 columns.
        for (String frame : terminal.split("[\r\n]+")) {
            if (frame.startsWith("Reading rows") || frame.startsWith("Writing reviews")) {
                assertThat(frame.length()).as(frame).isLessThan(80);
            }
        }
    }

    @Test
    void importingManyFilesCountsTheFiles(@TempDir Path dir) throws Exception {
        // Three exports, a third of the rows each.
        List<String> lines = Files.readAllLines(CSV);
        List<String> files = new ArrayList<>();
        int third = (lines.size() - 1) / 3 + 1;
        for (int part = 0; part < 3; part++) {
            List<String> rows = new ArrayList<>(List.of(lines.get(0)));
            rows.addAll(lines.subList(1 + part * third, Math.min(lines.size(), 1 + (part + 1) * third)));
            Path file = dir.resolve("part" + part + ".csv");
            Files.write(file, rows);
            files.add(file.toString());
        }
        List<String> args = new ArrayList<>(List.of("import", "--kind", "upr-csv"));
        args.addAll(files);
        List<String> plainArgs = new ArrayList<>(args);
        plainArgs.addAll(List.of("--db", "jdbc:h2:mem:progress-plain-" + System.nanoTime()));
        CliRun plain = CliRun.of(plainArgs.toArray(String[]::new));
        assertThat(plain.code()).isZero();
        assertThat(plain.err()).doesNotContain("\r").doesNotContain("Importing files");

        String before = System.getProperty(Progress.STDERR_PROPERTY);
        System.setProperty(Progress.STDERR_PROPERTY, Progress.TERMINAL);
        CliRun shown;
        try {
            List<String> shownArgs = new ArrayList<>(args);
            shownArgs.addAll(List.of("--db", "jdbc:h2:mem:progress-shown-" + System.nanoTime()));
            shown = CliRun.of(shownArgs.toArray(String[]::new));
        } finally {
            if (before == null) {
                System.clearProperty(Progress.STDERR_PROPERTY);
            } else {
                System.setProperty(Progress.STDERR_PROPERTY, before);
            }
        }
        assumeTrue(!"dumb".equals(System.getenv("TERM")), "TERM=dumb: no progress");
        assertThat(shown.code()).isZero();
        assertThat(shown.out()).isEqualTo(plain.out()).hasLineCount(3);
        // The bar is drawn at most ten times a second, so which of the first two counts shows depends on speed.
        assertThat(shown.err()).containsPattern("\rImporting files \\[[#.]{24}] [12]/3  [36][36]% ")
                .containsPattern("Importing files \\[#{24}] 3/3 100% in \\d+:\\d\\d");
        // Each message of the plain run is there, on a line of its own.
        assertThat(List.of(shown.err().split("[\r\n]+"))).containsAll(plain.err().lines().toList());
    }

    @Test
    void severalFilesCannotShareOneDocumentsDetails(@TempDir Path dir) {
        CliRun run = CliRun.of("import", "--kind", "meeting-record", "--date", "2020-01-15", "a.txt", "b.txt",
                "--db", "jdbc:h2:mem:progress-refused-" + System.nanoTime());
        assertThat(run.code()).isNotZero();
        assertThat(run.err()).contains("describe one document");
        assertThat(run.out()).isEmpty();
    }
}
