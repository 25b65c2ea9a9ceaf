package org.councilbrief.search;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a reader asks: the words (the query syntax of the search page: words, "phrases", AND, OR, NOT, + and -), the
 * facet values chosen (dimension to value; see {@link SearchIndex#DIMENSIONS}), whether only what the public site
 * shows may be found, and which slice of the hits to return.
 */
public record SearchQuery(String q, Map<String, String> filters, boolean publicOnly, int offset, int size) {
    /** The deepest hit a query may page to: beyond it, narrowing the query is the better way. */
    public static final int MAX_OFFSET = 10_000;

    public SearchQuery {
        q = q == null ? "" : q.strip();
        Map<String, String> kept = new LinkedHashMap<>();
        if (filters != null) {
            filters.forEach((k, v) -> {
                if (v != null && !v.isBlank()) {
                    kept.put(k, v.strip());
                }
            });
        }
        filters = java.util.Collections.unmodifiableMap(kept);
        offset = Math.max(0, Math.min(offset, MAX_OFFSET));
        size = Math.max(1, Math.min(size, 100));
    }

    /** Whether anything was asked: words or a facet value. */
    public boolean asked() {
        return !q.isEmpty() || !filters.isEmpty();
    }
}
