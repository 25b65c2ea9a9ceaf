package org.councilbrief.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.councilbrief.SharedData;
import org.councilbrief.council.States;
import org.councilbrief.document.SourceTexts;
import org.councilbrief.upr.ExtractedRecommendation;
import org.councilbrief.upr.UprReport;
import org.councilbrief.upr.UprReportParser;

/**
 * Scores {@code upr extract} against the UPR Info gold of {@code ../shared/data/upr-reports}: for every numbered
 * recommendation in the gold (a paragraph such as "101.3" or "56.2"), is it found, and are its recommending states
 * exactly the gold's (the union of the gold lines that UPR Info split out of it)? Run {@link #main} to print the table
 * of docs/quality.md.
 */
public final class UprExtractionQuality {
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Miss(String report, String paragraph, Set<String> gold, Set<String> found) {
    }

    public record Score(String set, int reports, int paragraphs, int found, int statesRight, List<Miss> misses) {
        public double foundRate() {
            return (double) found / paragraphs;
        }

        public double statesRate() {
            return (double) statesRight / found;
        }
    }

    public static Score measure(String set, Path reports, Path gold) {
        UprReportParser parser = new UprReportParser();
        int reportCount = 0;
        int paragraphs = 0;
        int found = 0;
        int right = 0;
        List<Miss> misses = new ArrayList<>();
        for (Path report : list(reports)) {
            String name = report.getFileName().toString().replaceFirst("\\.txt$", "");
            Path goldFile = gold.resolve(name + ".jsonl");
            if (!Files.exists(goldFile)) {
                continue;
            }
            reportCount++;
            Map<String, Set<String>> expected = goldParagraphs(goldFile);
            Map<String, Set<String>> actual = new HashMap<>();
            try {
                UprReport parsed = parser.parse(SourceTexts.read(report));
                for (ExtractedRecommendation r : parsed.recommendations()) {
                    actual.computeIfAbsent(r.paragraph(), k -> new LinkedHashSet<>()).addAll(r.recommendingStateCodes());
                }
            } catch (Exception e) {
                // scored as nothing found
            }
            for (Map.Entry<String, Set<String>> e : expected.entrySet()) {
                paragraphs++;
                Set<String> got = actual.get(e.getKey());
                if (got == null) {
                    misses.add(new Miss(name, e.getKey(), e.getValue(), null));
                    continue;
                }
                found++;
                if (got.equals(e.getValue())) {
                    right++;
                } else {
                    misses.add(new Miss(name, e.getKey(), e.getValue(), got));
                }
            }
        }
        return new Score(set, reportCount, paragraphs, found, right, misses);
    }

    static Map<String, Set<String>> goldParagraphs(Path goldFile) {
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(goldFile)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                JsonNode paragraph = node.get("paragraph");
                if (paragraph == null || paragraph.isNull()) {
                    continue;
                }
                Set<String> codes = expected.computeIfAbsent(paragraph.asText(), k -> new LinkedHashSet<>());
                for (JsonNode state : node.get("recommendingStates")) {
                    States.shipped().byNameOrNear(state.asText()).ifPresent(s -> codes.add(s.code()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return expected;
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Score> measureAll() {
        Path root = SharedData.root().resolve("data/upr-reports");
        return List.of(
                measure("reports (40, cycle 1)", root.resolve("reports"), root.resolve("gold")),
                measure("extra_cycle1 (152, cycle 1)", root.resolve("extra_cycle1/reports"),
                        root.resolve("extra_cycle1/gold")),
                measure("slovenia_4th_cycle (2025)", root.resolve("slovenia_4th_cycle/reports"),
                        root.resolve("slovenia_4th_cycle/gold")));
    }

    public static void main(String[] args) {
        boolean verbose = args.length > 0 && args[0].equals("-v");
        System.out.println("| Set | Reports | Numbered recommendations | Found | States exactly right (of found) |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (Score s : measureAll()) {
            System.out.printf("| %s | %d | %d | %d (%.1f%%) | %d (%.1f%%) |%n", s.set(), s.reports(), s.paragraphs(),
                    s.found(), 100 * s.foundRate(), s.statesRight(), 100 * s.statesRate());
            if (verbose) {
                s.misses().forEach(m -> System.out.println("    " + m));
            }
        }
    }
}
