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
import java.util.Properties;
import org.councilbrief.AppException;

/**
 * A learnt tagger and how it is kept on disk. The method, chosen by measurement (docs/quality.md, decision 0011),
 * stacks three scores per label: the linear model, the nearest labelled texts (k = 20) and the shipped cue phrases
 * feed, for each label, a second-level logistic regression over all of them ({@link StackedTagger}); a label is given
 * from 0.35, and the best label when none reaches it. The fixed blend it replaced (linear 0.5 + neighbours 0.5 + cue
 * phrases 0.3, from 0.4) is still learnt for the quality tables and read from models written before (format 1).
 * <p>
 * A model folder holds {@code model.properties}, {@code linear.bin} (vocabulary and weights), {@code examples.tsv}
 * (the labelled texts the neighbours are found among) and {@code stack.bin} (the second level's weights).
 */
public final class ThemeModel {
    public static final double LINEAR_WEIGHT = 0.5;
    public static final double NEIGHBOUR_WEIGHT = 0.5;
    public static final double RULE_WEIGHT = 0.3;
    public static final double THRESHOLD = 0.4;
    public static final int NEIGHBOURS = 20;
    private static final int FORMAT = 2;

    private ThemeModel() {
    }

    /** The shipped method: the stacked tagger. */
    public static StackedTagger train(Taxonomy taxonomy, List<Example> examples) {
        return StackedTagger.train(taxonomy, examples, LinearTagger.Settings.DEFAULT, NEIGHBOURS,
                StackedTagger.Settings.DEFAULT);
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
            p.setProperty("method", "second-level logistic regression per label over linear, 20 nearest neighbours"
                    + " and cue phrases, learnt on three folds; threshold " + tagger.threshold());
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

    /** Reads a model folder: a stacked tagger, or the blend of a model written in format 1. */
    public static Tagger load(Path dir, Taxonomy taxonomy) throws AppException {
        try {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(dir.resolve("model.properties"), StandardCharsets.UTF_8)) {
                p.load(r);
            }
            String format = p.getProperty("format");
            if (!String.valueOf(FORMAT).equals(format) && !"1".equals(format)) {
                throw new AppException(dir + " holds a model of another format (" + p.getProperty("format") + ")");
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
                return StackedTagger.read(linear, new NeighbourTagger(taxonomy, examples, NEIGHBOURS, 0), in);
            }
        } catch (NoSuchFileException e) {
            throw new AppException(dir + " is not a theme model: " + e.getFile() + " is missing", e);
        } catch (IOException | RuntimeException e) {
            throw new AppException("cannot read the model in " + dir + ": " + e.getMessage(), e);
        }
    }
}
