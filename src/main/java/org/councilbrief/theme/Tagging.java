package org.councilbrief.theme;

import java.util.ArrayList;
import java.util.List;

/** Turning scores into labels. */
final class Tagging {
    private Tagging() {
    }

    /**
     * The labels whose score reaches the threshold; with {@code atLeastOne}, the best label when none does (every
     * UPR recommendation has at least one issue).
     */
    static List<ThemeLabel> labels(Taxonomy taxonomy, double[] scores, double threshold, boolean atLeastOne) {
        List<ThemeLabel> out = new ArrayList<>();
        int best = -1;
        for (int l = 0; l < scores.length; l++) {
            if (scores[l] >= threshold) {
                out.add(taxonomy.labels().get(l));
            }
            if (best < 0 || scores[l] > scores[best]) {
                best = l;
            }
        }
        if (out.isEmpty() && atLeastOne && best >= 0 && scores[best] > 0) {
            out.add(taxonomy.labels().get(best));
        }
        return out;
    }
}
