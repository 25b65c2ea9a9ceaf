package org.councilbrief.theme;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.councilbrief.AppException;
import org.councilbrief.Progress;

/**
 * A learnt tagger and how it is kept on disk. The method, chosen by measurement (docs/quality.md, decisions 0011 and
 * 0037), stacks four scores per label: the linear model, the nearest labelled texts (k = 20), the shipped cue phrases
 * and a logistic regression over the text's sentence embedding ({@link Embedders}) feed, for each label, a
 * second-level logistic regression over all of them ({@link StackedTagger}); a label is given from 0.40, and the best
 * label when none reaches it. Models of format 2 (the same without the embedding, from 0.35) are still read, and so
 * is the fixed blend of format 1 (linear 0.5 + neighbours 0.5 + cue phrases 0.3, from 0.4).
 * <p>
 * A model folder holds {@code model.properties} (with {@code embedding}, the embedding model's name),
 * {@code linear.bin} (vocabulary and weights), {@code examples.tsv} (the labelled texts the neighbours are found
 * among), {@code embedding.bin} (the embedding input's weights) and {@code stack.bin} (the second level's weights).
 */
public final class ThemeModel {
    public static final double LINEAR_WEIGHT = 0.5;
    public static final double NEIGHBOUR_WEIGHT = 0.5;
    public static final double RULE_WEIGHT = 0.3;
    public static final double THRESHOLD = 0.4;
    public static final int NEIGHBOURS = 20;
    /** The stacked model's threshold with the embedding input (chosen on session 9, docs/quality.md). */
    public static final double EMBEDDING_THRESHOLD = 0.40;
    private static final int FORMAT = 3;

    private ThemeModel() {
    }

    /** The shipped method: the stacked tagger with the shipped sentence-embedding model as its fourth input. */
    public static StackedTagger train(Taxonomy taxonomy, List<Example> examples) {
        return train(taxonomy, examples, Embedders.defaultEmbedder());
    }

    /**
     * The stacked tagger with the embedding model of {@code embedder} as a fourth input, a label from
     * {@value #EMBEDDING_THRESHOLD}; with {@code null}, the three inputs of format 2, a label from 0.35 (both chosen on
     * session 9).
     */
    public static StackedTagger train(Taxonomy taxonomy, List<Example> examples, Embedder embedder) {
        return train(taxonomy, examples, embedder, Progress.none());
    }

    /** The same, counting on {@code progress} the texts embedded, the folds and the labels learnt. */
    public static StackedTagger train(Taxonomy taxonomy, List<Example> examples, Embedder embedder,
            Progress progress) {
        StackedTagger.Settings settings = StackedTagger.Settings.DEFAULT;
        if (embedder != null) {
            settings = new StackedTagger.Settings(settings.folds(), settings.epochs(), settings.learningRate(),
                    settings.l2(), EMBEDDING_THRESHOLD, settings.seed());
        }
        return StackedTagger.train(taxonomy, examples, LinearTagger.Settings.DEFAULT, NEIGHBOURS, settings, embedder,
                EmbeddingTagger.Settings.DEFAULT, progress);
    }

    /** The same with other settings of the embedding input and of the second level (for the quality tables). */
    public static StackedTagger train(Taxonomy taxonomy, List<Example> examples, Embedder embedder,
            EmbeddingTagger.Settings embeddingSettings, StackedTagger.Settings settings) {
        return StackedTagger.train(taxonomy, examples, LinearTagger.Settings.DEFAULT, NEIGHBOURS, settings, embedder,
                embeddingSettings);
    }

    /**
     * The fixed blend the stacked tagger replaced, over a linear model already learnt from {@code examples}: for the
     * quality tables, and for models written in format 1.
     */
    public static BlendedTagger blend(Taxonomy taxonomy, LinearTagger linear, List<Example> examples) {
        return new BlendedTagger(List.of(linear, new NeighbourTagger(taxonomy, examples, NEIGHBOURS, THRESHOLD),
                new RuleTagger(taxonomy)), new double[] {LINEAR_WEIGHT, NEIGHBOUR_WEIGHT, RULE_WEIGHT}, THRESHOLD);
    }

    public static void save(StackedTagger tagger, Path dir) throws AppException {
        LinearTagger linear = tagger.linear();
        NeighbourTagger neighbours = tagger.neighbours();
        try {
            Files.createDirectories(dir);
            Properties p = new Properties();
            p.setProperty("format", String.valueOf(FORMAT));
            p.setProperty("scheme", tagger.taxonomy().scheme());
            p.setProperty("labels", String.valueOf(tagger.taxonomy().size()));
            p.setProperty("examples", String.valueOf(neighbours.examples().size()));
            var embedding = tagger.embedding();
            p.setProperty("method", "second-level logistic regression per label over linear, 20 nearest neighbours"
                    + ", cue phrases" + (embedding.isPresent() ? " and a logistic regression over the sentence embedding"
                    : "") + ", learnt on three folds; threshold " + tagger.threshold());
            embedding.ifPresent(e -> p.setProperty("embedding", e.embedder().id()));
            try (Writer w = Files.newBufferedWriter(dir.resolve("model.properties"), StandardCharsets.UTF_8)) {
                p.store(w, "councilbrief theme model");
            }
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(dir.resolve("linear.bin"))))) {
                linear.write(out);
            }
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(dir.resolve("stack.bin"))))) {
                tagger.writeWeights(out);
            }
            Files.deleteIfExists(dir.resolve("embedding.bin"));
            if (embedding.isPresent()) {
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                        Files.newOutputStream(dir.resolve("embedding.bin"))))) {
                    embedding.get().write(out);
                }
            }
            try (Writer w = Files.newBufferedWriter(dir.resolve("examples.tsv"), StandardCharsets.UTF_8)) {
                for (Example e : neighbours.examples()) {
                    w.write(e.text().replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
                    w.write('\t');
                    w.write(String.join(",", Arrays.stream(e.labels()).mapToObj(String::valueOf).toList()));
                    w.write('\n');
                }
            }
        } catch (IOException e) {
            throw new AppException("cannot write the model to " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a model folder: a stacked tagger (format 3, with or without the embedding input; format 2, without), or
     * the blend of a model written in format 1.
     */
    public static Tagger load(Path dir, Taxonomy taxonomy) throws AppException {
        return load(dir, taxonomy, Embedders::shipped);
    }

    /** The same, with the embedders found by {@code embedders} (from a model's name) instead of the shipped ones. */
    public static Tagger load(Path dir, Taxonomy taxonomy, Function<String, Optional<Embedder>> embedders)
            throws AppException {
        try {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(dir.resolve("model.properties"), StandardCharsets.UTF_8)) {
                p.load(r);
            }
            String format = p.getProperty("format");
            if (!List.of("1", "2", String.valueOf(FORMAT)).contains(format)) {
                throw new AppException(dir + " holds a model of format " + format + ", which this version of"
                        + " councilbrief cannot read (it reads formats 1 to " + FORMAT + "); learn it again with"
                        + " 'themes train'");
            }
            String embeddingId = p.getProperty("embedding");
            Embedder embedder = null;
            if (embeddingId != null) {
                embedder = embedders.apply(embeddingId).orElseThrow(() -> new AppException(dir
                        + " holds a model that uses the sentence-embedding model '" + embeddingId + "', which this"
                        + " version of councilbrief does not ship (it ships " + String.join(", ", Embedders.SHIPPED)
                        + "); learn it again with 'themes train'"));
            }
            if (!taxonomy.scheme().equals(p.getProperty("scheme"))) {
                throw new AppException(dir + " holds a model of the '" + p.getProperty("scheme")
                        + "' scheme, not '" + taxonomy.scheme() + "'");
            }
            LinearTagger linear;
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                    Files.newInputStream(dir.resolve("linear.bin"))))) {
                linear = LinearTagger.read(taxonomy, in);
            }
            List<Example> examples = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve("examples.tsv"), StandardCharsets.UTF_8)) {
                int tab = line.lastIndexOf('\t');
                if (tab < 0) {
                    continue;
                }
                String ids = line.substring(tab + 1);
                int[] labels = ids.isEmpty() ? new int[0]
                        : Arrays.stream(ids.split(",")).mapToInt(Integer::parseInt).toArray();
                examples.add(new Example(line.substring(0, tab), labels));
            }
            if ("1".equals(format)) {
                return blend(taxonomy, linear, examples);
            }
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                    Files.newInputStream(dir.resolve("stack.bin"))))) {
                EmbeddingTagger embedding = null;
                if (embedder != null) {
                    try (DataInputStream e = new DataInputStream(new BufferedInputStream(
                            Files.newInputStream(dir.resolve("embedding.bin"))))) {
                        embedding = EmbeddingTagger.read(taxonomy, embedder, e);
                    }
                }
                return StackedTagger.read(linear, new NeighbourTagger(taxonomy, examples, NEIGHBOURS, 0), embedding,
                        in);
            }
        } catch (NoSuchFileException e) {
            throw new AppException(dir + " is not a theme model: " + e.getFile() + " is missing", e);
        } catch (IOException | RuntimeException e) {
            throw new AppException("cannot read the model in " + dir + ": " + e.getMessage(), e);
        }
    }
}
