package org.councilbrief.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.councilbrief.SharedData;
import org.councilbrief.council.States;
import org.councilbrief.document.SourceTexts;
import org.councilbrief.statement.Speech;
import org.councilbrief.statement.SpeechSplitter;

/**
 * Scores {@code speeches split} against the gold of ../shared/data/council-speeches, in the layout of the data (one
 * speech per paragraph) and in the printed layout {@link PrintedRecord} makes of it. A speech is right when the n-th
 * speech found starts with the gold's first twelve words, ends with its last twelve and has the gold's state. The gold
 * gives the President no state; the splitter gives one only when the President speaks "in my capacity as the
 * representative of" a state, and those speeches are counted apart.
 */
public final class SpeechSplitQuality {
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Score(String layout, int meetings, int speeches, int found, int right, int presidentResolved,
            List<String> misses) {
        public double rate() {
            return (double) right / speeches;
        }
    }

    public static Score measure(boolean printed) {
        Path root = SharedData.root().resolve("data/council-speeches");
        SpeechSplitter splitter = new SpeechSplitter();
        int meetings = 0;
        int total = 0;
        int found = 0;
        int right = 0;
        int resolved = 0;
        List<String> misses = new ArrayList<>();
        for (Path file : list(root.resolve("meetings"))) {
            String meeting = file.getFileName().toString().replace(".txt", "");
            List<JsonNode> gold = gold(root.resolve("gold/" + meeting + ".jsonl"));
            meetings++;
            String text = SharedData.read(file);
            if (printed) {
                text = PrintedRecord.layout(text, meeting.replace("SPV.", "S/PV."), "The situation in a country",
                        "15/01/2020", "20-0" + (1000 + meetings));
            }
            List<Speech> speeches;
            try {
                speeches = splitter.split(SourceTexts.of(meeting, text), null);
            } catch (Exception e) {
                speeches = List.of();
            }
            for (JsonNode g : gold) {
                total++;
                int index = g.get("index").asInt();
                if (index > speeches.size()) {
                    misses.add(meeting + " #" + index + " not found");
                    continue;
                }
                found++;
                Speech s = speeches.get(index - 1);
                List<String> words = Arrays.asList(s.text().strip().split("\\s+"));
                String first = String.join(" ", words.subList(0, Math.min(12, words.size())));
                String last = String.join(" ", words.subList(Math.max(0, words.size() - 12), words.size()));
                String goldCountry = g.get("country").isNull() ? null : code(g.get("country").asText());
                String country = s.countryCode();
                if (s.isPresident() && goldCountry == null && country != null) {
                    resolved++;
                    country = null;
                }
                boolean ok = first.equals(norm(g.get("firstWords").asText())) && last.equals(norm(g.get("lastWords").asText()))
                        && java.util.Objects.equals(country, goldCountry);
                if (ok) {
                    right++;
                } else {
                    misses.add(meeting + " #" + index + " " + s.label() + " | " + first + " ... " + last + " | gold "
                            + g.get("speakerLabel").asText() + " | " + g.get("firstWords").asText() + " ... "
                            + g.get("lastWords").asText());
                }
            }
        }
        return new Score(printed ? "printed verbatim record (95 columns, headers, footers, form feeds)"
                : "one speech per paragraph (the data as given)", meetings, total, found, right, resolved, misses);
    }

    private static String norm(String words) {
        return words.strip().replaceAll("\\s+", " ");
    }

    private static String code(String name) {
        return States.shipped().byNameOrNear(name).map(s -> s.code()).orElse("?" + name);
    }

    private static List<JsonNode> gold(Path file) {
        try {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    nodes.add(JSON.readTree(line));
                }
            }
            return nodes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        boolean verbose = args.length > 0 && args[0].equals("-v");
        System.out.println("| Layout | Meetings | Speeches | Found | Start, end and state right | President resolved |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (boolean printed : new boolean[] {false, true}) {
            Score s = measure(printed);
            System.out.printf("| %s | %d | %d | %d | %d (%.1f%%) | %d |%n", s.layout(), s.meetings(), s.speeches(),
                    s.found(), s.right(), 100 * s.rate(), s.presidentResolved());
            if (verbose) {
                s.misses().forEach(m -> System.out.println("    " + m));
            }
        }
    }
}
