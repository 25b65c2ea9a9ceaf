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
 * A learnt tagger and how it is kept on disk. The method, chosen by measurement (docs/quality.md), blends three
 * scores per label: the linear model (weight 0.5), the nearest labelled texts (k = 20, weight 0.5) and the shipped
 * cue phrases (weight 0.3); a label is given from 0.4, and the best label when none reaches it.
 * <p>
 * A model folder holds {@code model.properties}, {@code linear.bin} (vocabulary and weights) and {@code examples.tsv}
 * (the labelled texts the neighbours are found among).
 */
public final class ThemeModel {
    public static final double LINEAR_WEIGHT = 0.5;
    public static final double NEIGHBOUR_WEIGHT = 0.5;
    public static final double RULE_WEIGHT = 0.3;
    public static final double THRESHOLD = 0.4;
    public static final int NEIGHBOURS = 20;
    private static final int FORMAT = 1;

    private ThemeModel() {
    }

    public static BlendedTagger train(Taxonomy taxonomy, List<Example> examples) {
        LinearTagger linear = LinearTagger.train(taxonomy, examples, LinearTagger.Settings.DEFAULT);
        return blend(taxonomy, linear, examples);
    }

    private static BlendedTagger blend(Taxonomy taxonomy, LinearTagger linear, List<Example> examples) {
        return new BlendedTagger(List.of(linear, new NeighbourTagger(taxonomy, examples, NEIGHBOURS, THRESHOLD),
                new RuleTagger(taxonomy)), new double[] {LINEAR_WEIGHT, NEIGHBOUR_WEIGHT, RULE_WEIGHT}, THRESHOLD);
    }

    public static void save(BlendedTagger tagger, Path dir) throws AppException {
        LinearTagger linear = (LinearTagger) tagger.parts().get(0);
        NeighbourTagger neighbours = (NeighbourTagger) tagger.parts().get(1);
        try {
            Files.createDirectories(dir);
            Properties p = new Properties();
            p.setProperty("format", String.valueOf(FORMAT));
            p.setProperty("scheme", tagger.taxonomy().scheme());
            p.setProperty("labels", String.valueOf(tagger.taxonomy().size()));
            p.setProperty("examples", String.valueOf(neighbours.examples().size()));
            p.setProperty("method", "blend of linear (0.5), 20 nearest neighbours (0.5), cue phrases (0.3); threshold 0.4");
            try (Writer w = Files.newBufferedWriter(dir.resolve("model.properties"), StandardCharsets.UTF_8)) {
                p.store(w, "councilbrief theme model");
            }
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(dir.resolve("linear.bin"))))) {
                linear.write(out);
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

    public static BlendedTagger load(Path dir, Taxonomy taxonomy) throws AppException {
        try {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(dir.resolve("model.properties"), StandardCharsets.UTF_8)) {
                p.load(r);
            }
            if (!String.valueOf(FORMAT).equals(p.getProperty("format"))) {
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
            return blend(taxonomy, linear, examples);
        } catch (NoSuchFileException e) {
            throw new AppException(dir + " is not a theme model: " + e.getFile() + " is missing", e);
        } catch (IOException | RuntimeException e) {
            throw new AppException("cannot read the model in " + dir + ": " + e.getMessage(), e);
        }
    }
}
