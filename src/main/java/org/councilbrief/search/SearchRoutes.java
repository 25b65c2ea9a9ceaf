package org.councilbrief.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.councilbrief.WebRoutes;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.councilbrief.AppException;
import org.councilbrief.PageHeader;
import org.councilbrief.account.AccountRoutes;
import org.councilbrief.account.Accounts;
import org.councilbrief.account.Session;

/**
 * The search's doors (decision 0039): the public page {@code /search?q=} (what the public site shows), the
 * workspace's {@code /workspace/search} (proposed and rejected positions too), the JSON at {@code /api/v1/search},
 * and the public pages a hit links to that the site had not: a meeting's speeches, a press summary, a UPR review's
 * recommendations and a resolution, each paragraph at its anchor.
 */
public final class SearchRoutes {
    /** Hits per page of the search page. */
    static final int PAGE = 10;
    /** The collection's name in the JSON's cursors. */
    static final String COLLECTION = "search";
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> KIND_LABELS = Map.of("brief", "Brief paragraph", "speech", "Speech",
            "press", "Press-summary paragraph", "position", "Position", "recommendation", "UPR recommendation",
            "resolution", "Resolution paragraph");
    private static final Map<String, String> DIMENSION_LABELS = Map.of("kind", "Kind of text", "situation",
            "Situation", "member", "Council member or state", "theme", "Theme", "year", "Year");

    private SearchRoutes() {
    }

    /**
     * How the JSON API answers (its ETag and 304, its problem objects): given by the application, so that search
     * answers as the rest of {@code /api/v1/} does without depending on the package that serves it.
     */
    public interface JsonRoutes {
        /** The body as JSON, with its ETag, or 304 when the client holds it already. */
        void send(Context ctx, byte[] json) throws java.io.IOException;

        /** A problem object with its status. */
        void problem(Context ctx, int status, String detail) throws java.io.IOException;

        /** The page size {@code text} asks for (the API's default when null), refused as the API refuses it. */
        int limit(String text) throws AppException;

        /**
         * The key the page starts after, from the request's cursor (empty: the first page), refused as the API
         * refuses a cursor another collection gave or whose key {@code readable} cannot read.
         */
        Optional<String> after(Context ctx, String collection, java.util.function.Predicate<String> readable)
                throws AppException;

        /** The opaque cursor that resumes {@code collection} after {@code key}. */
        String cursor(String collection, String key);
    }

    /**
     * A member as typed (an ISO code or a state's name, as exports take it) to its ISO code; refused, with what to
     * give, when it names no state.
     */
    public interface Members {
        String code(String typed) throws AppException;
    }

    /**
     * Registers the search's paths; call before the site's catch-all path.
     *
     * @param themeLabel a Council theme's label by its id (the id itself when unknown)
     * @param members reads the member filter as the exports read it
     */
    public static void register(WebRoutes app, Accounts accounts, SearchIndex index, SearchRepository repository,
            Function<String, String> themeLabel, JsonRoutes answers, Members members) {
        app.get("/search", ctx -> page(ctx, index, repository, themeLabel, PageHeader.site("", true, ""), true,
                members));
        app.get("/workspace/search", ctx -> {
            Optional<Session> session = AccountRoutes.session(ctx, accounts);
            if (session.isEmpty()) {
                ctx.redirect("../login");
                return;
            }
            page(ctx, index, repository, themeLabel, AccountRoutes.header(ctx, session.get(), ""), false, members);
        });
        app.get("/api/v1/search", ctx -> api(ctx, index, repository, themeLabel, answers, members));
        app.get("/meetings/{file}", ctx -> text(ctx, repository::meetingPage));
        app.get("/press/{file}", ctx -> text(ctx, repository::pressPage));
        app.get("/upr/{file}", ctx -> text(ctx, repository::reviewPage));
        app.get("/resolutions/{file}", ctx -> text(ctx, repository::resolutionPage));
    }

    /** The facet values asked for, as typed (the member may be a state's name). */
    private static Map<String, String> filters(Context ctx) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (String dim : SearchIndex.DIMENSIONS) {
            String v = ctx.queryParam(dim);
            if (v != null && !v.isBlank()) {
                filters.put(dim, clip(v.strip(), 100));
            }
        }
        return filters;
    }

    /** The filters with the member as its ISO code; refused when the member names no state. */
    private static Map<String, String> resolved(Map<String, String> filters, Members members) throws AppException {
        if (!filters.containsKey("member")) {
            return filters;
        }
        Map<String, String> out = new LinkedHashMap<>(filters);
        out.put("member", members.code(filters.get("member")));
        return out;
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }

    private static String query(Context ctx) throws AppException {
        String q = ctx.queryParam("q");
        q = q == null ? "" : q.replaceAll("\\p{Cntrl}", " ").strip();
        if (q.length() > 500) {
            throw new AppException("The query is longer than 500 characters: shorten it.");
        }
        return q;
    }

    private static void page(Context ctx, SearchIndex index, SearchRepository repository,
            Function<String, String> themeLabel, PageHeader header, boolean publicOnly, Members members) {
        Map<String, String> filters = filters(ctx);
        String q = "";
        String error = null;
        SearchResult result = null;
        int page = 1;
        try {
            filters = resolved(filters, members);
            q = query(ctx);
            page = pageNumber(ctx.queryParam("page"));
            SearchQuery query = new SearchQuery(q, filters, publicOnly, (page - 1) * PAGE, PAGE);
            if (query.asked()) {
                result = index.search(query);
            }
        } catch (AppException e) {
            error = capitalize(e.getMessage());
            ctx.status(400);
        }
        if (q.isEmpty() && ctx.queryParam("q") != null && !ctx.queryParam("q").isBlank()) {
            q = clip(ctx.queryParam("q"), 500);
        }
        SearchPage view = SearchPage.of(header, q, filters, result, error, page, PAGE, index.ready(), labels(
                repository, themeLabel), publicOnly);
        StringOutput out = new StringOutput();
        TEMPLATES.render("search/results.jte", Map.of("page", view), out);
        ctx.html(out.toString());
    }

    private static int pageNumber(String value) throws AppException {
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 1 || (long) (n - 1) * PAGE > SearchQuery.MAX_OFFSET) {
                throw new AppException("There is no page " + value.strip() + " of results: pages go from 1 to "
                        + (SearchQuery.MAX_OFFSET / PAGE + 1) + "; narrow the search to see further.");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new AppException("The page number is not a number.", e);
        }
    }

    /** The labels the page shows for facet values: situation and state names, theme labels, kinds of text. */
    private static Function<String, Function<String, String>> labels(SearchRepository repository,
            Function<String, String> themeLabel) {
        Map<String, Map<String, String>> names = repository.labels();
        return dim -> switch (dim) {
            case "kind" -> v -> KIND_LABELS.getOrDefault(v, v);
            case "theme" -> themeLabel;
            case "situation", "member" -> v -> names.get(dim).getOrDefault(v, v);
            default -> v -> v;
        };
    }

    /** The label of a facet dimension. */
    static String dimensionLabel(String dim) {
        return DIMENSION_LABELS.getOrDefault(dim, dim);
    }

    /**
     * {@code /api/v1/search}: the same answer as the page's, as JSON, with the conventions of the rest of the API
     * (decisions 0041 and 0047): {@code limit} from 1 to 500 (or {@code size}, its older name), an opaque cursor
     * naming the last hit given (its relevance and id, so that pages reach every hit, however deep), a {@code next}
     * link carrying the filters and the cursor, a strong ETag with 304 on If-None-Match, and a problem object for
     * what cannot be read, in the words of the other collections.
     */
    private static void api(Context ctx, SearchIndex index, SearchRepository repository,
            Function<String, String> themeLabel, JsonRoutes answers, Members members) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            String q = query(ctx);
            Map<String, String> filters = resolved(filters(ctx), members);
            int size = answers.limit(ctx.queryParam("limit") != null ? ctx.queryParam("limit")
                    : ctx.queryParam("size"));
            SearchQuery.After after = answers.after(ctx, COLLECTION, key -> afterKey(key) != null).map(
                    SearchRoutes::afterKey).orElse(null);
            SearchResult result = index.search(new SearchQuery(q, filters, true, 0, size, after));
            Function<String, Function<String, String>> labels = labels(repository, themeLabel);
            body.put("query", q);
            body.put("filters", filters);
            body.put("total", result.total());
            body.put("complete", index.ready());
            List<Map<String, Object>> hits = new ArrayList<>();
            for (SearchResult.Hit h : result.hits()) {
                Map<String, Object> hit = new LinkedHashMap<>();
                hit.put("kind", h.kind());
                hit.put("title", h.title());
                hit.put("url", h.url());
                hit.put("snippet", h.snippet());
                hit.put("situation", h.situation());
                hit.put("situations", h.situations());
                hit.put("members", h.members());
                hit.put("themes", h.themes());
                hit.put("year", h.year());
                hits.add(hit);
            }
            body.put("hits", hits);
            Map<String, Object> facets = new LinkedHashMap<>();
            result.facets().forEach((dim, values) -> facets.put(dim, values.stream().map(v -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("value", v.value());
                m.put("label", labels.apply(dim).apply(v.value()));
                m.put("count", v.count());
                return m;
            }).toList()));
            body.put("facets", facets);
            SearchQuery.After last = result.last();
            body.put("next", last == null ? null : nextLink(q, filters, size, answers.cursor(COLLECTION,
                    Integer.toHexString(Float.floatToIntBits(last.score())) + ":" + last.id())));
        } catch (AppException e) {
            answers.problem(ctx, 400, capitalize(e.getMessage()));
            return;
        }
        answers.send(ctx, JSON.writeValueAsBytes(body));
    }

    /** The address of the next slice: the same query and filters, the same size, and its cursor. */
    private static String nextLink(String q, Map<String, String> filters, int size, String cursor) {
        StringBuilder link = new StringBuilder("/api/v1/search?q=").append(URLEncoder.encode(q,
                StandardCharsets.UTF_8));
        filters.forEach((k, v) -> link.append('&').append(k).append('=').append(URLEncoder.encode(v,
                StandardCharsets.UTF_8)));
        return link.append("&limit=").append(size).append("&cursor=").append(cursor).toString();
    }

    /** A cursor's key, "relevance bits in hex:id", as a place to start after; null when it cannot be read. */
    private static SearchQuery.After afterKey(String key) {
        int colon = key.indexOf(':');
        if (colon < 1 || colon == key.length() - 1) {
            return null;
        }
        try {
            float score = Float.intBitsToFloat(Integer.parseUnsignedInt(key.substring(0, colon), 16));
            return Float.isNaN(score) ? null : new SearchQuery.After(score, key.substring(colon + 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A message as a sentence: its first letter upper case, a full stop at its end. */
    private static String capitalize(String text) {
        String s = text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return s.endsWith(".") || s.endsWith("?") || s.endsWith("!") ? s : s + ".";
    }

    private static void text(Context ctx, Function<String, Optional<SearchRepository.TextPage>> pages) {
        String file = ctx.pathParam("file");
        if (!file.endsWith(".html")) {
            ctx.redirect(URLEncoder.encode(file, StandardCharsets.UTF_8) + ".html");
            return;
        }
        SearchRepository.TextPage page = pages.apply(file.substring(0, file.length() - ".html".length()))
                .orElseThrow(NotFoundResponse::new);
        StringOutput out = new StringOutput();
        TEMPLATES.render("search/text.jte", Map.of("page", page, "header", PageHeader.site("../", true, "")), out);
        ctx.html(out.toString());
    }

    /** {@code value} as a query parameter's value. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
