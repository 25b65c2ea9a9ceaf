package org.councilbrief.search;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchQuery}: how many texts match, one slice of them, and per facet dimension how many of
 * the matching texts carry each value (most first), and the key of the last hit given when more remain (null when
 * none do).
 */
public record SearchResult(long total, int offset, List<Hit> hits, Map<String, List<FacetCount>> facets,
        SearchQuery.After last) {
    public SearchResult {
        hits = List.copyOf(hits);
        facets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facets));
    }

    /** Whether hits remain after this slice: the {@link #last} key is where the next one starts. */
    public boolean more() {
        return last != null;
    }

    /**
     * One text found.
     *
     * @param snippet its best passages as HTML: the text escaped, the words found inside {@code <mark>}
     * @param situations every situation it concerns, {@code situation} first
     */
    public record Hit(String kind, String title, String url, String snippet, String situation,
            List<String> situations, List<String> members, List<String> themes, Integer year, boolean visible) {
    }

    /** One value of a facet and the number of matching texts that carry it. */
    public record FacetCount(String value, long count) {
    }
}
