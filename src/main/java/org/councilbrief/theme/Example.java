package org.councilbrief.theme;

import java.util.List;

/** A labelled text to learn from or to score against: the labels are indexes into the taxonomy. */
public record Example(String text, int[] labels) {
    public Example {
        labels = labels.clone();
    }

    public static Example of(Taxonomy taxonomy, String text, List<ThemeLabel> labels) {
        return new Example(text, labels.stream().mapToInt(taxonomy::indexOf).toArray());
    }

    boolean has(int label) {
        for (int l : labels) {
            if (l == label) {
                return true;
            }
        }
        return false;
    }
}
