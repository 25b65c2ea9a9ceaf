package org.councilbrief.theme;

import java.util.List;
import org.councilbrief.search.NeighbourIndex;

/**
 * Tags a text with the themes of its nearest labelled texts ({@link NeighbourIndex}, BM25): each label's score is
 * the share of the {@code k} neighbours' weight that carries it, a neighbour weighing its score squared, so that a
 * near copy of the text counts most.
 */
public final class NeighbourTagger implements Tagger {
    private final Taxonomy taxonomy;
    private final List<Example> examples;
    private final NeighbourIndex index;
    private final int k;
    private final double threshold;

    public NeighbourTagger(Taxonomy taxonomy, List<Example> examples, int k, double threshold) {
        this.taxonomy = taxonomy;
        this.examples = List.copyOf(examples);
        this.index = new NeighbourIndex(examples.stream().map(Example::text).toList());
        this.k = k;
        this.threshold = threshold;
    }

    @Override
    public Taxonomy taxonomy() {
        return taxonomy;
    }

    List<Example> examples() {
        return examples;
    }

    @Override
    public double[] scores(String text) {
        double[] scores = new double[taxonomy.size()];
        double total = 0;
        for (NeighbourIndex.Neighbour n : index.nearest(text, k)) {
            double weight = (double) n.score() * n.score();
            total += weight;
            for (int l : examples.get(n.position()).labels()) {
                scores[l] += weight;
            }
        }
        if (total > 0) {
            for (int l = 0; l < scores.length; l++) {
                scores[l] /= total;
            }
        }
        return scores;
    }

    @Override
    public List<ThemeLabel> tag(String text) {
        return Tagging.labels(taxonomy, scores(text), threshold, true);
    }
}
