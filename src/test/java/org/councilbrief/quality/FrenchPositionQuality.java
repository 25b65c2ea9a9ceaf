package org.councilbrief.quality;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.councilbrief.SharedData;
import org.councilbrief.statement.PositionExtractor;
import org.councilbrief.statement.PositionReader;

/**
 * How well statements in French are read (issue 11, item 5): 80 sentences of the corpus's validation part in French
 * ({@code positions/french/sentences.tsv}), read by a French reader following the guidelines
 * ({@code positions/french/reading.tsv}), against the French rules of {@link PositionExtractor} (the learnt reader
 * is English only). The unit is (sentence, act, theme) on the fixed themes.
 */
public final class FrenchPositionQuality {
    static final Path FOLDER = Path.of("src/test/resources/positions/french");

    private FrenchPositionQuality() {
    }

    /** The French sentences by id ("F1"). */
    static Map<String, String> sentences() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : SharedData.read(FOLDER.resolve("sentences.tsv")).lines().toList()) {
            if (!line.startsWith("#") && !line.isBlank()) {
                String[] f = line.split("\t");
                out.put(f[0], f[2]);
            }
        }
        return out;
    }

    /** The reader's labels, as "id act theme". */
    static Set<String> reading() {
        Set<String> out = new TreeSet<>();
        for (String line : SharedData.read(FOLDER.resolve("reading.tsv")).lines().toList()) {
            if (!line.startsWith("#") && !line.isBlank()) {
                out.add(String.join(" ", line.split("\t")));
            }
        }
        return out;
    }

    /** What the rules read in each sentence, as "id act theme", on the fixed themes. */
    static Set<String> rules() {
        PositionExtractor extractor = new PositionExtractor();
        Set<String> out = new TreeSet<>();
        for (Map.Entry<String, String> e : sentences().entrySet()) {
            for (PositionExtractor.Found f : extractor.extract(e.getValue(), List.of("FRA"))) {
                if (PositionReader.THEMES.contains(f.theme().id())) {
                    out.add(e.getKey() + " " + f.act().id() + " " + f.theme().id());
                }
            }
        }
        return out;
    }

    /** Right, wrong, missed. */
    static int[] score(Set<String> proposed, Set<String> gold) {
        List<String> right = new ArrayList<>(proposed);
        right.retainAll(gold);
        return new int[] {right.size(), proposed.size() - right.size(), gold.size() - right.size()};
    }

    /** The share of the rules' French proposals that the reader holds: the probability French proposals carry. */
    static double rulesPrecision() {
        int[] s = score(rules(), reading());
        return s[0] / (double) (s[0] + s[1]);
    }

    public static void main(String[] args) {
        int[] s = score(rules(), reading());
        System.out.printf("French, rules: right %d, wrong %d, missed %d: precision %.2f, recall %.2f%n", s[0], s[1],
                s[2], s[0] / (double) (s[0] + s[1]), s[0] / (double) (s[0] + s[2]));
    }
}
