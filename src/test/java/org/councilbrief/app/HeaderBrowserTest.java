package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.councilbrief.account.Accounts;
import org.councilbrief.account.Role;
import org.councilbrief.db.Database;
import org.councilbrief.ingest.ImportOptions;
import org.councilbrief.ingest.Imports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One house, in Debian's chromium: the same header on the public site, in the static export opened from files and in
 * the workspace. A reader follows every header link by clicking; an admin clicks "Log in", types, and finds the same
 * header with the workspace's links. At 390 px wide no page scrolls sideways, and axe-core finds no serious or
 * critical violation on any. Screenshots go to target/house-*.png.
 */
class HeaderBrowserTest {
    /** A short meeting record, so that the positions page has a few positions to decide. */
    private static final String RECORD = """
            The President: I give the floor to the representative of France.

            Mr. Dupont (France): We call for accountability for the crimes committed against civilians in Moura. \
            We condemn the attacks on schools and hospitals.

            Mr. Mensah (Ghana): We are deeply concerned about the humanitarian situation and call for safe and \
            unimpeded humanitarian access.
            """;
    private static final List<String> SITE = List.of("Situations", "The Council", "Themes", "Feed");
    private static final List<String> WORKSPACE = List.of("Briefs", "Import", "Positions", "Activity", "Users");

    private static Locator siteNav(Page page) {
        return page.locator("header.site nav[aria-label=Site]");
    }

    private static Locator link(Locator in, String name) {
        return in.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    /** Clicks the link and waits for the page it leads to, which the server must have answered with 200. */
    private static void follow(Page page, Locator link, String expected) {
        link.click();
        page.waitForURL("**" + expected);
        page.waitForLoadState();
        Object status = page.evaluate("() => performance.getEntriesByType('navigation')[0].responseStatus");
        assertThat(((Number) status).intValue()).as(expected).isEqualTo(200);
    }

    /** The header's public links, as text and address, so that two pages' headers can be compared. */
    private static List<String> siteLinks(Page page) {
        List<String> links = new ArrayList<>();
        Locator all = siteNav(page).getByRole(AriaRole.LINK);
        for (int i = 0; i < all.count(); i++) {
            links.add(all.nth(i).textContent().strip() + " -> " + all.nth(i).evaluate("a => a.href"));
        }
        return links;
    }

    private static void shot(Page page, String name) throws Exception {
        Files.createDirectories(Path.of("target"));
        // The top of the page, at most 1,800 px of it, which is where the header and the forms are.
        int width = ((Number) page.evaluate("() => window.innerWidth")).intValue();
        int height = Math.min(1800, ((Number) page.evaluate("() => document.scrollingElement.scrollHeight"))
                .intValue());
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "house-" + name + ".png"))
                .setFullPage(true).setClip(0, 0, width, height));
    }

    @Test
    void oneHeaderLeadsEverywhereOnTheSiteTheExportAndTheWorkspaceAndNoPageScrollsSideways(@TempDir Path dir)
            throws Exception {
        if (System.getenv("CI") == null) {
            assumeTrue(Files.isExecutable(BrowserTest.CHROMIUM), "chromium is not installed");
            assumeTrue(Files.isRegularFile(EditorFlowBrowserTest.AXE), "axe-core is not installed (npm ci)");
        }
        try (Database database = Database.inMemory("house-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            new Accounts(database).add("ada", "an admin's long password", Role.ADMIN);
            Path record = Files.writeString(dir.resolve("S-PV.9998.txt"), RECORD);
            new Imports(database).importFile(record, "meeting-record", new ImportOptions("mali", "S/PV.9998",
                    LocalDate.of(2023, 6, 16)));
            WebServer server = WebServer.start(application, "127.0.0.1", 0);
            String base = "http://127.0.0.1:" + server.port();
            try (Playwright playwright = Playwright.create(); Browser browser = BrowserTest.launch(playwright)) {
                BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBypassCSP(true)
                        .setViewportSize(1000, 900));
                Page page = context.newPage();

                // The served site: every header link, clicked from pages at the top and one folder down.
                page.navigate(base + "/");
                assertThat(siteNav(page).getByRole(AriaRole.LINK).allTextContents()).extracting(String::strip)
                        .containsExactly("Situations", "The Council", "Themes", "Feed", "Log in");
                List<String> publicLinks = siteLinks(page);
                shot(page, "home");
                follow(page, link(siteNav(page), "The Council"), "/council/index.html");
                follow(page, link(page.locator("main"), "France"), "/members/FRA.html");
                follow(page, link(siteNav(page), "Themes"), "/themes/index.html");
                follow(page, link(siteNav(page), "Situations"), "/index.html");
                follow(page, link(page.locator("main"), "Mali"), "/briefs/mali.html");
                assertThat(siteLinks(page)).isEqualTo(publicLinks); // the brief's page has the same header
                follow(page, link(siteNav(page), "The Council"), "/council/index.html");
                follow(page, link(page.locator("header.site"), "councilbrief"), "/index.html");
                follow(page, link(siteNav(page), "Feed"), "/feed.atom");
                assertThat(page.content()).contains("brief updates");
                page.goBack();
                assertThat(page.request().get(base + "/favicon.ico").headers().get("content-type"))
                        .startsWith("image/svg+xml");
                assertThat(page.locator("link[rel=icon]").getAttribute("href")).isEqualTo("favicon.svg");

                // Log in from the header, typing, and find the same header with the workspace's links.
                follow(page, link(siteNav(page), "Log in"), "/login");
                page.getByLabel("Username").pressSequentially("ada");
                page.getByLabel("Password").pressSequentially("an admin's long password");
                page.locator("main").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Log in"))
                        .click();
                page.waitForURL("**/workspace");
                Locator workspaceNav = page.locator("header.site nav[aria-label=Workspace]");
                assertThat(siteLinks(page).subList(0, SITE.size())).isEqualTo(publicLinks.subList(0, SITE.size()));
                assertThat(workspaceNav.getByRole(AriaRole.LINK).allTextContents()).extracting(String::strip)
                        .containsExactlyElementsOf(WORKSPACE);
                assertThat(workspaceNav.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                        .setName("Log out")).isVisible()).isTrue();
                shot(page, "workspace");
                follow(page, link(workspaceNav, "Import"), "/workspace/import");
                follow(page, link(workspaceNav, "Positions"), "/workspace/positions");
                follow(page, link(workspaceNav, "Activity"), "/workspace/activity");
                follow(page, link(workspaceNav, "Briefs"), "/workspace");
                link(workspaceNav, "Users").click();
                page.waitForURL("**/workspace#users");
                assertThat(page.locator("#users").isVisible()).isTrue();
                follow(page, link(page.locator("main"), "Mali"), "/workspace/briefs/mali");
                assertThat(siteLinks(page).subList(0, SITE.size())).isEqualTo(publicLinks.subList(0, SITE.size()));
                follow(page, link(workspaceNav, "Activity"), "/workspace/activity");
                follow(page, link(siteNav(page), "Themes"), "/themes/index.html"); // back to the public site

                // At 390 px wide: every public and workspace page, without sideways scrolling or axe violations.
                page.setViewportSize(390, 844);
                List<String> problems = new ArrayList<>();
                List<String> paths = List.of("/", "/briefs/mali.html", "/council/index.html", "/council/2020.html",
                        "/members/FRA.html", "/themes/index.html", "/themes/accountability.html", "/login",
                        "/nowhere.html", "/workspace", "/workspace/import", "/workspace/positions",
                        "/workspace/positions?meeting=S/PV.9998", "/workspace/activity", "/workspace/briefs/mali",
                        "/workspace/briefs/mali?item=comments-2");
                for (String path : paths) {
                    page.navigate(base + path);
                    check(page, path, problems);
                }
                // The pages a form leads to: an import's preview, a position decided.
                page.navigate(base + "/workspace/import");
                page.setInputFiles("#file", record);
                page.selectOption("#kind", "meeting-record");
                page.locator("#symbol").fill("S/PV.9998");
                page.locator("#date").fill("2023-06-16");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview").setExact(true)).click();
                page.locator("main").getByText("S/PV.9998").first().waitFor();
                check(page, "/workspace/import (preview)", problems);
                assertThat(page.locator("main").textContent()).contains("S/PV.9998");
                assertThat(siteLinks(page).subList(0, SITE.size())).isEqualTo(publicLinks.subList(0, SITE.size()));
                page.navigate(base + "/workspace/positions?meeting=S/PV.9998");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept")).first().click();
                page.locator("#for-the-brief li").first().waitFor(); // decided in place
                check(page, "/workspace/positions (after a decision)", problems);
                follow(page, link(page.locator("header.site nav[aria-label=Workspace]"), "Briefs"), "/workspace");
                assertThat(problems).isEmpty();

                // Log out from the header: the public header again, with its "Log in".
                page.setViewportSize(1000, 900);
                page.locator("header.site").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                        .setName("Log out")).click();
                page.waitForURL("**/index.html");
                assertThat(siteLinks(page)).isEqualTo(publicLinks);
                page.navigate(base + "/workspace");
                assertThat(page.url()).endsWith("/login");
                // A keyboard user sees where they are: the button reached with Tab has the focus ring.
                // (Past the header's search box and its button, to the form's.)
                for (int i = 0; i < 20 && !"BUTTON Log in".equals(page.evaluate("() => document.activeElement"
                        + ".tagName + ' ' + document.activeElement.textContent.trim()")); i++) {
                    page.keyboard().press("Tab");
                }
                assertThat(page.evaluate("() => { const e = document.activeElement, s = getComputedStyle(e);"
                        + " return e.textContent + ' ' + s.outlineStyle + ' ' + s.outlineWidth; }"))
                        .isEqualTo("Log in solid 3px");
                shot(page, "focus");

                // The static export, opened from files: the same header, each link to a file, and no "Log in".
                Path out = dir.resolve("site");
                CliRun publish = CliRun.of("publish", "--demo", "--out", out.toString());
                assertThat(publish.code()).as(publish.err()).isZero();
                assertThat(out.resolve("favicon.svg")).isRegularFile();
                Page files = context.newPage();
                files.navigate(out.resolve("index.html").toUri().toString());
                assertThat(siteNav(files).getByRole(AriaRole.LINK).allTextContents()).extracting(String::strip)
                        .containsExactlyElementsOf(SITE);
                shot(files, "export-home");
                for (String[] step : List.of(new String[] {"The Council", "council/index.html"},
                        new String[] {"France", "members/FRA.html"}, new String[] {"Themes", "themes/index.html"},
                        new String[] {"Situations", "index.html"}, new String[] {"Mali", "briefs/mali.html"},
                        new String[] {"Themes", "themes/index.html"}, new String[] {"Feed", "feed.atom"})) {
                    Locator in = step[0].equals("France") || step[0].equals("Mali") ? files.locator("main")
                            : siteNav(files);
                    link(in, step[0]).click();
                    files.waitForURL("**/" + step[1]);
                    Path file = Path.of(URI.create(files.url()));
                    assertThat(file).as(step[0]).isRegularFile().startsWith(out);
                    if (!step[1].endsWith(".atom")) {
                        assertThat(siteNav(files).getByRole(AriaRole.LINK).allTextContents())
                                .extracting(String::strip).containsExactlyElementsOf(SITE);
                        String icon = files.locator("link[rel=icon]").evaluate("l => l.href").toString();
                        assertThat(Path.of(URI.create(icon))).isEqualTo(out.resolve("favicon.svg"));
                    }
                }
            } finally {
                server.stop();
            }
        }
    }

    /** No sideways scrolling at the page's width, no serious or critical axe violation; a screenshot. */
    private static void check(Page page, String path, List<String> problems) throws Exception {
        Object width = page.evaluate("() => document.scrollingElement.scrollWidth");
        if (((Number) width).intValue() > 390) {
            problems.add(path + " is " + width + " px wide");
        }
        EditorFlowBrowserTest.axe(page).forEach(v -> problems.add(path + " " + v));
        shot(page, "390" + path.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
    }
}
