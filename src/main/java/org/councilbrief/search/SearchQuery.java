package org.councilbrief.search;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a reader asks: the words (the query syntax of the search page: words, "phrases", AND, OR, NOT, + and -), the
 * facet values chosen (dimension to value; see {@link SearchIndex#DIMENSIONS}), whether only what the public site
 * shows may be found, and which slice of the hits to return: {@code size} hits from {@code offset} (the search page's
 * numbered pages), or after the hit {@code after} (the API's cursor, which goes as deep as the hits do). Hits come in
 * order of relevance, then of their id, so that the same query gives the same order.
 */
public record SearchQuery(String q, Map<String, String> filters, boolean publicOnly, int offset, int size,
        After after) {
    /** The deepest hit the page's numbered pages reach: beyond it, narrowing the query is the better way. */
    public static final int MAX_OFFSET = 10_000;
    /** The most hits one slice holds. */
    public static final int MAX_SIZE = 500;

    /** Where a slice starts: after the hit of this relevance and id. */
    public record After(float score, String id) {
    }

    /** A slice from {@code offset}. */
    public SearchQuery(String q, Map<String, String> filters, boolean publicOnly, int offset, int size) {
        this(q, filters, publicOnly, offset, size, null);
    }

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
        offset = after != null ? 0 : Math.max(0, Math.min(offset, MAX_OFFSET));
        size = Math.max(1, Math.min(size, MAX_SIZE));
    }

    /** Whether anything was asked: words or a facet value. */
    public boolean asked() {
        return !q.isEmpty() || !filters.isEmpty();
    }
}
