package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.councilbrief.db.Database;
import org.junit.jupiter.api.Test;

/**
 * The public site's pictures on the demo, in Debian's chromium: a reader goes from the home page to Mali's meetings
 * and its themes over time, to the brief and back, to the Council on today's date and to members' pages; on each page
 * axe-core finds no serious or critical violation, the picture has its title, description and table, fits a phone
 * and prints. The screenshots in docs/pictures are taken here.
 */
class SitePicturesBrowserTest {
    private static final Path AXE = Path.of("node_modules/axe-core/axe.min.js");
    private static final Path SHOTS = Path.of("docs", "pictures");

    /** The serious and critical axe violations of the page, as "rule: target" lines. */
    @SuppressWarnings("unchecked")
    private static List<String> axe(Page page) {
        page.addScriptTag(new Page.AddScriptTagOptions().setPath(AXE));
        Object result = page.evaluate("async () => { const r = await axe.run(document, {resultTypes: ['violations']});"
                + " return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')); }");
        return new ArrayList<>((List<String>) result);
    }

    private static Locator link(Locator scope, String name) {
        return scope.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    /** A picture as a reader meets it: drawn, named and described, its table one click away; then its screenshot. */
    private static Locator picture(Page page, String id, String shot, List<String> violations) throws Exception {
        Locator figure = page.locator("figure#" + id);
        assertThat(figure.isVisible()).as(id).isTrue();
        Locator svg = figure.locator("svg");
        assertThat(svg.getAttribute("role")).isEqualTo("img");
        assertThat(svg.locator("title").first().textContent()).isNotBlank();
        assertThat(((Number) svg.evaluate("e => e.getBoundingClientRect().height")).doubleValue()).isGreaterThan(80);
        Locator table = figure.locator("table");
        assertThat(table.isVisible()).isFalse();
        figure.getByText("The figures as a table").click();
        assertThat(table.isVisible()).isTrue();
        assertThat(table.locator("tbody tr").count()).isPositive();
        axe(page).forEach(v -> violations.add(page.url() + ": " + v));
        figure.getByText("The figures as a table").click();
        page.evaluate("() => document.activeElement.blur()");
        Files.createDirectories(SHOTS);
        Path file = SHOTS.resolve(shot);
        figure.screenshot(new Locator.ScreenshotOptions().setPath(file));
        assertThat(Files.size(file)).as(shot).isLessThan(150_000);
        return figure;
    }

    @Test
    void aReaderSeesEachPictureOfTheDemoSiteWithItsTable() throws Exception {
        if (System.getenv("CI") == null) {
            assumeTrue(Files.isExecutable(BrowserTest.CHROMIUM), "chromium is not installed");
            assumeTrue(Files.isRegularFile(AXE), "axe-core is not installed (npm ci)");
        }
        List<String> violations = new ArrayList<>();
        try (Database database = Database.inMemory("pictures-browser-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            // As serve --demo and publish --demo load it: the demo's meetings, beside the brief.
            DemoData.loadMeetings(database);
            WebServer server = WebServer.start(application, "127.0.0.1", 0);
            String base = "http://127.0.0.1:" + server.port() + "/";
            try (Playwright playwright = Playwright.create(); Browser browser = BrowserTest.launch(playwright)) {
                // axe-core is added to the page as a script: the test's context lets it past the site's CSP.
                Page page = browser.newContext(new Browser.NewContextOptions().setBypassCSP(true)
                        .setViewportSize(900, 900)).newPage();
                page.navigate(base);
                link(page.locator("main"), "Mali: meetings and themes").click();
                page.waitForURL("**/situations/mali.html");
                assertThat(page.locator("h1").textContent()).isEqualTo("Mali: the Council's meetings");
                Locator themes = picture(page, "situation-themes", "situation-themes.png", violations);
                // The demo's meetings: nine members called for accountability on 16 June 2023.
                assertThat(themes.locator("svg g title").allTextContents())
                        .contains("accountability, 16 June 2023 (S/PV.9350): 9 members");
                // ... and on 30 June 2023 the US and the three A3 members on the transition (accepted readings).
                assertThat(themes.locator("svg g title").allTextContents())
                        .contains("elections and the transition, 30 June 2023 (S/PV.9365): 4 members");
                // Who said what over both meetings: the same grid as a brief's, for the period.
                Locator grid = picture(page, "situation-who-said-what", "situation-grid.png", violations);
                assertThat(grid.locator("figcaption").textContent()).contains("from 16 June 2023 to 30 June 2023");

                link(page.locator("main"), "The human rights brief on Mali").click();
                page.waitForURL("**/briefs/mali.html");
                link(page.locator("main"), "The Council's meetings on Mali and the themes raised at them").click();
                page.waitForURL("**/situations/mali.html");

                link(page.locator("header"), "The Council").click();
                page.waitForURL("**/council/index.html");
                Locator seats = picture(page, "council-seats", "council-seats.png", violations);
                assertThat(seats.locator("svg > g").count()).isEqualTo(15);

                link(page.locator("main ul").first(), "France").click();
                page.waitForURL("**/members/FRA.html");
                Locator pairs = picture(page, "geneva-new-york", "member-geneva-new-york.png", violations);
                assertThat(pairs.locator("svg").textContent()).contains("accountability").contains("Geneva\u00a0only");

                page.goBack();
                link(page.locator("main"), "2023").click();
                page.waitForURL("**/council/2023.html");
                link(page.locator("main ul").first(), "Brazil").click();
                page.waitForURL("**/members/BRA.html");
                picture(page, "council-terms", "member-terms.png", violations);

                // In print (and so in a PDF of the page) the pictures are drawn.
                page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
                assertThat(page.locator("figure#council-terms svg").isVisible()).isTrue();

                Page phone = browser.newPage(new Browser.NewPageOptions().setViewportSize(390, 800)
                        .setIsMobile(true));
                for (String path : List.of("situations/mali.html", "council/index.html", "members/FRA.html",
                        "members/BRA.html")) {
                    phone.navigate(base + path);
                    Object overflow = phone.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
                    assertThat(((Number) overflow).intValue()).as("sideways overflow of /" + path)
                            .isLessThanOrEqualTo(0);
                    Object width = phone.evaluate("() => document.querySelector('figure.picture svg')"
                            + ".getBoundingClientRect().width");
                    assertThat(((Number) width).doubleValue()).as(path).isGreaterThan(300);
                }
                phone.navigate(base + "situations/mali.html");
                phone.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "situation-phone.png")));
            } finally {
                server.stop();
            }
        }
        assertThat(violations).isEmpty();
    }
}
