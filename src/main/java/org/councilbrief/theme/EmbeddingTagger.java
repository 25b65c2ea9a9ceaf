package org.councilbrief.theme;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * One logistic regression per label over a text's sentence embedding ({@link Embedder}), learnt with AdaGrad. The
 * vector's components are multiplied by the square root of its length so that each is of the order of one (the
 * embedders give vectors of length one).
 */
public final class EmbeddingTagger implements Tagger {
    /** How training goes (chosen on session 9 with models learnt on sessions 1-8, docs/quality.md). */
    public record Settings(int epochs, double learningRate, double l2, long seed) {
        public static final Settings DEFAULT = new Settings(10, 0.05, 1e-5, 13);
    }

    private final Taxonomy taxonomy;
    private final Embedder embedder;
    private final float[][] weights; // [label][dimension + 1], the last is the bias

    EmbeddingTagger(Taxonomy taxonomy, Embedder embedder, float[][] weights) {
        this.taxonomy = taxonomy;
        this.embedder = embedder;
        this.weights = weights;
    }

    @Override
    public Taxonomy taxonomy() {
        return taxonomy;
    }

    Embedder embedder() {
        return embedder;
    }

    @Override
    public double[] scores(String text) {
        return scores(embedder.embed(text));
    }

    /** The scores of a text already embedded by this tagger's embedder. */
    double[] scores(float[] vector) {
        float[] x = scaled(vector);
        double[] scores = new double[weights.length];
        for (int l = 0; l < weights.length; l++) {
            scores[l] = sigmoid(weights[l], x);
        }
        return scores;
    }

    @Override
    public List<ThemeLabel> tag(String text) {
        return Tagging.labels(taxonomy, scores(text), 0.35, true);
    }

    private static float[] scaled(float[] vector) {
        float factor = (float) Math.sqrt(vector.length);
        float[] x = new float[vector.length];
        for (int j = 0; j < x.length; j++) {
            x[j] = vector[j] * factor;
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

    /** Learns from the examples, embedding each (for the quality tables: the stacked tagger embeds them once). */
    public static EmbeddingTagger train(Taxonomy taxonomy, Embedder embedder, List<Example> examples,
            Settings settings) {
        float[][] vectors = new float[examples.size()][];
        IntStream.range(0, vectors.length).parallel().forEach(i -> vectors[i] = embedder.embed(examples.get(i)
                .text()));
        return train(taxonomy, embedder, examples, vectors, settings);
    }

    /** Learns from examples whose vectors the embedder gave ({@code vectors[i]} is example i's); labels in parallel. */
    static EmbeddingTagger train(Taxonomy taxonomy, Embedder embedder, List<Example> examples, float[][] vectors,
            Settings settings) {
        int n = examples.size();
        int dimension = n == 0 ? 0 : vectors[0].length;
        float[][] x = new float[n][];
        for (int i = 0; i < n; i++) {
            x[i] = scaled(vectors[i]);
        }
        Random random = new Random(settings.seed());
        int[][] orders = new int[settings.epochs()][];
        int[] order = IntStream.range(0, n).toArray();
        for (int epoch = 0; epoch < orders.length; epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            orders[epoch] = order.clone();
        }
        float[][] weights = new float[taxonomy.size()][dimension + 1];
        IntStream.range(0, weights.length).parallel().forEach(l -> {
            float[] w = weights[l];
            double[] squares = new double[dimension + 1];
            for (int[] epoch : orders) {
                for (int i : epoch) {
                    double g = sigmoid(w, x[i]) - (examples.get(i).has(l) ? 1 : 0);
                    float[] xi = x[i];
                    for (int j = 0; j < dimension; j++) {
                        double grad = g * xi[j] + settings.l2() * w[j];
                        squares[j] += grad * grad;
                        w[j] -= (float) (settings.learningRate() * grad / Math.sqrt(squares[j] + 1e-8));
                    }
                    squares[dimension] += g * g;
                    w[dimension] -= (float) (settings.learningRate() * g / Math.sqrt(squares[dimension] + 1e-8));
                }
            }
        });
        return new EmbeddingTagger(taxonomy, embedder, weights);
    }

    void write(DataOutputStream out) throws IOException {
        out.writeUTF(embedder.id());
        out.writeInt(weights.length);
        out.writeInt(weights.length == 0 ? 0 : weights[0].length - 1);
        for (float[] w : weights) {
            for (float v : w) {
                out.writeFloat(v);
            }
        }
    }

    static EmbeddingTagger read(Taxonomy taxonomy, Embedder embedder, DataInputStream in) throws IOException {
        String id = in.readUTF();
        if (!id.equals(embedder.id())) {
            throw new IOException("the embedding weights are for " + id + ", not " + embedder.id());
        }
        int labels = in.readInt();
        int dimension = in.readInt();
        if (labels != taxonomy.size()) {
            throw new IOException("the embedding model has " + labels + " labels where the scheme has "
                    + taxonomy.size());
        }
        float[][] weights = new float[labels][dimension + 1];
        for (float[] w : weights) {
            for (int j = 0; j < w.length; j++) {
                w[j] = in.readFloat();
            }
        }
        return new EmbeddingTagger(taxonomy, embedder, weights);
    }
}
