package org.councilbrief.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.councilbrief.WebRoutes;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.councilbrief.AppException;
import org.councilbrief.council.Composition;
import org.councilbrief.council.CouncilMember;
import org.councilbrief.council.Membership;
import org.councilbrief.council.State;
import org.councilbrief.council.Term;
import org.councilbrief.document.Symbols;
import org.councilbrief.export.Dataset;
import org.councilbrief.export.ExportFilter;
import org.councilbrief.export.Exports;
import org.councilbrief.site.SiteFile;
import org.councilbrief.statement.Meeting;

/**
 * The read-only JSON API under {@code /api/v1/}, described by {@code /api/v1/openapi.json} (decision 0041): situations
 * and their published briefs, meetings with their statements, statements, accepted positions, UPR recommendations and
 * Council members. Collections are read page by page with an opaque cursor ({@code limit} at most {@link #MAX_LIMIT},
 * a {@code next} link while more remain) and take the search page's filters. Every answer carries a strong ETag from
 * its bytes and is revalidated with If-None-Match (304); errors are problem objects (RFC 9457).
 */
public final class ApiRoutes {
    static final String ROOT = "/api/v1/";
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    static final String CACHE = "public, max-age=60";
    private static final JsonFactory JSON = new JsonFactory();

    private ApiRoutes() {
    }

    /** Thrown inside a handler for an answer other than 200: a problem object with its status and detail. */
    static final class Problem extends Exception {
        private final int status;

        Problem(int status, String detail) {
            super(detail, null, false, false);
            this.status = status;
        }
    }

    /** A handler that writes a JSON body or answers with a problem. */
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator json) throws Exception;
    }

    public static void register(WebRoutes app, ApiSources sources) {
        byte[] openapi = openapi();
        app.get(ROOT + "openapi.json", ctx -> send(ctx, openapi, "application/vnd.oai.openapi+json;version=3.1"));
        app.get(ROOT + "situations", ctx -> json(ctx, json -> situations(ctx, sources, json, false)));
        app.get(ROOT + "situations/{id}", ctx -> json(ctx, json -> situation(ctx, sources, json)));
        app.get(ROOT + "briefs", ctx -> json(ctx, json -> situations(ctx, sources, json, true)));
        app.get(ROOT + "briefs/{situation}", ctx -> brief(ctx, sources));
        app.get(ROOT + "meetings", ctx -> json(ctx, json -> meetings(ctx, sources, json)));
        app.get(ROOT + "meetings/{id}", ctx -> json(ctx, json -> meeting(ctx, sources, json)));
        app.get(ROOT + "statements", ctx -> json(ctx, json -> rows(ctx, sources.exports(), Dataset.STATEMENTS, json)));
        app.get(ROOT + "positions", ctx -> json(ctx, json -> rows(ctx, sources.exports(), Dataset.POSITIONS, json)));
        app.get(ROOT + "recommendations", ctx -> json(ctx, json -> rows(ctx, sources.exports(),
                Dataset.RECOMMENDATIONS, json)));
        app.get(ROOT + "members", ctx -> json(ctx, json -> members(ctx, sources, json)));
        app.get(ROOT + "members/{code}", ctx -> json(ctx, json -> member(ctx, sources, json)));
        // A path under the API that no route of it (nor one registered later, such as the search) answers: a problem
        // object rather than the site's page. A route's own 404 is left as it wrote it.
        app.error(404, ctx -> {
            if (ctx.path().startsWith(ROOT) && !answeredByApi(ctx)) {
                problem(ctx, 404, "There is nothing at " + ctx.path() + "; the paths are listed in " + ROOT
                        + "openapi.json.");
            }
        });
    }

    private static boolean answeredByApi(Context ctx) {
        io.javalin.router.Endpoint matched = ctx.endpoints().matchedHttpEndpoint(); // null: no route matched at all
        return matched != null && matched.path.startsWith(ROOT);
    }

    private static byte[] openapi() {
        try (InputStream in = ApiRoutes.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("the API's description is missing from the application");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("the API's description cannot be read", e);
        }
    }

    // ---- collections of rows: statements, positions, recommendations

    private static void rows(Context ctx, Exports exports, Dataset dataset, JsonGenerator json) throws Exception {
        ExportFilter filter = filter(ctx, exports);
        int limit = limit(ctx);
        long after = 0;
        Optional<String> cursor = cursor(ctx, dataset.id());
        if (cursor.isPresent()) {
            after = number(cursor.get());
        }
        List<Object[]> page = new ArrayList<>(limit + 1);
        exports.rows(dataset, filter, after, row -> {
            page.add(row);
            return page.size() <= limit;
        });
        json.writeStartObject();
        json.writeArrayFieldStart("items");
        for (Object[] row : page.subList(0, Math.min(limit, page.size()))) {
            Exports.json(json, dataset, row);
        }
        json.writeEndArray();
        next(ctx, json, dataset.id(), limit, page.size() > limit ? String.valueOf(page.get(limit - 1)[0]) : null);
        json.writeEndObject();
    }

    // ---- situations and briefs

    private static void situations(Context ctx, ApiSources sources, JsonGenerator json, boolean briefs)
            throws Exception {
        String collection = briefs ? "briefs" : "situations";
        int limit = limit(ctx);
        Optional<String> after = cursor(ctx, collection);
        List<ApiSources.PublicSituation> all = sources.situations().stream()
                .filter(s -> after.isEmpty() || s.id().compareTo(after.get()) > 0).toList();
        json.writeStartObject();
        json.writeArrayFieldStart("items");
        for (ApiSources.PublicSituation s : all.subList(0, Math.min(limit, all.size()))) {
            if (briefs) {
                briefSummary(json, s);
            } else {
                situationObject(json, s);
            }
        }
        json.writeEndArray();
        next(ctx, json, collection, limit, all.size() > limit ? all.get(limit - 1).id() : null);
        json.writeEndObject();
    }

    private static void situation(Context ctx, ApiSources sources, JsonGenerator json) throws Exception {
        String id = ctx.pathParam("id");
        ApiSources.PublicSituation s = sources.situations().stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> new Problem(404, "There is no situation '" + org.councilbrief.Forms.excerpt(id)
                        + "' with a published brief."));
        situationObject(json, s);
    }

    private static void situationObject(JsonGenerator json, ApiSources.PublicSituation s) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", s.id());
        json.writeStringField("name", s.name());
        json.writeStringField("stateCode", s.stateCode());
        json.writeStringField("briefAsOf", s.asOf().toString());
        json.writeObjectFieldStart("links");
        json.writeStringField("self", ROOT + "situations/" + segment(s.id()));
        json.writeStringField("brief", ROOT + "briefs/" + segment(s.id()));
        json.writeStringField("page", "/briefs/" + segment(s.id()) + ".html");
        json.writeStringField("meetings", ROOT + "meetings?situation=" + query(s.id()));
        json.writeStringField("positions", ROOT + "positions?situation=" + query(s.id()));
        json.writeStringField("recommendations", ROOT + "recommendations?situation="
                + query(s.id()));
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void briefSummary(JsonGenerator json, ApiSources.PublicSituation s) throws IOException {
        json.writeStartObject();
        json.writeStringField("situation", s.id());
        json.writeStringField("name", s.name());
        json.writeStringField("asOf", s.asOf().toString());
        json.writeObjectFieldStart("links");
        json.writeStringField("self", ROOT + "briefs/" + segment(s.id()));
        json.writeStringField("situation", ROOT + "situations/" + segment(s.id()));
        json.writeStringField("page", "/briefs/" + segment(s.id()) + ".html");
        json.writeEndObject();
        json.writeEndObject();
    }

    /** A published brief as its JSON rendering: the same bytes as the site's download {@code /briefs/{id}.json}. */
    private static void brief(Context ctx, ApiSources sources) throws Exception {
        String id = ctx.pathParam("situation");
        Optional<SiteFile> file = id.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,79}")
                ? sources.site().get().render("briefs/" + id + ".json") : Optional.empty();
        if (file.isEmpty()) {
            problem(ctx, 404, "There is no published brief on '" + org.councilbrief.Forms.excerpt(id) + "'.");
            return;
        }
        send(ctx, file.get().bytes(), "application/json");
    }

    // ---- meetings

    private static void meetings(Context ctx, ApiSources sources, JsonGenerator json) throws Exception {
        ExportFilter filter = filter(ctx, sources.exports());
        int limit = limit(ctx);
        ApiRepository.MeetingKey after = null;
        Optional<String> cursor = cursor(ctx, "meetings");
        if (cursor.isPresent()) {
            int bar = cursor.get().indexOf('|');
            try {
                after = new ApiRepository.MeetingKey(LocalDate.parse(cursor.get().substring(0, bar)),
                        cursor.get().substring(bar + 1));
            } catch (RuntimeException e) {
                throw badCursor();
            }
        }
        List<Meeting> page = sources.repository().meetings(filter, after, limit + 1);
        json.writeStartObject();
        json.writeArrayFieldStart("items");
        for (Meeting m : page.subList(0, Math.min(limit, page.size()))) {
            meetingObject(json, m);
            json.writeEndObject();
        }
        json.writeEndArray();
        Meeting last = page.size() > limit ? page.get(limit - 1) : null;
        next(ctx, json, "meetings", limit, last == null ? null : last.date() + "|" + last.symbol());
        json.writeEndObject();
    }

    private static void meeting(Context ctx, ApiSources sources, JsonGenerator json) throws Exception {
        String id = ctx.pathParam("id");
        String symbol = id.replace('_', '/');
        Meeting m = sources.repository().meeting(symbol).orElseThrow(() -> new Problem(404, "There is no meeting '"
                + org.councilbrief.Forms.excerpt(id) + "'; a meeting's id is its symbol with / written _, such as"
                + " S_PV.9350, or the symbol itself percent-encoded (S%2FPV.9350)."));
        meetingObject(json, m);
        json.writeArrayFieldStart("statements");
        for (Object[] row : sources.repository().statements(symbol)) {
            Exports.json(json, Dataset.STATEMENTS, row);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** A meeting's fields, its object left open for the caller to add to and close. */
    private static void meetingObject(JsonGenerator json, Meeting m) throws IOException {
        String id = m.symbol().replace('/', '_');
        json.writeStartObject();
        json.writeStringField("id", id);
        json.writeStringField("symbol", m.symbol());
        json.writeStringField("date", m.date().toString());
        json.writeStringField("situation", m.situation());
        json.writeStringField("topic", m.topic());
        json.writeStringField("pressRelease", m.pressRelease());
        json.writeStringField("url", Symbols.tryParse(m.symbol()).map(s -> s.url().toString()).orElse(null));
        json.writeObjectFieldStart("links");
        json.writeStringField("self", ROOT + "meetings/" + segment(id));
        json.writeEndObject();
    }

    // ---- Council members

    private static void members(Context ctx, ApiSources sources, JsonGenerator json) throws Exception {
        LocalDate date = org.councilbrief.Forms.date(ctx.queryParam("date"));
        LocalDate on = date == null ? sources.today().get() : date;
        Composition composition;
        try {
            composition = sources.membership().get().on(on);
        } catch (IllegalArgumentException e) {
            throw new Problem(400, "The Council's composition is known from " + Membership.FIRST_YEAR + " on.");
        }
        json.writeStartObject();
        json.writeStringField("date", on.toString());
        json.writeBooleanField("complete", composition.complete());
        json.writeStringField("gap", composition.gap().orElse(null));
        json.writeArrayFieldStart("items");
        for (CouncilMember member : composition.members()) {
            json.writeStartObject();
            json.writeStringField("code", member.state().code());
            json.writeStringField("name", member.state().name());
            json.writeStringField("shortName", member.state().shortName());
            json.writeStringField("seat", member.seat().id());
            json.writeArrayFieldStart("groupings");
            for (String g : member.groupings()) {
                json.writeString(g);
            }
            json.writeEndArray();
            json.writeObjectFieldStart("links");
            json.writeStringField("self", ROOT + "members/" + segment(member.state().code()));
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void member(Context ctx, ApiSources sources, JsonGenerator json) throws Exception {
        String code = ctx.pathParam("code");
        Membership membership = sources.membership().get();
        State state = membership.states().byCode(code).filter(s -> s.code().equals(code))
                .orElseThrow(() -> new Problem(404, "There is no state with the code '"
                        + org.councilbrief.Forms.excerpt(code) + "'; codes are ISO 3166 alpha-3, such as FRA."));
        LocalDate today = sources.today().get();
        json.writeStartObject();
        json.writeStringField("code", state.code());
        json.writeStringField("name", state.name());
        json.writeStringField("shortName", state.shortName());
        json.writeStringField("regionalGroup", state.group());
        json.writeBooleanField("onCouncilToday", membership.on(today).isMember(state.code()));
        json.writeArrayFieldStart("terms");
        for (Term term : membership.terms()) {
            if (term.code().equals(state.code())) {
                json.writeStartObject();
                json.writeStringField("seat", term.seat().id());
                json.writeStringField("from", term.first().toString());
                json.writeStringField("to", term.last() == null ? null : term.last().toString());
                json.writeEndObject();
            }
        }
        json.writeEndArray();
        json.writeObjectFieldStart("links");
        json.writeStringField("self", ROOT + "members/" + segment(state.code()));
        json.writeStringField("page", "/members/" + segment(state.code()) + ".html");
        json.writeStringField("positions", ROOT + "positions?member=" + query(state.code()));
        json.writeStringField("statements", ROOT + "statements?member=" + query(state.code()));
        json.writeStringField("recommendations", ROOT + "recommendations?member="
                + query(state.code()));
        json.writeEndObject();
        json.writeEndObject();
    }

    // ---- paging, filters, answers

    private static final List<String> FILTERS = List.of("q", "situation", "member", "theme", "year");

    private static ExportFilter filter(Context ctx, Exports exports) throws Problem {
        try {
            return exports.filter(ctx.queryParam("q"), ctx.queryParam("situation"), ctx.queryParam("member"),
                    ctx.queryParam("theme"), ctx.queryParam("year"));
        } catch (AppException e) {
            throw new Problem(400, capitalize(e.getMessage()) + ".");
        }
    }

    static int limit(Context ctx) throws Problem {
        return limit(ctx.queryParam("limit"));
    }

    private static int limit(String text) throws Problem {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new Problem(400, "The limit '" + org.councilbrief.Forms.excerpt(text) + "' is not a whole number from 1"
                + " to " + MAX_LIMIT + ".");
    }

    /** The key a page starts after, from the cursor a previous page of the same collection gave; empty: the first. */
    static Optional<String> cursor(Context ctx, String collection) throws Problem {
        String text = ctx.queryParam("cursor");
        if (text == null) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8);
            if (decoded.startsWith(collection + ":") && decoded.length() > collection.length() + 1) {
                return Optional.of(decoded.substring(collection.length() + 1));
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw badCursor();
    }

    /**
     * For a collection served outside this package (the search, handed these by the application): the page size
     * {@code text} asks for, the default when null, refused in the words of every other collection.
     */
    public static int pageLimit(String text) throws AppException {
        try {
            return limit(text);
        } catch (Problem p) {
            throw new AppException(p.getMessage(), p);
        }
    }

    /**
     * For a collection served outside this package: the key its page starts after, from the request's cursor (empty:
     * the first page), refused in the words of every other collection when another collection gave it, or when
     * {@code readable} cannot read its key.
     */
    public static Optional<String> pageAfter(Context ctx, String collection,
            java.util.function.Predicate<String> readable) throws AppException {
        try {
            Optional<String> key = cursor(ctx, collection);
            if (key.isPresent() && !readable.test(key.get())) {
                throw badCursor();
            }
            return key;
        } catch (Problem p) {
            throw new AppException(p.getMessage(), p);
        }
    }

    /** The opaque cursor that resumes {@code collection} after {@code key}. */
    public static String pageCursor(String collection, String key) {
        return encode(collection, key);
    }

    static String encode(String collection, String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((collection + ":" + key)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static Problem badCursor() {
        return new Problem(400, "The cursor is not one this collection gave: start again from its first page, without"
                + " a cursor.");
    }

    private static long number(String key) throws Problem {
        try {
            long n = Long.parseLong(key);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw badCursor();
    }

    /** The {@code next} link: the same filters and limit with the cursor after {@code lastKey}, or null at the end. */
    private static void next(Context ctx, JsonGenerator json, String collection, int limit, String lastKey)
            throws IOException {
        if (lastKey == null) {
            json.writeNullField("next");
            return;
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (String name : FILTERS) {
            String value = ctx.queryParam(name);
            if (value != null && !value.isBlank()) {
                query.put(name, value);
            }
        }
        query.put("limit", String.valueOf(limit));
        query.put("cursor", encode(collection, lastKey));
        StringBuilder link = new StringBuilder(ctx.path()).append('?');
        query.forEach((k, v) -> link.append(link.charAt(link.length() - 1) == '?' ? "" : "&").append(k).append('=')
                .append(query(v)));
        json.writeStringField("next", link.toString());
    }

    /**
     * An id as one path segment of a link: every character but letters, digits and {@code - . _ *} percent-encoded
     * (UTF-8), so that a meeting's id "S_PV.9365 (Resumption 1)" or a symbol's slash cannot break the link; the
     * routes read their parameters decoded.
     */
    static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A value in a link's query, percent-encoded as {@link #segment} does (a space as %20, not +). */
    static String query(String value) {
        return segment(value);
    }

    private static void json(Context ctx, Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            if (ctx.queryParam("cursor") != null && ctx.queryParam("cursor").isBlank()) {
                throw badCursor();
            }
            body.write(json);
        } catch (Problem p) {
            problem(ctx, p.status, p.getMessage());
            return;
        } catch (AppException e) {
            problem(ctx, 400, capitalize(e.getMessage()) + ".");
            return;
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        send(ctx, bytes.toByteArray(), "application/json");
    }

    /**
     * Answers with the body and its strong ETag (a hash of the bytes), or with 304 and no body when the client's
     * If-None-Match already names that ETag.
     */
    public static void send(Context ctx, byte[] body, String contentType) {
        String etag = etag(body);
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", CACHE);
        ctx.header("Access-Control-Allow-Origin", "*");
        if (matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        ctx.contentType(contentType).result(body);
    }

    /** If-None-Match compares weakly (RFC 9110 13.1.2): {@code W/"x"} matches {@code "x"}; {@code *} matches all. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    static String etag(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Answers with a problem object (RFC 9457): 400 for what cannot be read, 404 for what does not exist. */
    public static void problem(Context ctx, int status, String detail) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeStringField("type", "about:blank");
            json.writeStringField("title", status == 404 ? "Not Found" : "Bad Request");
            json.writeNumberField("status", status);
            json.writeStringField("detail", detail);
            json.writeEndObject();
        }
        ctx.status(status).header("Cache-Control", "no-store").header("Access-Control-Allow-Origin", "*")
                .contentType("application/problem+json").result(bytes.toByteArray());
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
