package org.councilbrief.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.councilbrief.AppException;
import org.councilbrief.document.SourceTexts;
import org.councilbrief.statement.SpeechSplitter;
import org.councilbrief.upr.UprReportParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Ingestion throughput on ../shared/data: one operation reads, decodes and extracts all 192 UPR reports (40 in
 * reports/, 152 in extra_cycle1/), or splits all 25 meeting records (596 speeches), from the files each time. Run with
 * {@code bench/jmh.sh Ingest}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class IngestBenchmark {
    private List<Path> reports;
    private List<Path> meetings;
    private final UprReportParser parser = new UprReportParser();
    private final SpeechSplitter splitter = new SpeechSplitter();

    @Setup
    public void setUp() throws IOException {
        Path data = Path.of(System.getProperty("councilbrief.shared", "../shared"), "data");
        reports = new ArrayList<>(list(data.resolve("upr-reports/reports")));
        reports.addAll(list(data.resolve("upr-reports/extra_cycle1/reports")));
        meetings = list(data.resolve("council-speeches/meetings"));
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    /** All 192 reports; reports per second = 192 000 / (ms per operation). */
    @Benchmark
    public int extractAllUprReports() throws AppException {
        int recommendations = 0;
        for (Path report : reports) {
            recommendations += parser.parse(SourceTexts.read(report)).recommendations().size();
        }
        return recommendations;
    }

    /** All 25 meeting records, 596 speeches. */
    @Benchmark
    public int splitAllMeetingRecords() throws AppException {
        int speeches = 0;
        for (Path meeting : meetings) {
            speeches += splitter.split(SourceTexts.read(meeting), null).size();
        }
        return speeches;
    }
}
