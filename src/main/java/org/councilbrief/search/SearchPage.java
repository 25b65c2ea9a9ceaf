package org.councilbrief.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.councilbrief.PageHeader;

/**
 * What the search page ({@code search/results.jte}) shows, decided here: the query as typed, the facets as links that
 * keep the query, the hits with their passages, the pages, and the downloads of the matching rows. Every link is
 * relative to the page, which is at the site's top ({@code search}) or one level down ({@code workspace/search}).
 */
public record SearchPage(PageHeader header, String q, List<Chosen> chosen, String error, String count,
        List<Facet> facets, List<HitView> hits, List<Link> pages, String pageLine, List<Link> downloads,
        String notice, boolean asked, boolean workspace) {

    /** A facet value chosen, with the link that drops it. */
    public record Chosen(String name, String value, String label, String remove) {
    }

    /** One dimension's values, each a link narrowing the search to it. */
    public record Facet(String dimension, String label, List<FacetLink> values) {
    }

    /** One value of a facet: its label, the number of hits, its link, and whether it is chosen. */
    public record FacetLink(String label, long count, String href, boolean chosen) {
    }

    /** One hit as the page shows it: snippet is HTML ({@code <mark>} around the words found, the rest escaped). */
    public record HitView(String title, String href, String snippet, String kind, String details) {
    }

    /** A link with its text. */
    public record Link(String text, String href, boolean current) {
    }

    static SearchPage of(PageHeader header, String q, Map<String, String> filters, SearchResult result, String error,
            int page, int perPage, boolean ready, Function<String, Function<String, String>> labels,
            boolean publicOnly) {
        List<Chosen> chosen = new ArrayList<>();
        filters.forEach((dim, value) -> {
            Map<String, String> without = new LinkedHashMap<>(filters);
            without.remove(dim);
            chosen.add(new Chosen(dim, value, SearchRoutes.dimensionLabel(dim) + ": " + labels.apply(dim)
                    .apply(value), href(q, without, 1)));
        });
        List<Facet> facets = new ArrayList<>();
        List<HitView> hits = new ArrayList<>();
        List<Link> pages = new ArrayList<>();
        List<Link> downloads = new ArrayList<>();
        String count = null;
        String pageLine = null;
        if (result != null) {
            count = result.total() == 0 ? "No text found." : result.total() == 1 ? "1 text found."
                    : String.format(java.util.Locale.ROOT, "%,d texts found.", result.total());
            for (String dim : SearchIndex.DIMENSIONS) {
                List<FacetLink> values = new ArrayList<>();
                for (SearchResult.FacetCount fc : result.facets().getOrDefault(dim, List.of())) {
                    Map<String, String> with = new LinkedHashMap<>(filters);
                    with.put(dim, fc.value());
                    values.add(new FacetLink(labels.apply(dim).apply(fc.value()), fc.count(), href(q, with, 1),
                            fc.value().equals(filters.get(dim))));
                }
                if (!values.isEmpty()) {
                    facets.add(new Facet(dim, SearchRoutes.dimensionLabel(dim), values));
                }
            }
            String root = header.root();
            for (SearchResult.Hit h : result.hits()) {
                List<String> details = new ArrayList<>();
                if (!h.situations().isEmpty()) {
                    details.add(String.join(", ", h.situations().stream().map(labels.apply("situation")).toList()));
                }
                if (h.year() != null) {
                    details.add(String.valueOf(h.year()));
                }
                if (!h.themes().isEmpty()) {
                    details.add(String.join(", ", h.themes().stream().map(labels.apply("theme")).toList()));
                }
                hits.add(new HitView(h.title(), root + h.url(), h.snippet(), labels.apply("kind").apply(h.kind()),
                        String.join(" · ", details)));
            }
            long last = Math.max(1, Math.min((result.total() + perPage - 1) / perPage,
                    SearchQuery.MAX_OFFSET / perPage + 1));
            if (last > 1) {
                pageLine = "Page " + page + " of " + last;
                if (page > 1) {
                    pages.add(new Link("Previous page", href(q, filters, page - 1), false));
                }
                for (long p = Math.max(1, page - 3); p <= Math.min(last, page + 3); p++) {
                    pages.add(new Link(String.valueOf(p), href(q, filters, (int) p), p == page));
                }
                if (page < last) {
                    pages.add(new Link("Next page", href(q, filters, page + 1), false));
                }
            }
            Map<String, Long> kinds = new LinkedHashMap<>();
            result.facets().getOrDefault("kind", List.of()).forEach(f -> kinds.put(f.value(), f.count()));
            String params = exportParams(q, filters);
            // The downloads hold the rows that contain every word of the query: offered for plain words only, as
            // phrases, OR, NOT and brackets would give other rows than the ones found here.
            if (!PLAIN.matcher(q).matches()) {
                kinds.clear();
            }
            if (kinds.containsKey("speech") || kinds.containsKey("press")) {
                downloads.addAll(export(root, "statements", "Statements", params));
            }
            if (kinds.containsKey("position")) {
                downloads.addAll(export(root, "positions", "Positions", params));
            }
            if (kinds.containsKey("recommendation")) {
                downloads.addAll(export(root, "recommendations", "UPR recommendations", params));
            }
        }
        String notice = ready ? null : "The search index is being built: some texts are not found yet.";
        return new SearchPage(header, q, chosen, error, count, facets, hits, pages, pageLine, downloads, notice,
                result != null, !publicOnly);
    }

    /** A query of plain words: letters, digits, apostrophes and hyphens inside words, no operator. */
    static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile(
            "(?!.*\\b(AND|OR|NOT)\\b)[\\p{L}\\p{N}' ]*(?:[\\p{L}\\p{N}]-[\\p{L}\\p{N}' ]*)*");

    private static List<Link> export(String root, String path, String label, String params) {
        return List.of(new Link(label + " (CSV)", root + "export/" + path + ".csv" + params, false),
                new Link(label + " (JSON Lines)", root + "export/" + path + ".jsonl" + params, false));
    }

    /** The export paths take the search's parameters (the common brief): q, situation, member, theme, year, kind. */
    private static String exportParams(String q, Map<String, String> filters) {
        StringBuilder b = new StringBuilder();
        if (!q.isEmpty()) {
            b.append("&q=").append(SearchRoutes.encode(q));
        }
        filters.forEach((k, v) -> b.append('&').append(k).append('=').append(SearchRoutes.encode(v)));
        return b.isEmpty() ? "" : "?" + b.substring(1);
    }

    /** The search page's link for this query, these facet values and page, relative to the search page. */
    static String href(String q, Map<String, String> filters, int page) {
        StringBuilder b = new StringBuilder("search?q=").append(SearchRoutes.encode(q));
        filters.forEach((k, v) -> b.append('&').append(k).append('=').append(SearchRoutes.encode(v)));
        if (page > 1) {
            b.append("&page=").append(page);
        }
        return b.toString();
    }

    /** The page's title. */
    public String title() {
        return q.isEmpty() ? "Search" : "Search: " + q;
    }
}
