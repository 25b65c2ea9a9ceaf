package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.councilbrief.SharedData;
import org.councilbrief.db.Database;
import org.councilbrief.ingest.ImportOptions;
import org.councilbrief.ingest.Imports;
import org.junit.jupiter.api.Test;

/**
 * A reader searches from the header's box on a brief's page (one folder down), narrows by clicking a facet, opens a
 * hit and lands on its paragraph; at 1000 and 390 px wide, axe-core finds no serious or critical violation on the
 * search page or the page of the hit, and the search page does not scroll sideways.
 */
class SearchBrowserTest {
    @Test
    void aReaderSearchesFromTheHeaderNarrowsByAFacetAndOpensAHitAtItsParagraph() throws Exception {
        if (System.getenv("CI") == null) {
            assumeTrue(Files.isExecutable(BrowserTest.CHROMIUM), "chromium is not installed");
            assumeTrue(Files.isRegularFile(EditorFlowBrowserTest.AXE), "axe-core is not installed (npm ci)");
        }
        try (Database database = Database.inMemory("search-browser-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            new Imports(database).importFile(SharedData.root().resolve(
                    "data/pages/seed_sources/res2690_2023_text_partial.txt"), "resolution",
                    new ImportOptions(null, null, null, null));
            WebServer server = WebServer.start(application, "127.0.0.1", 0);
            String base = "http://127.0.0.1:" + server.port();
            List<String> violations = new ArrayList<>();
            try (Playwright playwright = Playwright.create(); Browser browser = BrowserTest.launch(playwright)) {
                Page page = browser.newContext(new Browser.NewContextOptions().setBypassCSP(true)
                        .setViewportSize(1000, 900)).newPage();
                long until = System.nanoTime() + 60_000_000_000L;
                while (!page.request().get(base + "/api/v1/search?q=mali").text().contains("\"complete\":true")) {
                    assertThat(System.nanoTime()).as("index built within a minute").isLessThan(until);
                    Thread.sleep(200);
                }
                page.navigate(base + "/briefs/mali.html");
                Locator box = page.locator("header.site").getByLabel("Search the site");
                box.fill("Mali");
                page.locator("header.site").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                        .setName("Search")).click();
                page.waitForURL("**/search?q=Mali");
                assertThat(page.locator("#count").textContent()).matches("[\\d,]+ texts found\\.");
                assertThat(page.locator("ol.hits mark").count()).isPositive();
                EditorFlowBrowserTest.axe(page).forEach(v -> violations.add("/search " + v));

                // A facet: only resolution paragraphs, the query kept.
                page.locator("section.facets").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                        .setName("Resolution paragraph")).click();
                page.waitForURL("**kind=resolution**");
                assertThat(page.locator("#search-q").inputValue()).isEqualTo("Mali");
                List<String> kinds = page.locator("ol.hits p.meta").allTextContents();
                assertThat(kinds).isNotEmpty().allMatch(k -> k.startsWith("Resolution paragraph"));
                EditorFlowBrowserTest.axe(page).forEach(v -> violations.add("/search (resolutions) " + v));

                // A hit: its paragraph, at its anchor, on the resolution's page.
                Locator first = page.locator("ol.hits h3 a").first();
                String title = first.textContent();
                first.click();
                page.waitForURL("**/resolutions/*.html#paragraph-*");
                String anchor = page.url().substring(page.url().indexOf('#') + 1);
                assertThat(page.locator("[id='" + anchor + "']").textContent()).containsIgnoringCase("Mali");
                assertThat(title).contains("S/RES/2690 (2023)");
                EditorFlowBrowserTest.axe(page).forEach(v -> violations.add("resolution page " + v));

                // At 390 px: no sideways scrolling, nothing serious for axe.
                page.setViewportSize(390, 800);
                page.navigate(base + "/search?q=Mali");
                Object wide = page.evaluate("() => document.scrollingElement.scrollWidth > window.innerWidth");
                assertThat(wide).as("the search page scrolls sideways at 390 px").isEqualTo(false);
                EditorFlowBrowserTest.axe(page).forEach(v -> violations.add("/search at 390 px " + v));
                Files.createDirectories(Path.of("target"));
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "search-390.png")));
            } finally {
                server.stop();
            }
            assertThat(violations).isEmpty();
        }
    }
}
