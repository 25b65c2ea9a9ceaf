package org.councilbrief.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.councilbrief.SharedData;
import org.councilbrief.document.CsvReader;
import org.councilbrief.document.SourceTexts;
import org.councilbrief.theme.EmbeddingTagger;
import org.councilbrief.theme.Embedder;
import org.councilbrief.theme.Embedders;
import org.councilbrief.theme.Example;
import org.councilbrief.theme.Tagger;
import org.councilbrief.theme.Taxonomy;
import org.councilbrief.theme.ThemeLabel;

/**
 * Scores theme taggers on UPR Info's rows of ../shared/data/upr-themes: learn from sessions 1-9, tag sessions 10-12,
 * micro- and macro-averaged F1 over the 54 issues. The sentence embeddings are computed once per model and kept under
 * target/embeddings/ ({@link ThemeEmbeddings}); {@code main("embeddings[-validation]", model ...)} prints the table of
 * the embedding models.
 */
public final class ThemeTaggingQuality {
    public record Split(List<Example> train, List<Example> test) {
    }

    public record Score(String method, double microF1, double macroF1, double precision, double recall) {
    }

    public static List<Example> rows(int fromSession, int toSession) {
        Taxonomy taxonomy = Taxonomy.uprInfo();
        List<Example> out = new ArrayList<>();
        try {
            CsvReader.Table table = CsvReader.read(SourceTexts.read(
                    SharedData.root().resolve("data/upr-themes/upr_recommendations_sessions_01-12.csv")));
            for (CsvReader.Row row : table.rows()) {
                int session = Integer.parseInt(row.get("session"));
                if (session < fromSession || session > toSession) {
                    continue;
                }
                List<ThemeLabel> labels = new ArrayList<>();
                for (String issue : row.get("issues").split(",")) {
                    taxonomy.label(issue).ifPresent(labels::add);
                }
                out.add(Example.of(taxonomy, row.get("text"), labels));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    public static Split split() {
        return new Split(rows(1, 9), rows(10, 12));
    }

    /** Scores predicted label sets (indexes) against the examples' labels. */
    public static Score score(String method, List<Example> test, Function<String, int[]> predict) {
        int labels = Taxonomy.uprInfo().size();
        long[] tp = new long[labels];
        long[] fp = new long[labels];
        long[] fn = new long[labels];
        for (Example e : test) {
            int[] predicted = predict.apply(e.text());
            boolean[] gold = new boolean[labels];
            for (int l : e.labels()) {
                gold[l] = true;
            }
            boolean[] got = new boolean[labels];
            for (int l : predicted) {
                got[l] = true;
            }
            for (int l = 0; l < labels; l++) {
                if (got[l] && gold[l]) {
                    tp[l]++;
                } else if (got[l]) {
                    fp[l]++;
                } else if (gold[l]) {
                    fn[l]++;
                }
            }
        }
        long tps = 0;
        long fps = 0;
        long fns = 0;
        double macro = 0;
        int present = 0;
        for (int l = 0; l < labels; l++) {
            tps += tp[l];
            fps += fp[l];
            fns += fn[l];
            if (tp[l] + fn[l] + fp[l] > 0) {
                present++;
                macro += f1(tp[l], fp[l], fn[l]);
            }
        }
        double precision = tps / (double) (tps + fps);
        double recall = tps / (double) (tps + fns);
        return new Score(method, f1(tps, fps, fns), macro / present, precision, recall);
    }

    private static double f1(long tp, long fp, long fn) {
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    static int[] indexes(Taxonomy taxonomy, List<ThemeLabel> labels) {
        return labels.stream().mapToInt(taxonomy::indexOf).toArray();
    }

    /**
     * Every method, learnt on sessions 1-9 and scored on 10-12. The blend's weights and threshold were chosen on
     * session 9 with models learnt on sessions 1-8 ({@link #validation}), never on 10-12.
     */
    public static Map<String, Score> measureAll() {
        return measure(split());
    }

    /** The same methods learnt on sessions 1-8 and scored on session 9: where parameters are chosen. */
    public static Map<String, Score> validation() {
        return measure(new Split(rows(1, 8), rows(9, 9)));
    }

    static Map<String, Score> measure(Split split) {
        Taxonomy taxonomy = Taxonomy.uprInfo();
        Map<String, Score> scores = new LinkedHashMap<>();
        org.councilbrief.theme.RuleTagger rules = new org.councilbrief.theme.RuleTagger(taxonomy);
        scores.put("rules", score("cue phrases (shipped rules)", split.test(),
                t -> indexes(taxonomy, rules.tag(t))));
        var linear = org.councilbrief.theme.LinearTagger.train(taxonomy, split.train(),
                org.councilbrief.theme.LinearTagger.Settings.DEFAULT);
        scores.put("linear", score("linear (logistic regression, words and word pairs, cue features)", split.test(),
                t -> indexes(taxonomy, linear.tag(t))));
        var neighbours = new org.councilbrief.theme.NeighbourTagger(taxonomy, split.train(),
                org.councilbrief.theme.ThemeModel.NEIGHBOURS, org.councilbrief.theme.ThemeModel.THRESHOLD);
        scores.put("neighbours", score("20 nearest neighbours (Lucene BM25)", split.test(),
                t -> indexes(taxonomy, neighbours.tag(t))));
        var blend = org.councilbrief.theme.ThemeModel.blend(taxonomy, linear, split.train());
        scores.put("blend", score("blend: linear 0.5 + neighbours 0.5 + cue phrases 0.3, threshold 0.4",
                split.test(), t -> indexes(taxonomy, blend.tag(t))));
        var stacked = org.councilbrief.theme.ThemeModel.train(taxonomy, split.train(), null);
        scores.put("stacked", score("stacked: a logistic regression per issue over the three methods' scores of"
                + " every issue, learnt on three folds, threshold 0.35", split.test(),
                t -> indexes(taxonomy, stacked.tag(t))));
        var shipped = org.councilbrief.theme.ThemeModel.train(taxonomy, split.train(), cached(Embedders.DEFAULT));
        scores.put("embedding", score("stacked with a fourth input, a logistic regression per issue over the"
                + " sentence embedding (" + Embedders.DEFAULT + "), threshold "
                + org.councilbrief.theme.ThemeModel.EMBEDDING_THRESHOLD, split.test(),
                t -> indexes(taxonomy, shipped.tag(t))));
        return scores;
    }

    /**
     * How far any choice of thresholds could take the shipped model's scores on sessions 10-12, chosen with the
     * answers in hand (so these are ceilings, not results): one threshold, one threshold per issue, and the right
     * number of issues per row known in advance (its top-k).
     */
    public static Map<String, Double> ceilings() {
        Split split = split();
        Taxonomy taxonomy = Taxonomy.uprInfo();
        var blend = org.councilbrief.theme.ThemeModel.train(taxonomy, split.train(), cached(Embedders.DEFAULT));
        List<Example> test = split.test();
        double[][] scores = new double[test.size()][];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = blend.scores(test.get(i).text());
        }
        int labels = taxonomy.size();
        double[] thresholds = new double[labels];
        double bestSingle = 0;
        for (double t = 0.2; t <= 0.7; t += 0.025) {
            java.util.Arrays.fill(thresholds, t);
            double f = microF1(test, scores, thresholds);
            if (f > bestSingle) {
                bestSingle = f;
            }
        }
        java.util.Arrays.fill(thresholds, blend.threshold());
        for (int round = 0; round < 3; round++) {
            for (int l = 0; l < labels; l++) {
                double bestF = -1;
                double bestT = thresholds[l];
                for (double t = 0.1; t <= 0.9; t += 0.025) {
                    thresholds[l] = t;
                    double f = microF1(test, scores, thresholds);
                    if (f > bestF) {
                        bestF = f;
                        bestT = t;
                    }
                }
                thresholds[l] = bestT;
            }
        }
        double perIssue = microF1(test, scores, thresholds);
        long right = 0;
        long total = 0;
        for (int i = 0; i < test.size(); i++) {
            int k = test.get(i).labels().length;
            total += k;
            double[] si = scores[i];
            int[] top = java.util.stream.IntStream.range(0, labels).boxed()
                    .sorted((x, y) -> Double.compare(si[y], si[x])).limit(k).mapToInt(Integer::intValue).toArray();
            for (int l : top) {
                if (hasLabel(test.get(i), l)) {
                    right++;
                }
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("one threshold, chosen on 10-12", bestSingle);
        out.put("a threshold per issue, chosen on 10-12", perIssue);
        out.put("the right number of issues per row, known in advance", right / (double) total);
        return out;
    }

    /**
     * How consistent UPR Info's coding is where a held-out row has a near copy among the training rows: each row of
     * 10-12 is given the issues of its most similar training row (by the share of words in common, among Lucene's
     * ten nearest), and the F1 of that is counted by how similar the two are. Rows: {lower bound, rows, F1}.
     */
    public static List<double[]> agreement() {
        Split split = split();
        List<Example> train = split.train();
        double[] edges = {1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.0};
        long[][] counts = new long[edges.length][4]; // rows, tp, fp, fn
        try (var index = new org.councilbrief.search.NeighbourIndex(train.stream().map(Example::text).toList())) {
            for (Example e : split.test()) {
                java.util.Set<String> words = wordSet(e.text());
                double best = -1;
                int[] labels = null;
                for (var n : index.nearest(e.text(), 10)) {
                    java.util.Set<String> other = wordSet(train.get(n.position()).text());
                    java.util.Set<String> both = new java.util.HashSet<>(words);
                    both.retainAll(other);
                    double share = both.size() / (double) (words.size() + other.size() - both.size());
                    if (share > best) {
                        best = share;
                        labels = train.get(n.position()).labels();
                    }
                }
                if (labels == null) {
                    continue;
                }
                int b = 0;
                while (best < edges[b] - 1e-9) {
                    b++;
                }
                counts[b][0]++;
                for (int l : labels) {
                    counts[b][hasLabel(e, l) ? 1 : 2]++;
                }
                for (int l : e.labels()) {
                    if (java.util.Arrays.stream(labels).noneMatch(x -> x == l)) {
                        counts[b][3]++;
                    }
                }
            }
        }
        List<double[]> out = new ArrayList<>();
        for (int b = 0; b < edges.length; b++) {
            long[] c = counts[b];
            out.add(new double[] {edges[b], c[0], f1(c[1], c[2], c[3])});
        }
        return out;
    }

    private static java.util.Set<String> wordSet(String text) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String w : text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static boolean hasLabel(Example example, int label) {
        return java.util.Arrays.stream(example.labels()).anyMatch(l -> l == label);
    }

    private static double microF1(List<Example> test, double[][] scores, double[] thresholds) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < test.size(); i++) {
            double[] s = scores[i];
            boolean any = false;
            int best = 0;
            boolean[] got = new boolean[s.length];
            for (int l = 0; l < s.length; l++) {
                if (s[l] >= thresholds[l]) {
                    got[l] = true;
                    any = true;
                }
                if (s[l] > s[best]) {
                    best = l;
                }
            }
            if (!any) {
                got[best] = true;
            }
            for (int l = 0; l < s.length; l++) {
                boolean gold = hasLabel(test.get(i), l);
                if (got[l] && gold) {
                    tp++;
                } else if (got[l]) {
                    fp++;
                } else if (gold) {
                    fn++;
                }
            }
        }
        return 2.0 * tp / (2.0 * tp + fp + fn);
    }

    /** An embedder that gives the vectors the model gave each row of sessions 1-12 ({@link ThemeEmbeddings}). */
    public static Embedder cached(String model) {
        Map<String, float[]> vectors = ThemeEmbeddings.of(model);
        return new Embedder() {
            @Override
            public String id() {
                return model;
            }

            @Override
            public float[] embed(String text) {
                float[] v = vectors.get(text);
                if (v == null) {
                    throw new IllegalArgumentException("not embedded: " + text);
                }
                return v;
            }
        };
    }

    /**
     * Each embedding model as a fourth input to the stacked tagger (and its logistic regressions alone), learnt on
     * the split's training rows and scored on its test rows; the stacked model without it first. With
     * {@code thresholds}, each stacked model is also scored at thresholds 0.25 to 0.50 (to choose on session 9).
     */
    public static Map<String, Score> measureEmbeddings(Split split, List<String> models,
            EmbeddingTagger.Settings settings, boolean thresholds) {
        Taxonomy taxonomy = Taxonomy.uprInfo();
        Map<String, Score> scores = new LinkedHashMap<>();
        if (!Boolean.getBoolean("themes.withoutPlain")) {
            var plain = org.councilbrief.theme.ThemeModel.train(taxonomy, split.train());
            scores.put("stacked", score("stacked (linear, neighbours, cue phrases)", split.test(),
                    t -> indexes(taxonomy, plain.tag(t))));
            if (thresholds) {
                sweep(scores, "stacked", split.test(), plain);
            }
        }
        for (String model : models) {
            Embedder embedder = cached(model);
            var alone = EmbeddingTagger.train(taxonomy, embedder, split.train(), settings);
            scores.put(model + " alone", score(model + ": a logistic regression per issue over the embedding",
                    split.test(), t -> indexes(taxonomy, alone.tag(t))));
            var stacked = org.councilbrief.theme.ThemeModel.train(taxonomy, split.train(), embedder, settings,
                    org.councilbrief.theme.StackedTagger.Settings.DEFAULT);
            scores.put(model, score("stacked + " + model, split.test(), t -> indexes(taxonomy, stacked.tag(t))));
            if (thresholds) {
                sweep(scores, model, split.test(), stacked);
            }
        }
        return scores;
    }

    private static void sweep(Map<String, Score> scores, String name, List<Example> test, Tagger tagger) {
        double[][] s = new double[test.size()][];
        java.util.stream.IntStream.range(0, s.length).parallel().forEach(i -> s[i] = tagger.scores(test.get(i)
                .text()));
        for (double t = 0.25; t <= 0.501; t += 0.05) {
            double[] thresholds = new double[s[0].length];
            java.util.Arrays.fill(thresholds, t);
            double f = microF1(test, s, thresholds);
            scores.put(name + " at " + t, new Score(String.format("%s, threshold %.2f", name, t), f, Double.NaN,
                    Double.NaN, Double.NaN));
        }
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].startsWith("embeddings")) {
            // embeddings[-validation] [epochs learningRate l2] [model ...]
            boolean validation = args[0].endsWith("validation");
            int at = 1;
            EmbeddingTagger.Settings settings = EmbeddingTagger.Settings.DEFAULT;
            if (args.length > 3 && args[1].matches("\\d+")) {
                settings = new EmbeddingTagger.Settings(Integer.parseInt(args[1]), Double.parseDouble(args[2]),
                        Double.parseDouble(args[3]), settings.seed());
                at = 4;
            }
            List<String> models = args.length > at ? List.of(args).subList(at, args.length) : ThemeEmbeddings.MODELS;
            long start = System.nanoTime();
            System.out.println("| Method | micro-F1 | macro-F1 | precision | recall |");
            System.out.println("|---|---:|---:|---:|---:|");
            Split split = validation ? new Split(rows(1, 8), rows(9, 9)) : split();
            measureEmbeddings(split, models, settings, true).values().forEach(s -> System.out.printf(
                    "| %s | %.3f | %.3f | %.3f | %.3f |%n", s.method(), s.microF1(), s.macroF1(), s.precision(),
                    s.recall()));
            System.out.printf("%.1f s%n", (System.nanoTime() - start) / 1e9);
            return;
        }
        if (args.length > 0 && args[0].equals("agreement")) {
            agreement().forEach(r -> System.out.printf("| at least %.1f of words in common | %d | %.3f |%n", r[0],
                    (long) r[1], r[2]));
            return;
        }
        if (args.length > 0 && args[0].equals("ceilings")) {
            ceilings().forEach((what, f) -> System.out.printf("| %s | %.3f |%n", what, f));
            return;
        }
        long start = System.nanoTime();
        System.out.println("| Method | micro-F1 | macro-F1 | precision | recall |");
        System.out.println("|---|---:|---:|---:|---:|");
        Map<String, Score> scores = args.length > 0 && args[0].equals("validation") ? validation() : measureAll();
        scores.values().forEach(s -> System.out.printf("| %s | %.3f | %.3f | %.3f | %.3f |%n", s.method(),
                s.microF1(), s.macroF1(), s.precision(), s.recall()));
        System.out.printf("%.1f s%n", (System.nanoTime() - start) / 1e9);
    }
}
