package org.councilbrief.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The readings of the positions corpus (docs/annotation/positions-guidelines.md): for each reader, who speaks in each
 * unit and the (act, theme) pairs of each sentence; their agreement (pairwise F1, Krippendorff's alpha per act and
 * per theme) and the positions they give per meeting and member.
 */
public final class PositionReadings {
    /** The fixed acts and themes of the guidelines, in their order. */
    public static final List<String> ACTS = List.of("calls-for", "condemns", "expresses-concern", "welcomes",
            "rejects", "notes");
    public static final List<String> THEMES = List.of("accountability", "protection-of-civilians",
            "womens-participation", "sexual-violence", "children", "humanitarian-access", "ihl-ihrl",
            "foreign-security-personnel", "hate-speech", "cooperation-with-un", "elections-and-transition",
            "detention-and-torture", "civic-space", "displacement", "inclusion");

    /** One reader's reading: the units read with who speaks, and each sentence's labels ("act theme"). */
    public record Reading(String reader, Map<String, List<String>> units, Map<String, Set<String>> labels) {
        public Set<String> of(String sentence) {
            return labels.getOrDefault(sentence, Set.of());
        }
    }

    private PositionReadings() {
    }

    /** Reads every {@code *.tsv} of a reader's folder; a malformed line is an error naming the file and line. */
    public static Reading read(Path folder) {
        Map<String, List<String>> units = new LinkedHashMap<>();
        Map<String, Set<String>> labels = new TreeMap<>();
        String reader = folder.getFileName().toString();
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.toString().endsWith(".tsv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#reader")) {
                    continue;
                }
                String[] f = line.split("\\s+");
                String where = file.getFileName() + ":" + (i + 1) + ": ";
                if (f[0].equals("#unit")) {
                    if (f.length != 3 || !f[2].startsWith("members=")) {
                        throw new IllegalArgumentException(where + "a unit line is '#unit ID members=CODES'");
                    }
                    String members = f[2].substring("members=".length());
                    units.put(f[1], members.equals("-") ? List.of() : List.of(members.split(",")));
                    continue;
                }
                if (f.length != 3 || !ACTS.contains(f[1]) || !THEMES.contains(f[2])) {
                    throw new IllegalArgumentException(where + "not 'SENTENCE ACT THEME' with a known act and theme");
                }
                labels.computeIfAbsent(f[0], k -> new TreeSet<>()).add(f[1] + " " + f[2]);
            }
        }
        return new Reading(reader, units, labels);
    }

    /** The unit of a sentence id, its first two parts: "SPV.8703/4/12" is in "SPV.8703/4", "9350/USA/2/1" in "9350/USA". */
    public static String unitOf(String sentence) {
        int first = sentence.indexOf('/');
        int second = sentence.indexOf('/', first + 1);
        return second < 0 ? sentence : sentence.substring(0, second);
    }

    /** The meeting of a sentence or unit id. */
    public static String meetingOf(String id) {
        return id.substring(0, id.indexOf('/'));
    }

    /**
     * The positions a reading gives, as "meeting member act theme": each labelled sentence's pairs for every member
     * of its unit, "notes" dropped where the member has another act on that theme in that speech.
     */
    public static Set<String> positions(Map<String, Set<String>> labels, Map<String, List<String>> units,
            Predicate<String> keepUnit) {
        Map<String, Set<String>> bySpeech = new TreeMap<>(); // unit member theme -> acts
        for (Map.Entry<String, Set<String>> e : labels.entrySet()) {
            String unit = unitOf(e.getKey());
            if (!keepUnit.test(unit)) {
                continue;
            }
            for (String member : units.getOrDefault(unit, List.of())) {
                for (String label : e.getValue()) {
                    String[] at = label.split(" ");
                    bySpeech.computeIfAbsent(unit + " " + member + " " + at[1], k -> new TreeSet<>()).add(at[0]);
                }
            }
        }
        Set<String> out = new TreeSet<>();
        for (Map.Entry<String, Set<String>> e : bySpeech.entrySet()) {
            String[] k = e.getKey().split(" ");
            for (String act : e.getValue()) {
                if (act.equals("notes") && e.getValue().size() > 1) {
                    continue;
                }
                out.add(meetingOf(k[0]) + " " + k[1] + " " + act + " " + k[2]);
            }
        }
        return out;
    }

    /** F1 of two sets: 2|A ∩ B| / (|A| + |B|); 1 when both are empty. */
    public static double f1(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        long common = a.stream().filter(b::contains).count();
        return 2.0 * common / (a.size() + b.size());
    }

    /**
     * Krippendorff's alpha for nominal values when every coder codes every item: {@code values[item][coder]}.
     * Items where fewer than two coders gave a value (null) are left out. 1 is perfect agreement, 0 chance.
     */
    public static double alpha(List<String[]> values) {
        Map<String, Map<String, Double>> o = new TreeMap<>();
        for (String[] item : values) {
            List<String> given = new ArrayList<>();
            for (String v : item) {
                if (v != null) {
                    given.add(v);
                }
            }
            int m = given.size();
            if (m < 2) {
                continue;
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    if (i != j) {
                        o.computeIfAbsent(given.get(i), k -> new TreeMap<>()).merge(given.get(j), 1.0 / (m - 1),
                                Double::sum);
                    }
                }
            }
        }
        Map<String, Double> nc = new TreeMap<>();
        double n = 0;
        double disagreeing = 0;
        for (Map.Entry<String, Map<String, Double>> row : o.entrySet()) {
            for (Map.Entry<String, Double> cell : row.getValue().entrySet()) {
                nc.merge(row.getKey(), cell.getValue(), Double::sum);
                n += cell.getValue();
                if (!row.getKey().equals(cell.getKey())) {
                    disagreeing += cell.getValue();
                }
            }
        }
        double expected = 0;
        for (Map.Entry<String, Double> c : nc.entrySet()) {
            for (Map.Entry<String, Double> k : nc.entrySet()) {
                if (!c.getKey().equals(k.getKey())) {
                    expected += c.getValue() * k.getValue();
                }
            }
        }
        if (expected == 0) {
            return disagreeing == 0 ? 1 : 0;
        }
        return 1 - (n - 1) * disagreeing / expected;
    }

    /** Per sentence read by all readers: whether each reader's labels hold one of the given predicate's pairs. */
    static List<String[]> presence(List<Reading> readings, List<String> sentences, Predicate<String> label) {
        List<String[]> values = new ArrayList<>();
        for (String s : sentences) {
            String[] item = new String[readings.size()];
            for (int r = 0; r < readings.size(); r++) {
                item[r] = readings.get(r).of(s).stream().anyMatch(label) ? "1" : "0";
            }
            values.add(item);
        }
        return values;
    }

    /** The sentences of the index (sentences.tsv) whose units every reading has read. */
    static List<String> readByAll(List<String> sentences, List<Reading> readings) {
        return sentences.stream().filter(s -> readings.stream().allMatch(r -> r.units().containsKey(unitOf(s))))
                .toList();
    }

    /** Ids of the corpus index, in order. */
    public static List<String> sentenceIds(Path index) {
        try {
            return Files.readAllLines(index, StandardCharsets.UTF_8).stream().filter(l -> !l.startsWith("#"))
                    .map(l -> l.substring(0, l.indexOf('\t'))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sentence-level label set of a reading restricted to some sentences, as "sentence act theme". */
    static Set<String> labelSet(Reading r, List<String> sentences) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : sentences) {
            for (String l : r.of(s)) {
                out.add(s + " " + l);
            }
        }
        return out;
    }

    /** Prints the agreement tables of the readings in the given folders (args: index, folders...). */
    public static void main(String[] args) {
        List<String> all = sentenceIds(Path.of(args[0]));
        List<Reading> readings = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            readings.add(read(Path.of(args[i])));
        }
        List<String> common = readByAll(all, readings);
        Set<String> units = new TreeSet<>();
        common.forEach(s -> units.add(unitOf(s)));
        System.out.printf("%d sentences in %d units read by all %d readers (of %d sentences)%n", common.size(),
                units.size(), readings.size(), all.size());
        System.out.println("| Pair | sentence labels: A | B | both | F1 | positions: A | B | both | F1 |");
        for (int a = 0; a < readings.size(); a++) {
            for (int b = a + 1; b < readings.size(); b++) {
                Reading ra = readings.get(a);
                Reading rb = readings.get(b);
                Set<String> la = labelSet(ra, common);
                Set<String> lb = labelSet(rb, common);
                Set<String> pa = positions(ra.labels(), ra.units(), units::contains);
                Set<String> pb = positions(rb.labels(), rb.units(), units::contains);
                System.out.printf("| %s-%s | %d | %d | %d | %.2f | %d | %d | %d | %.2f |%n", ra.reader(), rb.reader(),
                        la.size(), lb.size(), la.stream().filter(lb::contains).count(), f1(la, lb), pa.size(),
                        pb.size(), pa.stream().filter(pb::contains).count(), f1(pa, pb));
            }
        }
        System.out.printf("alpha, any position in the sentence: %.2f%n",
                alpha(presence(readings, common, l -> true)));
        System.out.println("| Act | sentences (mean per reader) | pairwise F1 (mean) | alpha |");
        for (String act : ACTS) {
            Predicate<String> of = l -> l.startsWith(act + " ");
            System.out.printf("| %s | %.0f | %.2f | %.2f |%n", act, mean(readings, common, of),
                    pairwiseF1(readings, common, of), alpha(presence(readings, common, of)));
        }
        System.out.println("| Theme | sentences (mean per reader) | pairwise F1 (mean) | alpha |");
        for (String theme : THEMES) {
            Predicate<String> of = l -> l.endsWith(" " + theme);
            System.out.printf("| %s | %.0f | %.2f | %.2f |%n", theme, mean(readings, common, of),
                    pairwiseF1(readings, common, of), alpha(presence(readings, common, of)));
        }
    }

    /** The mean over pairs of readers of the F1 of their sentence labels that the predicate keeps. */
    static double pairwiseF1(List<Reading> readings, List<String> sentences, Predicate<String> label) {
        double sum = 0;
        int pairs = 0;
        for (int a = 0; a < readings.size(); a++) {
            for (int b = a + 1; b < readings.size(); b++) {
                Set<String> la = new LinkedHashSet<>(labelSet(readings.get(a), sentences));
                Set<String> lb = new LinkedHashSet<>(labelSet(readings.get(b), sentences));
                la.removeIf(l -> !label.test(l.substring(l.indexOf(' ') + 1)));
                lb.removeIf(l -> !label.test(l.substring(l.indexOf(' ') + 1)));
                sum += f1(la, lb);
                pairs++;
            }
        }
        return sum / pairs;
    }

    private static double mean(List<Reading> readings, List<String> sentences, Predicate<String> label) {
        double sum = 0;
        for (Reading r : readings) {
            sum += sentences.stream().filter(s -> r.of(s).stream().anyMatch(label)).count();
        }
        return sum / readings.size();
    }
}
