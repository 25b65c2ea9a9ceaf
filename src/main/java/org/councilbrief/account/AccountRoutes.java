package org.councilbrief.account;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.councilbrief.WebRoutes;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.SameSite;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.councilbrief.AppException;
import org.councilbrief.PageHeader;

/**
 * The editors' door: log in, log out, the workspace. Session cookies are HTTP-only, Secure and SameSite=Strict; every
 * form carries a CSRF token (the session's, or before login a token also set in a cookie); a write without a session or
 * without the token is refused with 403; a reader asking for the workspace is sent to the login page.
 */
public final class AccountRoutes {
    public static final String SESSION_COOKIE = "cb_session";
    static final String LOGIN_COOKIE = "cb_login";
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The admin's "add a user" form as typed (never the password) and, when it was refused, the field at fault
     * ({@code username}, {@code password} or {@code role}) and the reason.
     */
    public record UserForm(String username, String role, String field, String error) {
        static UserForm empty() {
            return new UserForm("", "editor", "", "");
        }

        public boolean invalid(String name) {
            return field.equals(name);
        }

        /** "true" on the field at fault, else null (no attribute). */
        public String ariaInvalid(String name) {
            return invalid(name) ? "true" : null;
        }

        public String describedBy(String name) {
            String hint = name.equals("password") ? "new-password-hint" : "";
            return invalid(name) ? (hint + " new-user-error").strip() : hint.isEmpty() ? null : hint;
        }
    }

    private AccountRoutes() {
    }

    /**
     * A brief as the workspace lists it.
     *
     * @param id the situation's id, in the brief's address
     * @param status draft, in review, sent back or published
     * @param changed when its latest version was saved, or empty for a brief not yet edited in the workspace
     * @param by who saved it, or empty
     * @param live whether a version is published, so that the list links to the public page
     */
    public record BriefLine(String id, String name, String status, String changed, String by,
            List<SectionWords> sections, boolean live, List<Stale> stale) {
        public BriefLine {
            stale = List.copyOf(stale);
        }

        public BriefLine(String id, String name, String status, String changed, String by, List<SectionWords> sections,
                boolean live) {
            this(id, name, status, changed, by, sections, live, List.of());
        }

        /**
         * Why the brief is stale: the reason in words, what is new (a link's words) and where to see it (relative to
         * the site's top, or a public address), and when it became so (UTC).
         */
        public record Stale(String reason, String label, String href, java.time.LocalDateTime at) {
        }

        /** Whether something new is waiting for the brief or its date is too old. */
        public boolean isStale() {
            return !stale.isEmpty();
        }

        /** A section's word count against the limit an editor set (0 for none). */
        public record SectionWords(String section, int words, int limit) {
            public boolean over() {
                return limit > 0 && words > limit;
            }
        }
    }

    /**
     * @param briefs the briefs the workspace lists
     */
    public static void register(WebRoutes app, Accounts accounts, Supplier<List<BriefLine>> briefs) {
        register(app, accounts, briefs, null);
    }

    /**
     * The routes, with the office's settings and feed addresses ({@code office}, or null for a server without them):
     * the workspace then lists stale briefs first, lets an admin set the age after which a brief is stale, and gives
     * each user a secret address of the feed of stale briefs ({@code /feeds/stale.atom?key=…}).
     */
    public static void register(WebRoutes app, Accounts accounts, Supplier<List<BriefLine>> briefs,
            OfficeRepository office) {
        if (office != null) {
            app.get("/feeds/stale.atom", ctx -> staleFeed(ctx, office, briefs));
        }
        app.get("/login", ctx -> loginPage(ctx, null, ""));
        app.post("/login", ctx -> login(ctx, accounts));
        app.post("/logout", ctx -> {
            Session session = requireSession(ctx, accounts);
            requireCsrf(ctx, session);
            accounts.logout(session.id());
            ctx.cookie(expired(SESSION_COOKIE));
            ctx.redirect("index.html");
        });
        app.get("/workspace", ctx -> {
            Optional<Session> session = session(ctx, accounts);
            if (session.isEmpty()) {
                ctx.redirect("login");
                return;
            }
            workspace(ctx, session.get(), accounts, briefs, office, null, UserForm.empty(), null);
        });
        // The forms post to the workspace's own address, so that the page shown after it keeps its links; the
        // earlier address still answers. A hidden field says which form it is.
        for (String path : List.of("/workspace", "/workspace/users")) {
            app.post(path, ctx -> {
                String form = String.valueOf(ctx.formParam("form"));
                if (office != null && form.equals("stale-limit")) {
                    setStaleLimit(ctx, accounts, briefs, office);
                } else if (office != null && form.equals("feed")) {
                    renewFeed(ctx, accounts, briefs, office);
                } else {
                    addUser(ctx, accounts, briefs, office);
                }
            });
        }
    }

    private static void setStaleLimit(Context ctx, Accounts accounts, Supplier<List<BriefLine>> briefs,
            OfficeRepository office) {
        Session session = requireSession(ctx, accounts);
        requireCsrf(ctx, session);
        if (session.user().role() != Role.ADMIN) {
            throw new ForbiddenResponse("only an admin sets when a brief is stale");
        }
        try {
            int days = office.setStaleAfterDays(ctx.formParam("days"), session.user().username());
            workspace(ctx, session, accounts, briefs, office, "A brief is now stale when its date is more than " + days
                    + " days old.", UserForm.empty(), null);
        } catch (AppException e) {
            ctx.status(400);
            workspace(ctx, session, accounts, briefs, office, null, UserForm.empty(),
                    capitalize(e.getMessage()) + ".");
        }
    }

    private static void renewFeed(Context ctx, Accounts accounts, Supplier<List<BriefLine>> briefs,
            OfficeRepository office) {
        Session session = requireSession(ctx, accounts);
        requireCsrf(ctx, session);
        String token = office.renewFeedToken(session.user());
        ctx.attribute("feedToken", token);
        ctx.header("Cache-Control", "private, no-store"); // the secret address, shown once, is not kept by the browser
        workspace(ctx, session, accounts, briefs, office, "Your new feed address is below; the earlier one no longer"
                + " works.", UserForm.empty(), null);
    }

    /** The feed of stale briefs for the holder of a current feed token; 404 for any other, as for no feed at all. */
    private static void staleFeed(Context ctx, OfficeRepository office, Supplier<List<BriefLine>> briefs) {
        if (office.feedUser(ctx.queryParam("key")).isEmpty()) {
            throw new io.javalin.http.NotFoundResponse("no feed at this address; make a new one on the workspace");
        }
        // Links relative to the feed, as the site's feed.atom has them (decision 0040): a feed reader resolves them
        // against the address it asked, the public one, whatever host and port a reverse proxy asks this server by.
        String base = "../";
        List<org.councilbrief.AtomFeed.Entry> entries = new java.util.ArrayList<>();
        for (BriefLine b : briefs.get()) {
            for (BriefLine.Stale s : b.stale()) {
                String at = org.councilbrief.AtomFeed.TIME.format(s.at());
                String href = s.href() == null ? base + "workspace/briefs/" + b.id()
                        : s.href().matches("(?i)https?:.*") ? s.href() : base + s.href();
                entries.add(new org.councilbrief.AtomFeed.Entry(b.name() + ": " + s.label(), "tag:councilbrief.org,2026:"
                        + "stale/" + b.id() + "/" + at + "/" + Integer.toHexString(s.reason().hashCode()), at, href,
                        s.reason()));
            }
        }
        entries.sort(java.util.Comparator.comparing(org.councilbrief.AtomFeed.Entry::updated).reversed());
        String updated = entries.isEmpty() ? org.councilbrief.AtomFeed.TIME.format(java.time.LocalDateTime.now(
                java.time.ZoneOffset.UTC)) : entries.get(0).updated();
        ctx.header("Cache-Control", "private, no-store");
        ctx.contentType("application/atom+xml; charset=utf-8");
        ctx.result(new org.councilbrief.AtomFeed("councilbrief: stale briefs", "tag:councilbrief.org,2026:stale",
                updated, base + "workspace", entries).xml());
    }

    private static void addUser(Context ctx, Accounts accounts, Supplier<List<BriefLine>> briefs,
            OfficeRepository office) {
        Session session = requireSession(ctx, accounts);
        requireCsrf(ctx, session);
        if (session.user().role() != Role.ADMIN) {
            throw new ForbiddenResponse("only an admin creates accounts");
        }
        String username = ctx.formParam("username") == null ? "" : ctx.formParam("username").strip();
        String role = ctx.formParam("role") == null ? "" : ctx.formParam("role").strip();
        try {
            User user = accounts.add(username, ctx.formParam("password"), Role.of(role), session.user().username());
            workspace(ctx, session, accounts, briefs, office, "Created " + user.role().id() + " " + user.username()
                    + ".", UserForm.empty(), null);
        } catch (AppException e) {
            ctx.status(400);
            String m = e.getMessage();
            String field = m.contains("password") ? "password" : m.contains("role") ? "role" : "username";
            workspace(ctx, session, accounts, briefs, office, null, new UserForm(username, role, field,
                    Character.toUpperCase(m.charAt(0)) + m.substring(1) + "."), null);
        }
    }

    private static void loginPage(Context ctx, String error, String username) {
        String token = HexFormat.of().formatHex(bytes());
        Cookie cookie = new Cookie(LOGIN_COOKIE, token, "/", -1, true, true, null, SameSite.STRICT);
        ctx.cookie(cookie);
        StringOutput out = new StringOutput();
        TEMPLATES.render("account/login.jte", Map.of("csrf", token, "error", error == null ? "" : error,
                "username", username == null ? "" : username.strip(), "https", secure(ctx) ? "" : httpsAddress(ctx),
                "header", PageHeader.site(PageHeader.rootOf(ctx.path()), true, PageHeader.LOGIN)), out);
        ctx.html(out.toString());
    }

    private static void login(Context ctx, Accounts accounts) {
        String expected = ctx.cookie(LOGIN_COOKIE);
        String sent = ctx.formParam("_csrf");
        if (expected == null && !secure(ctx)) {
            // The browser dropped the login page's cookie, as it does with a Secure cookie over plain HTTP.
            throw new ForbiddenResponse(HTTPS_REQUIRED + " Open " + httpsAddress(ctx) + " instead.");
        }
        if (expected == null || sent == null || !java.security.MessageDigest.isEqual(expected.getBytes(),
                sent.getBytes())) {
            throw new ForbiddenResponse("the form's token is missing or wrong; reload the login page");
        }
        try {
            Session session = accounts.login(ctx.formParam("username"), ctx.formParam("password"),
                    client(ctx, accounts.settings()));
            Optional.ofNullable(ctx.cookie(SESSION_COOKIE)).ifPresent(accounts::logout);
            ctx.cookie(new Cookie(SESSION_COOKIE, session.id(), "/",
                    (int) Math.min(Integer.MAX_VALUE, accounts.settings().sessionMax().toSeconds()), true, true,
                    null, SameSite.STRICT));
            ctx.cookie(expired(LOGIN_COOKIE));
            ctx.redirect("workspace");
        } catch (TooManyAttemptsException e) {
            ctx.status(429);
            ctx.header("Retry-After", String.valueOf(e.retryAfter().toSeconds()));
            loginPage(ctx, capitalize(e.getMessage()) + ".", ctx.formParam("username"));
        } catch (AppException e) {
            ctx.status(401);
            loginPage(ctx, e.getMessage(), ctx.formParam("username"));
        }
    }

    static final String HTTPS_REQUIRED = "This site must be reached over HTTPS: over plain HTTP, browsers do not keep"
            + " the login's cookies, so logging in cannot work.";

    /**
     * Whether the browser reached the site in a way that keeps Secure cookies: over HTTPS (directly, or through a
     * proxy that says so in {@code X-Forwarded-Proto} or {@code Forwarded}), or on this machine's own name
     * (localhost, 127.0.0.1, ::1), where browsers keep them over plain HTTP too. The headers are taken on trust: they
     * only choose which message the login page shows.
     */
    static boolean secure(Context ctx) {
        if ("https".equalsIgnoreCase(ctx.scheme())) {
            return true;
        }
        String proto = ctx.header("X-Forwarded-Proto");
        if (proto != null && proto.split(",")[0].strip().equalsIgnoreCase("https")) {
            return true;
        }
        String forwarded = ctx.header("Forwarded");
        if (forwarded != null && forwarded.split(",")[0].toLowerCase(java.util.Locale.ROOT)
                .matches(".*\\bproto=\"?https\"?\\s*(;.*)?")) {
            return true;
        }
        String host = hostName(ctx.host());
        return host.equals("localhost") || host.endsWith(".localhost") || host.equals("::1") || host.equals("[::1]")
                || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    private static String hostName(String hostHeader) {
        String h = hostHeader == null ? "" : hostHeader.strip().toLowerCase(java.util.Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.lastIndexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    /** The login page's address over HTTPS, on the host the browser asked for (its default port). */
    private static String httpsAddress(Context ctx) {
        String host = hostName(ctx.host());
        return host.isEmpty() || !host.matches("[a-z0-9.\\-\\[\\]:]{1,255}") ? "the HTTPS address"
                : "https://" + host + ctx.path();
    }

    /**
     * The client a login attempt is counted for: the socket's address, or behind a proxy the address the proxy
     * added last to {@code X-Forwarded-For} (the one it saw; those before it could be written by anyone).
     */
    static String client(Context ctx, AccountSettings settings) {
        if (settings.behindProxy()) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String[] hops = forwarded.split(",");
                String last = hops[hops.length - 1].strip();
                if (!last.isEmpty() && last.length() <= 100) {
                    return last;
                }
            }
        }
        return ctx.ip();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static void workspace(Context ctx, Session session, Accounts accounts, Supplier<List<BriefLine>> briefs,
            OfficeRepository office, String message, UserForm userForm, String limitError) {
        StringOutput out = new StringOutput();
        Map<String, Object> params = new java.util.HashMap<>(Map.of("session", session, "briefs", briefs.get(),
                "users", session.user().role() == Role.ADMIN ? accounts.users() : List.of(), "message",
                message == null ? "" : message, "userForm", userForm, "header",
                header(ctx, session, PageHeader.BRIEFS)));
        String token = ctx.attribute("feedToken");
        String url = ctx.url();
        int at = url.lastIndexOf("/workspace");
        params.put("office", new Office(office != null, office == null ? 0 : office.staleAfterDays(),
                limitError == null ? "" : limitError, office == null ? "" : office.feedTokenMade(session.user())
                        .map(t -> t.toLocalDate().toString()).orElse(""),
                token == null ? "" : "feeds/stale.atom?key=" + token,
                token == null ? "" : (at < 0 ? "" : url.substring(0, at + 1)) + "feeds/stale.atom?key=" + token));
        TEMPLATES.render("account/workspace.jte", params, out);
        ctx.html(out.toString());
    }

    /**
     * What the workspace shows of the office's settings and the user's feed.
     *
     * @param shown whether the server keeps them
     * @param staleDays after how many days a brief's date makes it stale
     * @param limitError why the limit typed was refused, or ""
     * @param feedMade the day the user's feed address was made, or "" for none
     * @param feedHref the new feed address relative to the page, just after it was made, else ""
     * @param feedAddress the same, whole, to copy into a feed reader, else ""
     */
    public record Office(boolean shown, int staleDays, String limitError, String feedMade, String feedHref,
            String feedAddress) {
    }

    /** The header of a workspace page: the site's and the workspace's navigation, for this user. */
    public static PageHeader header(Context ctx, Session session, String current) {
        return PageHeader.workspace(ctx.path(), session.user().username(), session.user().role() == Role.ADMIN,
                session.csrfToken(), current);
    }

    public static Optional<Session> session(Context ctx, Accounts accounts) {
        return accounts.session(ctx.cookie(SESSION_COOKIE));
    }

    /** The request's session, or 403 for a write without one. */
    public static Session requireSession(Context ctx, Accounts accounts) {
        return session(ctx, accounts).orElseThrow(() -> new ForbiddenResponse("log in first"));
    }

    /** 403 unless the form sent the session's CSRF token. */
    public static void requireCsrf(Context ctx, Session session) {
        if (!Accounts.csrfMatches(session, ctx.formParam("_csrf"))) {
            throw new ForbiddenResponse("the form's token is missing or wrong; reload the page");
        }
    }

    private static Cookie expired(String name) {
        return new Cookie(name, "", "/", 0, true, true, null, SameSite.STRICT);
    }

    private static byte[] bytes() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return b;
    }
}
