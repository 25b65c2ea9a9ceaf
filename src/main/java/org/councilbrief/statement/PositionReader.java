package org.councilbrief.statement;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.councilbrief.theme.Language;
import org.councilbrief.theme.LinearTagger;
import org.councilbrief.theme.RuleTagger;
import org.councilbrief.theme.Taxonomy;

/**
 * The learnt reader of Council statements (issue 11, decision 0025): for one sentence of a member's speech, the
 * probability of each (act, theme) pair of the Council scheme's fixed themes. It is learnt from sentences read by
 * several readers (docs/annotation/positions-guidelines.md).
 * <p>
 * Two sets of logistic regressions over the same features: one per theme (does the sentence take a position on it?)
 * and one per act (which act, given that it takes one). A pair's score is the product, mapped to a probability by a
 * logistic calibration fitted on sentences the model was not learnt from. Features: the sentence's words and word
 * pairs, the cue phrases of the Council scheme it and the sentence before contain, the act cues and whether the
 * speaker is the sentence's voice, the rules' own reading of the sentence ({@link PositionExtractor}), and
 * optionally a sentence embedding.
 */
public final class PositionReader {
    /** The fixed themes of DESIGN.md, the ones readers annotate. */
    public static final List<String> THEMES = List.of("accountability", "protection-of-civilians",
            "womens-participation", "sexual-violence", "children", "humanitarian-access", "ihl-ihrl",
            "foreign-security-personnel", "hate-speech", "cooperation-with-un", "elections-and-transition",
            "detention-and-torture", "civic-space", "displacement", "inclusion");
    static final Act[] ACTS = Act.values();
    private static final int FORMAT = 1;

    /** Which features to use and how to learn. */
    public record Settings(boolean words, boolean rules, int epochs, double learningRate, double l2, int minCount,
            long seed) {
        public static final Settings DEFAULT = new Settings(true, true, 24, 0.5, 1e-6, 2, 7);
    }

    /** One sentence to learn from: its text, the sentence before, who speaks, its labels ("act theme"). */
    public record Example(String text, String previous, List<String> speakers, Set<String> labels, float[] dense) {
    }

    /** A pair and its probability. */
    public record Scored(Act act, String theme, double probability) {
    }

    private final Settings settings;
    private final Map<String, Integer> vocabulary;
    private final int dense;
    private final float[][] weights; // [output][feature]: themes, then acts; features: vocabulary, dense, bias
    private final double calibrationA;
    private final double calibrationB;
    private final double threshold;

    PositionReader(Settings settings, Map<String, Integer> vocabulary, int dense, float[][] weights,
            double calibrationA, double calibrationB, double threshold) {
        this.settings = settings;
        this.vocabulary = vocabulary;
        this.dense = dense;
        this.weights = weights;
        this.calibrationA = calibrationA;
        this.calibrationB = calibrationB;
        this.threshold = threshold;
    }

    /** The probability above which a pair is proposed by default (chosen on validation for precision 0.85). */
    public double threshold() {
        return threshold;
    }

    public int denseDimensions() {
        return dense;
    }

    /** The same model with a calibration and a default threshold. */
    public PositionReader calibrated(double a, double b, double newThreshold) {
        return new PositionReader(settings, vocabulary, dense, weights, a, b, newThreshold);
    }

    /** Every pair of the fixed themes with its probability, most probable first. */
    public List<Scored> read(String sentence, String previous, List<String> speakers, float[] embedding) {
        double[] raw = raw(sentence, previous, speakers, embedding);
        List<Scored> out = new ArrayList<>();
        for (int t = 0; t < THEMES.size(); t++) {
            for (int a = 0; a < ACTS.length; a++) {
                double score = raw[t] * raw[THEMES.size() + a];
                out.add(new Scored(ACTS[a], THEMES.get(t), calibrate(score)));
            }
        }
        out.sort((x, y) -> Double.compare(y.probability(), x.probability()));
        return out;
    }

    /** Theme probabilities, then act probabilities given a position, before calibration. */
    public double[] raw(String sentence, String previous, List<String> speakers, float[] embedding) {
        return outputs(sparse(featureNames(settings, sentence, previous, speakers)), embedding);
    }

    double calibrate(double score) {
        double logit = Math.log(Math.max(score, 1e-9) / Math.max(1 - score, 1e-9));
        return 1 / (1 + Math.exp(-(calibrationA * logit + calibrationB)));
    }

    private double[] outputs(int[] features, float[] embedding) {
        int bias = vocabulary.size() + dense;
        double value = features.length == 0 ? 0 : 1 / Math.sqrt(features.length);
        double[] out = new double[weights.length];
        for (int o = 0; o < weights.length; o++) {
            float[] w = weights[o];
            double z = w[bias];
            for (int f : features) {
                z += w[f] * value;
            }
            if (dense > 0 && embedding != null) {
                for (int d = 0; d < dense; d++) {
                    z += w[vocabulary.size() + d] * embedding[d];
                }
            }
            out[o] = 1 / (1 + Math.exp(-z));
        }
        return out;
    }

    private int[] sparse(List<String> names) {
        int[] ids = new int[names.size()];
        int n = 0;
        for (String name : names) {
            Integer id = vocabulary.get(name);
            if (id != null) {
                ids[n++] = id;
            }
        }
        return Arrays.stream(Arrays.copyOf(ids, n)).sorted().distinct().toArray();
    }

    private static final class Rules {
        static final RuleTagger THEMES = new RuleTagger(Taxonomy.council());
        static final PositionExtractor EXTRACTOR = new PositionExtractor();
    }

    /** The sparse features of a sentence, by name. */
    static List<String> featureNames(Settings settings, String sentence, String previous, List<String> speakers) {
        List<String> names = new ArrayList<>();
        if (settings.words()) {
            names.addAll(LinearTagger.wordFeatures(sentence));
        }
        List<org.councilbrief.theme.ThemeLabel> labels = Taxonomy.council().labels();
        for (RuleTagger.Hit hit : Rules.THEMES.hits(sentence, Language.ENGLISH)) {
            names.add("cue:" + labels.get(hit.label()).id());
        }
        if (previous != null) {
            for (RuleTagger.Hit hit : Rules.THEMES.hits(previous, Language.ENGLISH)) {
                names.add("before:" + labels.get(hit.label()).id());
            }
        }
        for (PositionExtractor.ActAt act : PositionExtractor.acts(sentence, Language.ENGLISH)) {
            names.add("act:" + act.act().id() + (act.impersonal() ? ":impersonal" : ""));
        }
        names.add(PositionExtractor.spokenByTheSpeaker(sentence, speakers, Language.ENGLISH) ? "voice:speaker"
                : "voice:other");
        if (settings.rules()) {
            for (PositionExtractor.Found found : Rules.EXTRACTOR.extract(sentence, speakers.subList(0, 1))) {
                names.add("rule:" + found.act().id() + ":" + found.theme().id());
                names.add("rule:" + found.act().id());
                names.add("rule-theme:" + found.theme().id());
            }
        }
        return names;
    }

    /** Learns a reader from labelled sentences; dense features are used when every example has them. */
    public static PositionReader train(List<Example> examples, Settings settings) {
        Map<String, Integer> counts = new HashMap<>();
        List<List<String>> names = new ArrayList<>();
        for (Example e : examples) {
            List<String> n = featureNames(settings, e.text(), e.previous(), e.speakers());
            names.add(n);
            for (String name : Set.copyOf(n)) {
                counts.merge(name, 1, Integer::sum);
            }
        }
        Map<String, Integer> vocabulary = new LinkedHashMap<>();
        counts.entrySet().stream().filter(c -> c.getValue() >= settings.minCount()).map(Map.Entry::getKey).sorted()
                .forEach(name -> vocabulary.put(name, vocabulary.size()));
        int dense = examples.stream().allMatch(e -> e.dense() != null) && !examples.isEmpty()
                ? examples.get(0).dense().length : 0;
        PositionReader shell = new PositionReader(settings, vocabulary, dense, new float[0][], 1, 0, 0.5);
        int[][] features = new int[examples.size()][];
        for (int i = 0; i < examples.size(); i++) {
            features[i] = shell.sparse(names.get(i));
        }
        int outputs = THEMES.size() + ACTS.length;
        int width = vocabulary.size() + dense + 1;
        float[][] weights = new float[outputs][width];
        Random random = new Random(settings.seed());
        for (int o = 0; o < outputs; o++) {
            boolean theme = o < THEMES.size();
            List<Integer> rows = new ArrayList<>();
            boolean[] target = new boolean[examples.size()];
            for (int i = 0; i < examples.size(); i++) {
                Set<String> labels = examples.get(i).labels();
                if (theme) {
                    String id = THEMES.get(o);
                    target[i] = labels.stream().anyMatch(l -> l.endsWith(" " + id));
                    rows.add(i);
                } else if (!labels.isEmpty()) {
                    String id = ACTS[o - THEMES.size()].id();
                    target[i] = labels.stream().anyMatch(l -> l.startsWith(id + " "));
                    rows.add(i);
                }
            }
            learn(weights[o], rows, target, features, examples, vocabulary.size(), dense, settings, random);
        }
        return new PositionReader(settings, vocabulary, dense, weights, 1, 0, 0.5);
    }

    private static void learn(float[] w, List<Integer> rows, boolean[] target, int[][] features,
            List<Example> examples, int sparse, int dense, Settings settings, Random random) {
        double[] g2 = new double[w.length];
        int bias = w.length - 1;
        int[] order = rows.stream().mapToInt(Integer::intValue).toArray();
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            for (int k = order.length - 1; k > 0; k--) {
                int j = random.nextInt(k + 1);
                int t = order[k];
                order[k] = order[j];
                order[j] = t;
            }
            for (int i : order) {
                int[] f = features[i];
                float[] e = examples.get(i).dense();
                double value = f.length == 0 ? 0 : 1 / Math.sqrt(f.length);
                double z = w[bias];
                for (int x : f) {
                    z += w[x] * value;
                }
                for (int d = 0; d < dense; d++) {
                    z += w[sparse + d] * e[d];
                }
                double gradient = 1 / (1 + Math.exp(-z)) - (target[i] ? 1 : 0);
                for (int x : f) {
                    update(w, g2, x, gradient * value + settings.l2() * w[x], settings.learningRate());
                }
                for (int d = 0; d < dense; d++) {
                    int x = sparse + d;
                    update(w, g2, x, gradient * e[d] + settings.l2() * w[x], settings.learningRate());
                }
                update(w, g2, bias, gradient, settings.learningRate());
            }
        }
    }

    private static void update(float[] w, double[] g2, int x, double g, double rate) {
        g2[x] += g * g;
        w[x] -= (float) (rate * g / Math.sqrt(g2[x] + 1e-8));
    }

    /**
     * Fits the calibration (a logistic regression on the logit of the raw score) to scored pairs: {@code scores[i]}
     * and whether the pair is right.
     */
    public static double[] fitCalibration(double[] scores, boolean[] right) {
        double a = 1;
        double b = 0;
        double[] logits = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            logits[i] = Math.log(Math.max(scores[i], 1e-9) / Math.max(1 - scores[i], 1e-9));
        }
        for (int iteration = 0; iteration < 100; iteration++) { // Newton's method, steps halved until the loss falls
            double ga = 0;
            double gb = 0;
            double haa = 1e-6;
            double hab = 0;
            double hbb = 1e-6;
            for (int i = 0; i < logits.length; i++) {
                double p = 1 / (1 + Math.exp(-(a * logits[i] + b)));
                double d = p - (right[i] ? 1 : 0);
                double v = p * (1 - p);
                ga += d * logits[i];
                gb += d;
                haa += v * logits[i] * logits[i];
                hab += v * logits[i];
                hbb += v;
            }
            double det = haa * hbb - hab * hab;
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            double before = logLoss(logits, right, a, b);
            double step = 1;
            while (step > 1e-6 && logLoss(logits, right, a - step * da, b - step * db) > before) {
                step /= 2;
            }
            a -= step * da;
            b -= step * db;
            if (step * (Math.abs(da) + Math.abs(db)) < 1e-9) {
                break;
            }
        }
        return new double[] {a, b};
    }

    private static double logLoss(double[] logits, boolean[] right, double a, double b) {
        double loss = 0;
        for (int i = 0; i < logits.length; i++) {
            double z = a * logits[i] + b;
            // log(1 + e^-z) for a right pair, log(1 + e^z) for a wrong one, without overflow
            double m = right[i] ? -z : z;
            loss += m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m));
        }
        return loss;
    }

    /** Writes the model (vocabulary, weights, calibration, threshold). */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(FORMAT);
        out.writeBoolean(settings.words());
        out.writeBoolean(settings.rules());
        out.writeInt(vocabulary.size());
        for (String name : vocabulary.keySet()) {
            out.writeUTF(name);
        }
        out.writeInt(dense);
        out.writeInt(weights.length);
        for (float[] w : weights) {
            for (float x : w) {
                out.writeFloat(x);
            }
        }
        out.writeDouble(calibrationA);
        out.writeDouble(calibrationB);
        out.writeDouble(threshold);
    }

    /** Reads a model written by {@link #write}. */
    public static PositionReader read(DataInputStream in) throws IOException {
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException("a positions model of format " + format + "; this version reads " + FORMAT);
        }
        Settings settings = new Settings(in.readBoolean(), in.readBoolean(), 0, 0, 0, 0, 0);
        int size = in.readInt();
        Map<String, Integer> vocabulary = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            vocabulary.put(in.readUTF(), i);
        }
        int dense = in.readInt();
        float[][] weights = new float[in.readInt()][size + dense + 1];
        for (float[] w : weights) {
            for (int i = 0; i < w.length; i++) {
                w[i] = in.readFloat();
            }
        }
        return new PositionReader(settings, vocabulary, dense, weights, in.readDouble(), in.readDouble(),
                in.readDouble());
    }
}
