package org.councilbrief.theme;

import java.util.List;

/** Gives a text the themes of one scheme. */
public interface Tagger {
    Taxonomy taxonomy();

    /** A score in [0, 1] per label of the taxonomy, in its order. */
    double[] scores(String text);

    /** The labels the text is given, in the taxonomy's order. */
    List<ThemeLabel> tag(String text);
}
