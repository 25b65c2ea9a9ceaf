package org.councilbrief.search;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchQuery}: how many texts match, one slice of them, and per facet dimension how many of
 * the matching texts carry each value (most first).
 */
public record SearchResult(long total, int offset, List<Hit> hits, Map<String, List<FacetCount>> facets) {
    public SearchResult {
        hits = List.copyOf(hits);
        facets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facets));
    }

    /**
     * One text found.
     *
     * @param snippet its best passages as HTML: the text escaped, the words found inside {@code <mark>}
     */
    public record Hit(String kind, String title, String url, String snippet, String situation, List<String> members,
            List<String> themes, Integer year, boolean visible) {
    }

    /** One value of a facet and the number of matching texts that carry it. */
    public record FacetCount(String value, long count) {
    }
}
