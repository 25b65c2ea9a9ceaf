package org.councilbrief.bench;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.councilbrief.brief.LcsDiff;
import org.councilbrief.brief.TextDiff;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The version diff on two long texts: a real UPR report (Slovenia 2025, 1,405 lines) or the 40 reports of
 * upr-reports/reports joined (19,530 lines), against a copy edited every few dozen lines (a line changed every 50,
 * two lines removed every 200, one added every 300). {@code table} is the n × m table TextDiff used before
 * ({@link LcsDiff}), {@code textdiff} what it uses now, {@code linear} java-diff-utils' linear-space Myers. Run with
 * {@code bench/jmh.sh TextDiff -prof gc} (gc.alloc.rate.norm is the memory one diff allocates).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TextDiffBenchmark {
    @Param({"slovenia", "forty-reports"})
    public String texts;

    @Param({"table", "textdiff", "linear"})
    public String diff;

    private String before;
    private String after;

    @Setup
    public void setUp() throws IOException {
        Path reports = Path.of(System.getProperty("councilbrief.shared", "../shared"), "data/upr-reports");
        if (texts.equals("slovenia")) {
            before = Files.readString(reports.resolve("slovenia_4th_cycle/reports/slovenia2025_A-HRC-59-15.txt"));
        } else {
            StringBuilder all = new StringBuilder();
            try (Stream<Path> files = Files.list(reports.resolve("reports"))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                    all.append(Files.readString(file));
                }
            }
            before = all.toString();
        }
        after = edited(before);
    }

    public static String edited(String text) {
        List<String> lines = new ArrayList<>();
        String[] in = text.split("\n", -1);
        for (int i = 0; i < in.length; i++) {
            if (i % 200 == 100) {
                i++;
                continue;
            }
            lines.add(i % 50 == 7 ? in[i] + " (edited)" : in[i]);
            if (i % 300 == 150) {
                lines.add("A line the editor added.");
            }
        }
        return String.join("\n", lines);
    }

    @Benchmark
    public Object diff() {
        return switch (diff) {
            case "table" -> LcsDiff.of(before, after);
            case "textdiff" -> TextDiff.of(before, after);
            default -> DiffUtils.diff(Arrays.asList(before.split("\n", -1)), Arrays.asList(after.split("\n", -1)),
                    new MyersDiffWithLinearSpace<String>());
        };
    }
}
