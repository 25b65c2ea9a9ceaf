package org.councilbrief.statement;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.councilbrief.theme.Language;
import org.councilbrief.theme.Sentences;

/**
 * How the product reads positions in a speech (issue 11, decision 0038): the rules ({@link PositionExtractor}) and
 * the learnt sentence reader ({@link PositionReader}) each give their reading, and a second logistic regression,
 * learnt on speeches neither was written or learnt from, weighs them into one calibrated probability per (member,
 * act, theme). Proposals at or above {@link #threshold()} (chosen on the validation meetings for precision 0.85) are
 * the default; an editor can lower it to see more.
 * <p>
 * French statements are read by the rules alone; their proposals carry the rules' precision measured on annotated
 * French sentences. Positions on themes added to the Council scheme after DESIGN.md's fixed ones are not learnt (the
 * readers annotate the fixed themes only): the rules propose them without a probability (NaN: not measured), and they
 * are shown whatever the threshold, as before the learnt reader.
 */
public final class PositionModel {
    private static final int FORMAT = 1;
    private static final String RESOURCE = "/org/councilbrief/statement/positions.model";
    /** The lowest probability stored with an import: an editor can lower the threshold down to it. */
    public static final double STORED = 0.2;
    /** The number of inputs of the second level: bias, the readings, then one per act and one per theme. */
    public static final int INPUTS = 8 + PositionReader.ACTS.length + PositionReader.THEMES.size();

    /** A proposed position with its probability and the sentence that shows it. */
    public record Proposed(String stateCode, Act act, String theme, String evidence, double probability) {
        Position position() {
            return new Position(stateCode, act, theme, evidence, Position.Status.PROPOSED, probability);
        }
    }

    /** A pair of one speech with the second level's inputs, and the sentence where the reader is surest of it. */
    public record Candidate(Act act, String theme, double[] inputs, int sentence) {
    }

    private static final class Shipped {
        static final PositionModel MODEL = load();

        private static PositionModel load() {
            try (InputStream in = PositionModel.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the class path");
                }
                return read(new DataInputStream(new BufferedInputStream(in)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final PositionReader reader;
    private final String embedding;
    private final double[] weights;
    private final double calibrationA;
    private final double calibrationB;
    private final double threshold;
    private final double frenchProbability;
    private final PositionExtractor rules = new PositionExtractor();
    private volatile SentenceEmbedder embedder;

    public PositionModel(PositionReader reader, String embedding, double[] weights, double calibrationA,
            double calibrationB, double threshold, double frenchProbability) {
        if (weights.length != INPUTS) {
            throw new IllegalArgumentException("a second level of " + weights.length + " weights; expected " + INPUTS);
        }
        this.reader = reader;
        this.embedding = embedding == null ? "" : embedding;
        this.weights = weights.clone();
        this.calibrationA = calibrationA;
        this.calibrationB = calibrationB;
        this.threshold = threshold;
        this.frenchProbability = frenchProbability;
    }

    /** The model that ships in the jar. */
    public static PositionModel shipped() {
        return Shipped.MODEL;
    }

    /** The default threshold: proposals at or above it are shown first and by default. */
    public double threshold() {
        return threshold;
    }

    /** The sentence embedding the model reads with, or "" for none. */
    public String embedding() {
        return embedding;
    }

    public PositionModel withCalibration(double a, double b, double newThreshold) {
        return new PositionModel(reader, embedding, weights, a, b, newThreshold, frenchProbability);
    }

    public PositionModel withFrenchProbability(double probability) {
        return new PositionModel(reader, embedding, weights, calibrationA, calibrationB, threshold, probability);
    }

    /**
     * The positions a statement proposes for an editor, every one at or above {@link #STORED} or not measured, surest
     * first: for each member it speaks for (every member of a joint statement).
     */
    public List<Position> propose(Statement statement) {
        List<String> speakers = statement.onBehalfOf() != null ? List.of(statement.onBehalfOf().split(";"))
                : statement.stateCode() == null ? List.of() : List.of(statement.stateCode());
        return read(statement.text(), speakers).stream().filter(p -> !(p.probability() < STORED))
                .map(Proposed::position).toList();
    }

    /**
     * The positions of one speech for each member it speaks for (every member of a joint statement), those not measured
     * first (NaN), then surest first, every probability included: callers keep those at or above the threshold they
     * choose, and those not measured.
     */
    public List<Proposed> read(String text, List<String> speakers) {
        if (text == null || text.isBlank() || speakers.isEmpty()) {
            return List.of();
        }
        Language language = Language.detect(text);
        if (language == Language.OTHER) {
            return List.of();
        }
        List<Proposed> out = new ArrayList<>();
        if (language == Language.FRENCH) {
            for (PositionExtractor.Found f : rules.extract(text, speakers)) {
                out.add(new Proposed(f.stateCode(), f.act(), f.theme().id(), f.evidence(),
                        PositionReader.THEMES.contains(f.theme().id()) ? frenchProbability : Double.NaN));
            }
            return sorted(out);
        }
        List<String> sentences = Sentences.of(text, Language.ENGLISH);
        float[][] dense = embedding.isEmpty() || sentences.isEmpty() ? null : embedder().embed(sentences);
        List<double[]> raws = readings(sentences, speakers, dense);
        Map<String, String> ruleEvidence = new LinkedHashMap<>(); // "act theme" -> the rules' sentence
        for (PositionExtractor.Found f : rules.extract(text, speakers.subList(0, 1))) {
            String key = f.act().id() + " " + f.theme().id();
            if (PositionReader.THEMES.contains(f.theme().id())) {
                ruleEvidence.putIfAbsent(key, f.evidence());
            } else {
                for (String speaker : speakers) {
                    out.add(new Proposed(speaker, f.act(), f.theme().id(), f.evidence(), Double.NaN));
                }
            }
        }
        for (Candidate c : candidates(raws, ruleEvidence.keySet())) {
            double p = probability(c.inputs());
            String key = c.act().id() + " " + c.theme();
            String evidence = ruleEvidence.getOrDefault(key, sentences.get(c.sentence()));
            for (String speaker : speakers) {
                out.add(new Proposed(speaker, c.act(), c.theme(), evidence, p));
            }
        }
        return sorted(out);
    }

    private static List<Proposed> sorted(List<Proposed> out) {
        out.sort(Comparator.comparingDouble(Proposed::probability).reversed());
        return out;
    }

    /** The calibrated probability of a candidate's inputs. */
    public double probability(double[] inputs) {
        return calibrate(score(weights, inputs));
    }

    /** The second level's score before calibration. */
    public static double score(double[] weights, double[] inputs) {
        double z = 0;
        for (int j = 0; j < inputs.length; j++) {
            z += weights[j] * inputs[j];
        }
        return 1 / (1 + Math.exp(-z));
    }

    double calibrate(double score) {
        return 1 / (1 + Math.exp(-(calibrationA * logit(score) + calibrationB)));
    }

    /** The raw sentence readings of one speech: theme probabilities, then act probabilities, per sentence. */
    List<double[]> readings(List<String> sentences, List<String> speakers, float[][] dense) {
        List<double[]> raws = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            raws.add(reader.raw(sentences.get(i), i == 0 ? null : sentences.get(i - 1), speakers,
                    dense == null ? null : dense[i]));
        }
        return raws;
    }

    /**
     * The pairs of one speech worth weighing, with their inputs: every pair the rules found, and every pair that
     * some sentence gives at least 0.01. Inputs: bias; the rules found the pair; the rules found its theme with
     * another act; the log-odds of the highest sentence score of the pair, of the highest theme score and of the act
     * at that sentence, of the second-highest pair score; the number of sentences on the theme (log); one input per
     * act and per theme.
     *
     * @param raws each sentence's theme probabilities then act probabilities ({@link PositionReader#raw})
     * @param rules the pairs the rules found in the speech, "act theme"
     */
    public static List<Candidate> candidates(List<double[]> raws, java.util.Set<String> rules) {
        int themes = PositionReader.THEMES.size();
        Act[] acts = PositionReader.ACTS;
        Map<String, Boolean> ruleThemes = new HashMap<>();
        for (String r : rules) {
            ruleThemes.put(r.substring(r.indexOf(' ') + 1), true);
        }
        List<Candidate> out = new ArrayList<>();
        for (int t = 0; t < themes; t++) {
            String theme = PositionReader.THEMES.get(t);
            for (int k = 0; k < acts.length; k++) {
                double best = 0;
                double second = 0;
                int at = 0;
                double themeBest = 0;
                double actAtTheme = 0;
                int onTheme = 0;
                for (int i = 0; i < raws.size(); i++) {
                    double[] r = raws.get(i);
                    double p = r[t] * r[themes + k];
                    if (p > best) {
                        second = best;
                        best = p;
                        at = i;
                    } else if (p > second) {
                        second = p;
                    }
                    if (r[t] > themeBest) {
                        themeBest = r[t];
                        actAtTheme = r[themes + k];
                    }
                    if (r[t] > 0.5) {
                        onTheme++;
                    }
                }
                boolean pair = rules.contains(acts[k].id() + " " + theme);
                if (best < 0.01 && !pair) {
                    continue;
                }
                double[] x = new double[INPUTS];
                x[0] = 1;
                x[1] = pair ? 1 : 0;
                x[2] = !pair && ruleThemes.containsKey(theme) ? 1 : 0;
                x[3] = logit(best);
                x[4] = logit(themeBest);
                x[5] = logit(actAtTheme);
                x[6] = Math.log1p(onTheme);
                x[7] = logit(second);
                x[8 + k] = 1;
                x[8 + acts.length + t] = 1;
                out.add(new Candidate(acts[k], theme, x, at));
            }
        }
        return out;
    }

    static double logit(double p) {
        double q = Math.min(Math.max(p, 1e-6), 1 - 1e-6);
        return Math.log(q / (1 - q));
    }

    /**
     * Learns the second level: an L2-regularised logistic regression (the bias not penalised) by Newton's method.
     *
     * @param inputs one row per candidate ({@link #candidates})
     * @param right whether the readers hold the candidate
     */
    public static double[] learn(List<double[]> inputs, List<Boolean> right, double l2) {
        int n = INPUTS;
        double[] w = new double[n];
        for (int iteration = 0; iteration < 50; iteration++) {
            double[] g = new double[n];
            double[][] h = new double[n][n];
            for (int i = 0; i < inputs.size(); i++) {
                double[] x = inputs.get(i);
                double p = score(w, x);
                double d = p - (right.get(i) ? 1 : 0);
                double v = Math.max(p * (1 - p), 1e-9);
                for (int a = 0; a < n; a++) {
                    if (x[a] == 0) {
                        continue;
                    }
                    g[a] += d * x[a];
                    for (int b = 0; b < n; b++) {
                        h[a][b] += v * x[a] * x[b];
                    }
                }
            }
            for (int a = 1; a < n; a++) {
                g[a] += l2 * w[a];
                h[a][a] += l2;
            }
            h[0][0] += 1e-6;
            double[] step = solve(h, g);
            double size = 0;
            for (int a = 0; a < n; a++) {
                w[a] -= step[a];
                size += Math.abs(step[a]);
            }
            if (size < 1e-8) {
                break;
            }
        }
        return w;
    }

    /** Solves {@code h x = g} by Gaussian elimination with partial pivoting (h is small and positive definite). */
    private static double[] solve(double[][] h, double[] g) {
        int n = g.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(h[i], 0, m[i], 0, n);
            m[i][n] = g[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                for (int k = c; k <= n; k++) {
                    m[r][k] -= f * m[c][k];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int k = r + 1; k < n; k++) {
                s -= m[r][k] * x[k];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }

    private SentenceEmbedder embedder() {
        SentenceEmbedder e = embedder;
        if (e == null) {
            synchronized (this) {
                if (embedder == null) {
                    embedder = SentenceEmbedder.of(embedding);
                }
                e = embedder;
            }
        }
        return e;
    }

    /** Writes the model: the sentence reader, the embedding's id, the second level, calibration and threshold. */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(FORMAT);
        out.writeUTF(embedding);
        reader.write(out);
        out.writeInt(weights.length);
        for (double w : weights) {
            out.writeDouble(w);
        }
        out.writeDouble(calibrationA);
        out.writeDouble(calibrationB);
        out.writeDouble(threshold);
        out.writeDouble(frenchProbability);
    }

    /** Reads a model written by {@link #write}; a model of another format is refused with both formats named. */
    public static PositionModel read(DataInputStream in) throws IOException {
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException("a positions model of format " + format + "; this version reads " + FORMAT);
        }
        String embedding = in.readUTF();
        if (!embedding.isEmpty() && !SentenceEmbedder.shipped(embedding)) {
            throw new IOException("the positions model reads with '" + embedding + "', which is not shipped");
        }
        PositionReader reader = PositionReader.read(in);
        double[] weights = new double[in.readInt()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = in.readDouble();
        }
        return new PositionModel(reader, embedding, weights, in.readDouble(), in.readDouble(), in.readDouble(),
                in.readDouble());
    }
}
