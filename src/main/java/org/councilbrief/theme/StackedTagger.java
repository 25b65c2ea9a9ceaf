package org.councilbrief.theme;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A second-level model over the scores of the linear model, the nearest neighbours and the cue phrases: for each
 * label, a logistic regression over all three taggers' scores of every label, so that it learns how far to trust each
 * tagger for that label and which labels go together. It learns from scores the taggers gave rows they had not
 * learnt from (three folds), as they will score new texts.
 */
public final class StackedTagger implements Tagger {
    /** How the second level learns (chosen on session 9 with models learnt on sessions 1-8, docs/quality.md). */
    record Settings(int folds, int epochs, double learningRate, double l2, double threshold, long seed) {
        static final Settings DEFAULT = new Settings(3, 20, 0.5, 1e-5, 0.35, 11);
    }

    private final LinearTagger linear;
    private final NeighbourTagger neighbours;
    private final RuleTagger rules;
    private final float[][] weights; // [label][3 * labels + 1], the last is the bias
    private final double threshold;

    StackedTagger(LinearTagger linear, NeighbourTagger neighbours, float[][] weights, double threshold) {
        this.linear = linear;
        this.neighbours = neighbours;
        this.rules = new RuleTagger(linear.taxonomy());
        this.weights = weights;
        this.threshold = threshold;
    }

    @Override
    public Taxonomy taxonomy() {
        return linear.taxonomy();
    }

    LinearTagger linear() {
        return linear;
    }

    NeighbourTagger neighbours() {
        return neighbours;
    }

    public double threshold() {
        return threshold;
    }

    @Override
    public double[] scores(String text) {
        float[] x = features(linear, neighbours, rules, text);
        double[] scores = new double[weights.length];
        for (int l = 0; l < weights.length; l++) {
            scores[l] = sigmoid(weights[l], x);
        }
        return scores;
    }

    @Override
    public List<ThemeLabel> tag(String text) {
        return Tagging.labels(taxonomy(), scores(text), threshold, true);
    }

    private static float[] features(Tagger linear, Tagger neighbours, RuleTagger rules, String text) {
        double[] a = linear.scores(text);
        double[] b = neighbours.scores(text);
        double[] c = rules.scores(text);
        int labels = a.length;
        float[] x = new float[3 * labels];
        for (int l = 0; l < labels; l++) {
            x[l] = (float) a[l];
            x[labels + l] = (float) b[l];
            x[2 * labels + l] = (float) c[l];
        }
        return x;
    }

    private static double sigmoid(float[] w, float[] x) {
        double z = w[x.length];
        for (int j = 0; j < x.length; j++) {
            z += w[j] * x[j];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * Learns the linear model and the neighbours from every example, and the second level from the scores that
     * models learnt on the other folds give each example. The folds and the labels are learnt in parallel.
     */
    static StackedTagger train(Taxonomy taxonomy, List<Example> examples, LinearTagger.Settings linearSettings,
            int k, Settings settings) {
        int n = examples.size();
        int[] fold = new int[n];
        Random random = new Random(settings.seed());
        for (int i = 0; i < n; i++) {
            fold[i] = random.nextInt(settings.folds());
        }
        RuleTagger rules = new RuleTagger(taxonomy);
        float[][] outOfFold = new float[n][];
        LinearTagger[] full = new LinearTagger[1];
        // Task f < folds: the models without fold f score fold f; task folds: the linear model on everything.
        IntStream.rangeClosed(0, settings.folds()).parallel().forEach(f -> {
            if (f == settings.folds()) {
                full[0] = LinearTagger.train(taxonomy, examples, linearSettings);
                return;
            }
            List<Example> rest = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (fold[i] != f) {
                    rest.add(examples.get(i));
                }
            }
            if (rest.isEmpty()) {
                return;
            }
            LinearTagger foldLinear = LinearTagger.train(taxonomy, rest, linearSettings);
            NeighbourTagger foldNeighbours = new NeighbourTagger(taxonomy, rest, k, 0);
            for (int i = 0; i < n; i++) {
                if (fold[i] == f) {
                    outOfFold[i] = features(foldLinear, foldNeighbours, rules, examples.get(i).text());
                }
            }
        });
        int labels = taxonomy.size();
        int width = 3 * labels;
        for (int i = 0; i < n; i++) {
            if (outOfFold[i] == null) { // a single fold: nothing was left out
                outOfFold[i] = new float[width];
            }
        }
        int[] order = IntStream.range(0, n).toArray();
        int[][] orders = new int[settings.epochs()][];
        for (int epoch = 0; epoch < orders.length; epoch++) {
            shuffle(order, random);
            orders[epoch] = order.clone();
        }
        float[][] weights = new float[labels][width + 1];
        IntStream.range(0, labels).parallel().forEach(l -> {
            float[] w = weights[l];
            double[] squares = new double[width + 1];
            for (int[] epoch : orders) {
                for (int i : epoch) {
                    float[] x = outOfFold[i];
                    double g = sigmoid(w, x) - (examples.get(i).has(l) ? 1 : 0);
                    for (int j = 0; j < width; j++) {
                        if (x[j] == 0 && w[j] == 0) {
                            continue;
                        }
                        double grad = g * x[j] + settings.l2() * w[j];
                        squares[j] += grad * grad;
                        w[j] -= (float) (settings.learningRate() * grad / Math.sqrt(squares[j] + 1e-8));
                    }
                    squares[width] += g * g;
                    w[width] -= (float) (settings.learningRate() * g / Math.sqrt(squares[width] + 1e-8));
                }
            }
        });
        return new StackedTagger(full[0], new NeighbourTagger(taxonomy, examples, k, 0), weights,
                settings.threshold());
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    void writeWeights(DataOutputStream out) throws IOException {
        out.writeInt(weights.length);
        out.writeInt(weights.length == 0 ? 0 : weights[0].length);
        out.writeDouble(threshold);
        for (float[] w : weights) {
            for (float v : w) {
                out.writeFloat(v);
            }
        }
    }

    static StackedTagger read(LinearTagger linear, NeighbourTagger neighbours, DataInputStream in)
            throws IOException {
        int labels = in.readInt();
        int width = in.readInt();
        if (labels != linear.taxonomy().size() || width != 3 * labels + 1) {
            throw new IOException("the second level has " + labels + " labels of " + width + " weights where the"
                    + " scheme has " + linear.taxonomy().size() + " labels");
        }
        double threshold = in.readDouble();
        float[][] weights = new float[labels][width];
        for (float[] w : weights) {
            for (int j = 0; j < width; j++) {
                w[j] = in.readFloat();
            }
        }
        return new StackedTagger(linear, neighbours, weights, threshold);
    }
}
