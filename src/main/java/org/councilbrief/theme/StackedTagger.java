package org.councilbrief.theme;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.councilbrief.Progress;

/**
 * A second-level model over the scores of the linear model, the nearest neighbours, the cue phrases and, when it has
 * an embedder, a logistic regression over the text's sentence embedding ({@link EmbeddingTagger}): for each label, a
 * logistic regression over all the taggers' scores of every label, so that it learns how far to trust each tagger for
 * that label and which labels go together. It learns from scores the taggers gave rows they had not learnt from
 * (three folds), as they will score new texts.
 */
public final class StackedTagger implements Tagger {
    /** How the second level learns (chosen on session 9 with models learnt on sessions 1-8, docs/quality.md). */
    public record Settings(int folds, int epochs, double learningRate, double l2, double threshold, long seed) {
        public static final Settings DEFAULT = new Settings(3, 20, 0.5, 1e-5, 0.35, 11);
    }

    private final LinearTagger linear;
    private final NeighbourTagger neighbours;
    private final RuleTagger rules;
    private final EmbeddingTagger embedding; // null without an embedder
    private final float[][] weights; // [label][inputs * labels + 1], the last is the bias
    private final double threshold;

    StackedTagger(LinearTagger linear, NeighbourTagger neighbours, EmbeddingTagger embedding, float[][] weights,
            double threshold) {
        this.linear = linear;
        this.neighbours = neighbours;
        this.rules = new RuleTagger(linear.taxonomy());
        this.embedding = embedding;
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

    /** The embedding input, if the model has one. */
    Optional<EmbeddingTagger> embedding() {
        return Optional.ofNullable(embedding);
    }

    public double threshold() {
        return threshold;
    }

    @Override
    public double[] scores(String text) {
        float[] x = features(linear, neighbours, rules, embedding,
                text, embedding == null ? null : embedding.embedder().embed(text));
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

    private static float[] features(Tagger linear, Tagger neighbours, RuleTagger rules, EmbeddingTagger embedding,
            String text, float[] vector) {
        double[] a = linear.scores(text);
        double[] b = neighbours.scores(text);
        double[] c = rules.scores(text);
        double[] d = embedding == null ? null : embedding.scores(vector);
        int labels = a.length;
        float[] x = new float[(d == null ? 3 : 4) * labels];
        for (int l = 0; l < labels; l++) {
            x[l] = (float) a[l];
            x[labels + l] = (float) b[l];
            x[2 * labels + l] = (float) c[l];
            if (d != null) {
                x[3 * labels + l] = (float) d[l];
            }
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
     * Learns the linear model, the neighbours and, with an embedder, the embedding model from every example, and the
     * second level from the scores that models learnt on the other folds give each example. The texts are embedded
     * once; the folds and the labels are learnt in parallel.
     */
    static StackedTagger train(Taxonomy taxonomy, List<Example> examples, LinearTagger.Settings linearSettings,
            int k, Settings settings, Embedder embedder, EmbeddingTagger.Settings embeddingSettings) {
        return train(taxonomy, examples, linearSettings, k, settings, embedder, embeddingSettings, Progress.none());
    }

    /** The same, counting on {@code progress} the texts embedded, the folds learnt and the second level's labels. */
    static StackedTagger train(Taxonomy taxonomy, List<Example> examples, LinearTagger.Settings linearSettings,
            int k, Settings settings, Embedder embedder, EmbeddingTagger.Settings embeddingSettings,
            Progress progress) {
        int n = examples.size();
        float[][] vectors = new float[n][];
        if (embedder != null) {
            progress.stage("Embedding texts", n);
            IntStream.range(0, n).parallel().forEach(i -> {
                vectors[i] = embedder.embed(examples.get(i).text());
                progress.advance(1);
            });
        }
        int[] fold = new int[n];
        Random random = new Random(settings.seed());
        for (int i = 0; i < n; i++) {
            fold[i] = random.nextInt(settings.folds());
        }
        RuleTagger rules = new RuleTagger(taxonomy);
        float[][] outOfFold = new float[n][];
        LinearTagger[] full = new LinearTagger[1];
        EmbeddingTagger[] fullEmbedding = new EmbeddingTagger[1];
        // Task f < folds: the models without fold f score fold f; task folds: the linear (and embedding) model on
        // everything.
        progress.stage("Learning folds", settings.folds() + 1);
        IntStream.rangeClosed(0, settings.folds()).parallel().forEach(f -> {
            try {
                if (f == settings.folds()) {
                    full[0] = LinearTagger.train(taxonomy, examples, linearSettings);
                    if (embedder != null) {
                        fullEmbedding[0] = EmbeddingTagger.train(taxonomy, embedder, examples, vectors,
                                embeddingSettings);
                    }
                    return;
                }
                List<Example> rest = new ArrayList<>();
                List<float[]> restVectors = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (fold[i] != f) {
                        rest.add(examples.get(i));
                        restVectors.add(vectors[i]);
                    }
                }
                if (rest.isEmpty()) {
                    return;
                }
                LinearTagger foldLinear = LinearTagger.train(taxonomy, rest, linearSettings);
                NeighbourTagger foldNeighbours = new NeighbourTagger(taxonomy, rest, k, 0);
                EmbeddingTagger foldEmbedding = embedder == null ? null : EmbeddingTagger.train(taxonomy, embedder,
                        rest, restVectors.toArray(float[][]::new), embeddingSettings);
                for (int i = 0; i < n; i++) {
                    if (fold[i] == f) {
                        outOfFold[i] = features(foldLinear, foldNeighbours, rules, foldEmbedding,
                                examples.get(i).text(), vectors[i]);
                    }
                }
            } finally {
                progress.advance(1);
            }
        });
        int labels = taxonomy.size();
        int width = (embedder == null ? 3 : 4) * labels;
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
        progress.stage("Second level", labels);
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
            progress.advance(1);
        });
        return new StackedTagger(full[0], new NeighbourTagger(taxonomy, examples, k, 0), fullEmbedding[0], weights,
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

    static StackedTagger read(LinearTagger linear, NeighbourTagger neighbours, EmbeddingTagger embedding,
            DataInputStream in) throws IOException {
        int labels = in.readInt();
        int width = in.readInt();
        if (labels != linear.taxonomy().size() || width != (embedding == null ? 3 : 4) * labels + 1) {
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
        return new StackedTagger(linear, neighbours, embedding, weights, threshold);
    }
}
