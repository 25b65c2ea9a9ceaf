package org.councilbrief;

/**
 * What the one header of every page shows ({@code layout/header.jte}): the site's name and the public navigation on
 * every page; a "Log in" link where the page is served by the application; the workspace's navigation and its "Log
 * out" button for a logged-in user. Links are relative to {@code root}, the way back to the site's top ("", "../",
 * "../../"), so that the same header works from the server under any prefix and from a folder of files.
 *
 * @param root the relative way to the site's top
 * @param user the logged-in user's name, or null on a public page
 * @param admin whether the user administers accounts (the header then links to them)
 * @param csrf the session's token for the "Log out" form, or null on a public page
 * @param login whether to link to the login page (not in a static export, which has none)
 * @param current the navigation entry of this page (see the constants), marked as the current page, or ""
 */
public record PageHeader(String root, String user, boolean admin, String csrf, boolean login, String current) {
    public static final String SITUATIONS = "situations";
    public static final String COUNCIL = "council";
    public static final String THEMES = "themes";
    public static final String LOGIN = "login";
    public static final String BRIEFS = "briefs";
    public static final String IMPORT = "import";
    public static final String POSITIONS = "positions";
    public static final String ACTIVITY = "activity";

    public PageHeader {
        root = root == null ? "" : root;
        current = current == null ? "" : current;
    }

    /** A public page's header; {@code login} only where the application serves the page. */
    public static PageHeader site(String root, boolean login, String current) {
        return new PageHeader(root, null, false, null, login, current);
    }

    /** A workspace page's header, for the page at {@code path} (the request's path, "/workspace/import"). */
    public static PageHeader workspace(String path, String user, boolean admin, String csrf, String current) {
        return new PageHeader(rootOf(path), user, admin, csrf, false, current);
    }

    /** The relative way from the page at {@code path} ("/workspace/briefs/mali") to the site's top ("../../"). */
    public static String rootOf(String path) {
        long slashes = path == null ? 0 : path.chars().filter(c -> c == '/').count();
        return "../".repeat((int) Math.max(0, slashes - 1));
    }

    /** Whether the header is a workspace page's. */
    public boolean workspace() {
        return user != null;
    }

    /** The {@code aria-current} value of the navigation entry {@code entry}: "page" for this page's, else null. */
    public String currentFor(String entry) {
        return current.equals(entry) ? "page" : null;
    }
}
