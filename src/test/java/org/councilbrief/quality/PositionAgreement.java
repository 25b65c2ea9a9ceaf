package org.councilbrief.quality;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.councilbrief.SharedData;
import org.councilbrief.statement.PositionExtractor;

/**
 * How stable the annotation of positions is, and what that means for the extractor's figures: the held-out statements
 * read twice (gold.tsv, then second-reading.tsv, the second without the first in view), compared with each other and
 * with the extractor. A unit is (statement, member, act, theme), as in {@link PositionQuality}.
 */
public final class PositionAgreement {
    /** Agreement and the extractor against each reading, on the held-out statements. */
    public record Figures(PositionQuality.Counts secondAgainstFirst, PositionQuality.Counts extractorAgainstFirst,
            PositionQuality.Counts extractorAgainstSecond, PositionQuality.Counts extractorAgainstBoth,
            int statements) {
    }

    private PositionAgreement() {
    }

    /** The second reading: statement id to its positions. */
    public static Map<String, Set<String>> secondReading() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String line : SharedData.read(Path.of("src/test/resources/positions/second-reading.tsv")).lines()
                .toList()) {
            if (line.startsWith("#") || line.startsWith("id\t") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            Set<String> positions = new LinkedHashSet<>();
            if (!f[1].equals("-")) {
                for (String p : f[1].split(";\\s*")) {
                    positions.add(p.strip());
                }
            }
            out.put(f[0], positions);
        }
        return out;
    }

    /**
     * The held-out statements read twice. "Against both": a proposal counts as right when either reading has it
     * (lenient precision), and a position is missed only when both readings have it (strict recall): the figures an
     * extractor would get if the annotation's own hesitations were not counted against it.
     */
    public static Figures measure() {
        Map<String, Set<String>> second = secondReading();
        List<PositionQuality.Item> items = PositionQuality.items().stream().filter(i -> second.containsKey(i.id()))
                .toList();
        PositionExtractor extractor = new PositionExtractor();
        PositionQuality.Counts agreement = new PositionQuality.Counts(0, 0, 0);
        PositionQuality.Counts first = agreement;
        PositionQuality.Counts again = agreement;
        PositionQuality.Counts both = agreement;
        for (PositionQuality.Item item : items) {
            Set<String> a = item.gold();
            Set<String> b = second.get(item.id());
            Set<String> got = PositionQuality.predicted(extractor, item);
            agreement = agreement.plus(compare(b, a));
            first = first.plus(compare(got, a));
            again = again.plus(compare(got, b));
            Set<String> either = new LinkedHashSet<>(a);
            either.addAll(b);
            Set<String> agreed = new LinkedHashSet<>(a);
            agreed.retainAll(b);
            int tp = (int) got.stream().filter(either::contains).count();
            int fp = got.size() - tp;
            int fn = (int) agreed.stream().filter(p -> !got.contains(p)).count();
            both = both.plus(new PositionQuality.Counts(tp, fp, fn));
        }
        return new Figures(agreement, first, again, both, items.size());
    }

    private static PositionQuality.Counts compare(Set<String> found, Set<String> reference) {
        int tp = (int) found.stream().filter(reference::contains).count();
        return new PositionQuality.Counts(tp, found.size() - tp, reference.size() - tp);
    }

    public static void main(String[] args) {
        Figures f = measure();
        System.out.println("statements: " + f.statements());
        print("second reading against the first", f.secondAgainstFirst());
        print("extractor against the first reading", f.extractorAgainstFirst());
        print("extractor against the second reading", f.extractorAgainstSecond());
        print("extractor, right if either reading has it, missed if both have it", f.extractorAgainstBoth());
    }

    private static void print(String what, PositionQuality.Counts c) {
        double f1 = 2.0 * c.tp() / (2.0 * c.tp() + c.fp() + c.fn());
        System.out.printf("| %s | %d | %d | %d | %.2f | %.2f | %.2f |%n", what, c.tp(), c.fp(), c.fn(),
                c.precision(), c.recall(), f1);
    }
}
