package org.councilbrief.search;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where the index takes its texts from: the database. The index asks for the {@link #stamp()} often and cheaply; when
 * it changed, for every group's {@link #signatures() signature}; and the texts of the groups whose signature differs
 * from the one it indexed.
 */
public interface SearchSource {
    /** A short value that changes whenever any text could have changed (an import, an edit, a position decided). */
    String stamp();

    /** Every group of texts there is, each with a value that changes whenever one of its texts changes. */
    Map<String, String> signatures();

    /** Gives {@code sink} the texts of {@code groups}, in any order; a group with no text gives none. */
    void texts(Set<String> groups, Consumer<SearchText> sink);
}
