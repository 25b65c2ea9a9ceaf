package org.councilbrief.theme;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One logistic regression per label over the text's words and word pairs (lightly stemmed, present or not, scaled by
 * the square root of their number), learnt with AdaGrad. The vocabulary is every word and pair seen at least twice in
 * training.
 */
public final class LinearTagger implements Tagger {
    /** How training goes. */
    public record Settings(int epochs, double learningRate, double l2, double threshold, long seed) {
        public static final Settings DEFAULT = new Settings(16, 1.0, 1e-6, 0.35, 7);
    }

    private final Taxonomy taxonomy;
    private final RuleTagger cues;
    private final Map<String, Integer> vocabulary;
    private final float[][] weights; // [label][feature], the last feature is the bias
    private final double threshold;

    LinearTagger(Taxonomy taxonomy, Map<String, Integer> vocabulary, float[][] weights, double threshold) {
        this.taxonomy = taxonomy;
        this.cues = new RuleTagger(taxonomy);
        this.vocabulary = vocabulary;
        this.weights = weights;
        this.threshold = threshold;
    }

    @Override
    public Taxonomy taxonomy() {
        return taxonomy;
    }

    public double threshold() {
        return threshold;
    }

    /** Words, word pairs, and the themes whose cue phrases the text contains ("cue:12"). */
    List<String> featureNames(String text) {
        List<String> names = wordFeatures(text);
        double[] hits = cues.scores(text, Language.ENGLISH);
        for (int l = 0; l < hits.length; l++) {
            if (hits[l] > 0) {
                names.add("cue:" + l);
            }
        }
        return names;
    }

    public static List<String> wordFeatures(String text) {
        List<String> words = Words.of(text);
        List<String> names = new ArrayList<>(words.size() * 2);
        String previous = null;
        for (String word : words) {
            String stem = Words.stem(word);
            names.add(stem);
            if (previous != null) {
                names.add(previous + " " + stem);
            }
            previous = stem;
        }
        return names;
    }

    private int[] features(String text) {
        List<String> names = featureNames(text);
        int[] ids = new int[names.size()];
        int n = 0;
        for (String name : names) {
            Integer id = vocabulary.get(name);
            if (id != null) {
                ids[n++] = id;
            }
        }
        int[] sorted = Arrays.copyOf(ids, n);
        Arrays.sort(sorted);
        return Arrays.stream(sorted).distinct().toArray();
    }

    @Override
    public double[] scores(String text) {
        return scores(features(text));
    }

    private double[] scores(int[] features) {
        int bias = vocabulary.size();
        double value = features.length == 0 ? 0 : 1 / Math.sqrt(features.length);
        double[] scores = new double[weights.length];
        for (int l = 0; l < weights.length; l++) {
            float[] w = weights[l];
            double z = w[bias];
            for (int f : features) {
                z += w[f] * value;
            }
            scores[l] = 1 / (1 + Math.exp(-z));
        }
        return scores;
    }

    @Override
    public List<ThemeLabel> tag(String text) {
        return Tagging.labels(taxonomy, scores(text), threshold, true);
    }

    public static LinearTagger train(Taxonomy taxonomy, List<Example> examples, Settings settings) {
        Map<String, Integer> counts = new HashMap<>();
        LinearTagger names = new LinearTagger(taxonomy, Map.of(), new float[0][0], 0);
        for (Example e : examples) {
            for (String name : new java.util.HashSet<>(names.featureNames(e.text()))) {
                counts.merge(name, 1, Integer::sum);
            }
        }
        Map<String, Integer> vocabulary = new HashMap<>();
        counts.entrySet().stream().filter(c -> c.getValue() >= 2).map(Map.Entry::getKey).sorted()
                .forEach(name -> vocabulary.put(name, vocabulary.size()));
        int size = vocabulary.size() + 1;
        int labels = taxonomy.size();
        float[][] weights = new float[labels][size];
        float[][] squares = new float[labels][size];
        LinearTagger tagger = new LinearTagger(taxonomy, vocabulary, weights, settings.threshold());
        int[][] features = new int[examples.size()][];
        for (int i = 0; i < examples.size(); i++) {
            features[i] = tagger.features(examples.get(i).text());
        }
        Integer[] order = new Integer[examples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(settings.seed());
        int bias = size - 1;
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            java.util.Collections.shuffle(Arrays.asList(order), random);
            for (int i : order) {
                int[] x = features[i];
                double value = x.length == 0 ? 0 : 1 / Math.sqrt(x.length);
                double[] p = tagger.scores(x);
                Example example = examples.get(i);
                for (int l = 0; l < labels; l++) {
                    double g = p[l] - (example.has(l) ? 1 : 0);
                    float[] w = weights[l];
                    float[] s = squares[l];
                    for (int f : x) {
                        double grad = g * value + settings.l2() * w[f];
                        s[f] += (float) (grad * grad);
                        w[f] -= (float) (settings.learningRate() * grad / Math.sqrt(s[f] + 1e-8));
                    }
                    s[bias] += (float) (g * g);
                    w[bias] -= (float) (settings.learningRate() * g / Math.sqrt(s[bias] + 1e-8));
                }
            }
        }
        return tagger;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(vocabulary.size());
        String[] names = new String[vocabulary.size()];
        vocabulary.forEach((name, id) -> names[id] = name);
        for (String name : names) {
            out.writeUTF(name);
        }
        out.writeInt(weights.length);
        out.writeDouble(threshold);
        for (float[] w : weights) {
            for (float v : w) {
                out.writeFloat(v);
            }
        }
    }

    static LinearTagger read(Taxonomy taxonomy, DataInputStream in) throws IOException {
        int size = in.readInt();
        Map<String, Integer> vocabulary = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            vocabulary.put(in.readUTF(), i);
        }
        int labels = in.readInt();
        if (labels != taxonomy.size()) {
            throw new IOException("the model has " + labels + " labels where the scheme has " + taxonomy.size());
        }
        double threshold = in.readDouble();
        float[][] weights = new float[labels][size + 1];
        for (float[] w : weights) {
            for (int f = 0; f < w.length; f++) {
                w[f] = in.readFloat();
            }
        }
        return new LinearTagger(taxonomy, vocabulary, weights, threshold);
    }
}
