package org.councilbrief.quality;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.councilbrief.SharedData;
import org.councilbrief.statement.PositionExtractor;
import org.councilbrief.statement.PositionReader;

/**
 * Learns and measures the positions reader on the corpus (issue 11): the variants are learnt on the training part,
 * compared on the validation part at the unit the maintainers score, (meeting, member, act, theme), each at the
 * threshold that holds precision 0.85 on validation; the test part is scored once, for the chosen variant.
 * <p>
 * {@code main(gold-folder, [variant ...])} prints the validation table; {@code --test VARIANT} prints the test
 * figures of one variant and nothing else.
 */
public final class PositionReaderQuality {
    static final Path CORPUS = Path.of("src/test/resources/positions/corpus");

    /** A sentence of the corpus with what the program knows of it (text, the sentence before, who speaks). */
    record Row(PositionCorpus.Sentence sentence, String previous, PositionCorpus.Unit unit, String part) {
    }

    /** Precision and recall of a set of proposed positions against gold ones. */
    record Score(int right, int wrong, int missed) {
        double precision() {
            return right + wrong == 0 ? 1 : (double) right / (right + wrong);
        }

        double recall() {
            return right + missed == 0 ? 1 : (double) right / (right + missed);
        }
    }

    /** How a variant is built: its settings and its embedding, if any. */
    record Variant(String name, PositionReader.Settings settings, String embedding) {
    }

    static final List<Variant> VARIANTS = List.of(
            new Variant("linear", settings(true, false), null),
            new Variant("linear+rules", settings(true, true), null),
            new Variant("minilm-q", settings(false, false), "all-minilm-l6-v2-q"),
            new Variant("minilm", settings(false, false), "all-minilm-l6-v2"),
            new Variant("e5-q", settings(false, false), "e5-small-v2-q"),
            new Variant("e5", settings(false, false), "e5-small-v2"),
            new Variant("bge-q", settings(false, false), "bge-small-en-v15-q"),
            new Variant("bge", settings(false, false), "bge-small-en-v15"),
            new Variant("stacked minilm-q", settings(true, true), "all-minilm-l6-v2-q"),
            new Variant("stacked e5-q", settings(true, true), "e5-small-v2-q"),
            new Variant("stacked bge-q", settings(true, true), "bge-small-en-v15-q"),
            new Variant("stacked bge", settings(true, true), "bge-small-en-v15"));

    private static PositionReader.Settings settings(boolean words, boolean rules) {
        PositionReader.Settings d = PositionReader.Settings.DEFAULT;
        return new PositionReader.Settings(words, rules, d.epochs(), d.learningRate(), d.l2(), d.minCount(),
                d.seed());
    }

    private PositionReaderQuality() {
    }

    /** Every sentence of the corpus with its part of the split. */
    static List<Row> rows() {
        Map<String, String> split = new HashMap<>();
        for (String line : SharedData.read(CORPUS.resolve("split.tsv")).lines().toList()) {
            if (!line.startsWith("#") && !line.isBlank()) {
                String[] f = line.split("\t");
                split.put(f[0], f[1]);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (PositionCorpus.Unit unit : PositionCorpus.units()) {
            String part = split.get(PositionReadings.meetingOf(unit.id()));
            String previous = null;
            for (PositionCorpus.Sentence s : unit.sentences()) {
                rows.add(new Row(s, previous, unit, part));
                previous = s.text();
            }
        }
        return rows;
    }

    static List<PositionReader.Example> examples(List<Row> rows, PositionReadings.Reading gold, float[][] dense) {
        List<PositionReader.Example> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            out.add(new PositionReader.Example(r.sentence().text(), r.previous(), r.unit().speakers(),
                    gold.of(r.sentence().id()), dense == null ? null : dense[i]));
        }
        return out;
    }

    /** Sentence embeddings of every row, computed once per model and kept under target/. */
    static float[][] embeddings(String model, List<Row> rows) {
        Path cache = Path.of("target/embeddings/" + model + "-" + rows.size() + ".f32");
        if (Files.exists(cache)) {
            try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(cache)))) {
                int n = in.readInt();
                int d = in.readInt();
                float[][] out = new float[n][d];
                for (float[] v : out) {
                    for (int j = 0; j < d; j++) {
                        v[j] = in.readFloat();
                    }
                }
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        long start = System.nanoTime();
        float[][] out = embed(model, rows.stream().map(r -> r.sentence().text()).toList());
        System.err.printf("%s: %d sentences embedded in %.1f s%n", model, rows.size(),
                (System.nanoTime() - start) / 1e9);
        try {
            Files.createDirectories(cache.getParent());
            try (DataOutputStream o = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(cache)))) {
                o.writeInt(out.length);
                o.writeInt(out[0].length);
                for (float[] v : out) {
                    for (float x : v) {
                        o.writeFloat(x);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Texts embedded by a model, in batches of 64 (e5 reads "query: " before each). */
    static float[][] embed(String model, List<String> texts) {
        EmbeddingModel embedder = embedder(model);
        String prefix = model.startsWith("e5") ? "query: " : "";
        float[][] out = new float[texts.size()][];
        for (int from = 0; from < texts.size(); from += 64) {
            List<TextSegment> batch = new ArrayList<>();
            for (int i = from; i < Math.min(texts.size(), from + 64); i++) {
                batch.add(TextSegment.from(prefix + texts.get(i)));
            }
            var vectors = embedder.embedAll(batch).content();
            for (int i = 0; i < vectors.size(); i++) {
                out[from + i] = vectors.get(i).vector();
            }
        }
        return out;
    }

    static EmbeddingModel embedder(String model) {
        Map<String, Supplier<EmbeddingModel>> models = Map.of(
                "all-minilm-l6-v2-q", dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel::new,
                "all-minilm-l6-v2", dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel::new,
                "e5-small-v2-q", dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel::new,
                "e5-small-v2", dev.langchain4j.model.embedding.onnx.e5smallv2.E5SmallV2EmbeddingModel::new,
                "bge-small-en-v15-q", dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel::new,
                "bge-small-en-v15", dev.langchain4j.model.embedding.onnx.bgesmallenv15.BgeSmallEnV15EmbeddingModel::new);
        return models.get(model).get();
    }

    /**
     * The positions a reader proposes in the rows of one part, each with its probability (the highest of the
     * sentences that show it): "meeting member act theme".
     */
    static Map<String, Double> proposals(PositionReader reader, List<Row> rows, float[][] dense, String part) {
        Map<String, Double> bySpeech = new TreeMap<>(); // unit member act theme -> probability
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (!r.part().equals(part)) {
                continue;
            }
            for (PositionReader.Scored s : reader.read(r.sentence().text(), r.previous(), r.unit().speakers(),
                    dense == null ? null : dense[i])) {
                if (s.probability() < 0.02) {
                    break;
                }
                for (String member : r.unit().speakers()) {
                    bySpeech.merge(r.unit().id() + " " + member + " " + s.act().id() + " " + s.theme(),
                            s.probability(), Math::max);
                }
            }
        }
        return byMeeting(bySpeech);
    }

    /** From speech-level to meeting-level positions, a "notes" dropped where the speech has another act there. */
    static Map<String, Double> byMeeting(Map<String, Double> bySpeech) {
        Map<String, Double> out = new TreeMap<>();
        for (Map.Entry<String, Double> e : bySpeech.entrySet()) {
            String[] k = e.getKey().split(" ");
            if (k[2].equals("notes")) {
                boolean other = bySpeech.entrySet().stream().anyMatch(o -> {
                    String[] ok = o.getKey().split(" ");
                    return ok[0].equals(k[0]) && ok[1].equals(k[1]) && ok[3].equals(k[3]) && !ok[2].equals("notes")
                            && o.getValue() >= e.getValue();
                });
                if (other) {
                    continue;
                }
            }
            out.merge(PositionReadings.meetingOf(k[0]) + " " + k[1] + " " + k[2] + " " + k[3], e.getValue(),
                    Math::max);
        }
        return out;
    }

    static Score score(Map<String, Double> proposed, double threshold, Set<String> gold) {
        int right = 0;
        int wrong = 0;
        for (Map.Entry<String, Double> e : proposed.entrySet()) {
            if (e.getValue() >= threshold) {
                if (gold.contains(e.getKey())) {
                    right++;
                } else {
                    wrong++;
                }
            }
        }
        return new Score(right, wrong, gold.size() - right);
    }

    /** The lowest threshold at which precision is at least the target (the highest recall that keeps it). */
    static double thresholdFor(Map<String, Double> proposed, Set<String> gold, double precision) {
        List<Double> values = new ArrayList<>(new TreeSet<>(proposed.values()));
        for (double t : values) {
            Score s = score(proposed, t, gold);
            if (s.precision() >= precision && s.right() > 0) {
                return t;
            }
        }
        return 1.0;
    }

    /** Recall at precision 0.6, 0.7, 0.8 and 0.85, and the best F1 with its precision and recall. */
    static String curve(Map<String, Double> proposed, Set<String> gold) {
        StringBuilder out = new StringBuilder();
        for (double p : new double[] {0.6, 0.7, 0.8, 0.85}) {
            Score s = score(proposed, thresholdFor(proposed, gold, p), gold);
            out.append(String.format("R@P%.2f=%.2f ", p, s.recall()));
        }
        double best = 0;
        Score at = null;
        for (double t : new TreeSet<>(proposed.values())) {
            Score s = score(proposed, t, gold);
            double f1 = 2 * s.precision() * s.recall() / (s.precision() + s.recall() + 1e-12);
            if (f1 > best) {
                best = f1;
                at = s;
            }
        }
        return out + String.format("bestF1=%.2f (P %.2f R %.2f)", best, at == null ? 0 : at.precision(),
                at == null ? 0 : at.recall());
    }

    /** The rules alone (the extractor before the learnt reader), on a part: positions on the fixed themes only. */
    static Map<String, Double> rules(List<Row> rows, String part) {
        Map<String, Double> bySpeech = new TreeMap<>();
        Map<String, PositionCorpus.Unit> units = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.part().equals(part)) {
                units.put(r.unit().id(), r.unit());
            }
        }
        PositionExtractor extractor = new PositionExtractor();
        for (PositionCorpus.Unit unit : units.values()) {
            String text = String.join(" ", unit.sentences().stream().map(PositionCorpus.Sentence::text).toList());
            for (PositionExtractor.Found f : extractor.extract(text, unit.speakers())) {
                String theme = FIXED.getOrDefault(f.theme().id(), f.theme().id());
                if (PositionReader.THEMES.contains(theme)) {
                    bySpeech.put(unit.id() + " " + f.stateCode() + " " + f.act().id() + " " + theme, 1.0);
                }
            }
        }
        return byMeeting(bySpeech);
    }

    /** Labels of the scheme before the fixed ids were restored (issue 11), mapped to them. */
    static final Map<String, String> FIXED = Map.of("conflict-related-sexual-violence", "sexual-violence",
            "children-and-armed-conflict", "children", "cooperation-with-un-mechanisms", "cooperation-with-un");

    /** Gold positions of the units of a part. */
    static Set<String> goldPositions(PositionReadings.Reading gold, List<Row> rows, String part) {
        Set<String> units = new TreeSet<>();
        rows.stream().filter(r -> r.part().equals(part)).forEach(r -> units.add(r.unit().id()));
        return PositionReadings.positions(gold.labels(), gold.units(), units::contains);
    }

    /** Learns a variant on the training part and calibrates it on validation; returns it with its embeddings. */
    static PositionReader learn(Variant v, List<Row> rows, PositionReadings.Reading gold, float[][] dense) {
        List<PositionReader.Example> all = examples(rows, gold, dense);
        List<PositionReader.Example> training = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).part().equals("training")) {
                training.add(all.get(i));
            }
        }
        PositionReader reader = PositionReader.train(training, v.settings());
        // calibration on the validation sentences: every pair of every sentence, right if gold has it
        List<Double> scores = new ArrayList<>();
        List<Boolean> right = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).part().equals("validation")) {
                continue;
            }
            Set<String> labels = gold.of(rows.get(i).sentence().id());
            PositionReader identity = reader;
            for (PositionReader.Scored s : identity.read(rows.get(i).sentence().text(), rows.get(i).previous(),
                    rows.get(i).unit().speakers(), dense == null ? null : dense[i])) {
                scores.add(s.probability());
                right.add(labels.contains(s.act().id() + " " + s.theme()));
            }
        }
        double[] x = scores.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] y = new boolean[right.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = right.get(i);
        }
        double[] ab = PositionReader.fitCalibration(x, y);
        PositionReader calibrated = reader.calibrated(ab[0], ab[1], 0.5);
        Map<String, Double> proposed = proposals(calibrated, rows, dense, "validation");
        double threshold = thresholdFor(proposed, goldPositions(gold, rows, "validation"), 0.85);
        return calibrated.calibrated(ab[0], ab[1], threshold);
    }

    public static void main(String[] args) {
        PositionReadings.Reading gold = PositionReadings.read(Path.of(args[0]));
        List<Row> rows = rows();
        boolean test = args.length > 2 && args[1].equals("--test");
        Set<String> validationGold = goldPositions(gold, rows, "validation");
        if (!test) {
            Score r = score(rules(rows, "validation"), 0.5, validationGold);
            System.out.printf("| rules | %d | %d | %d | %.2f | %.2f |%n", r.right(), r.wrong(), r.missed(),
                    r.precision(), r.recall());
        }
        for (Variant v : VARIANTS) {
            if (args.length > 1 && !test && !List.of(args).subList(1, args.length).contains(v.name())) {
                continue;
            }
            if (test && !v.name().equals(args[2])) {
                continue;
            }
            float[][] dense = v.embedding() == null ? null : embeddings(v.embedding(), rows);
            long start = System.nanoTime();
            PositionReader reader = learn(v, rows, gold, dense);
            double seconds = (System.nanoTime() - start) / 1e9;
            String part = test ? "test" : "validation";
            Set<String> g = goldPositions(gold, rows, part);
            Score s = score(proposals(reader, rows, dense, part), reader.threshold(), g);
            System.out.printf("| %s | %d | %d | %d | %.2f | %.2f | threshold %.3f | learnt in %.1f s |%n", v.name(),
                    s.right(), s.wrong(), s.missed(), s.precision(), s.recall(), reader.threshold(), seconds);
            if (!test) {
                System.out.println("    " + curve(proposals(reader, rows, dense, part), g));
            }
        }
    }
}
