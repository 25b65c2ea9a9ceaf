package org.councilbrief.theme;

import java.util.List;

/** Several taggers' scores, weighted and summed, then one threshold. */
public final class BlendedTagger implements Tagger {
    private final List<Tagger> taggers;
    private final double[] weights;
    private final double threshold;

    public BlendedTagger(List<Tagger> taggers, double[] weights, double threshold) {
        if (taggers.isEmpty() || taggers.size() != weights.length) {
            throw new IllegalArgumentException("one weight per tagger");
        }
        this.taggers = List.copyOf(taggers);
        this.weights = weights.clone();
        this.threshold = threshold;
    }

    @Override
    public Taxonomy taxonomy() {
        return taggers.get(0).taxonomy();
    }

    public List<Tagger> parts() {
        return taggers;
    }

    public double[] weights() {
        return weights.clone();
    }

    public double threshold() {
        return threshold;
    }

    @Override
    public double[] scores(String text) {
        double[] total = new double[taxonomy().size()];
        for (int t = 0; t < taggers.size(); t++) {
            double[] s = taggers.get(t).scores(text);
            for (int l = 0; l < total.length; l++) {
                total[l] += weights[t] * s[l];
            }
        }
        return total;
    }

    @Override
    public List<ThemeLabel> tag(String text) {
        return Tagging.labels(taxonomy(), scores(text), threshold, true);
    }
}
