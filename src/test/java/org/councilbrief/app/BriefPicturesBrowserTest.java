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
import java.util.Map;
import org.councilbrief.db.Database;
import org.councilbrief.site.SiteBuilder;
import org.councilbrief.site.SiteFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo brief's pictures in Debian's chromium, on the served site and in the static export: a reader sees who said
 * what at the latest meeting and the UPR recommendations by theme and response, opens the figures as a table and finds
 * the same figures there; axe-core finds no serious violation; a phone needs no sideways scrolling.
 */
class BriefPicturesBrowserTest {
    private static final Path AXE = Path.of("node_modules/axe-core/axe.min.js");

    /** Each drawn cell or segment ("member|theme" → letters, "bar|series" → number), read in the page. */
    private static final String DRAWN = """
            f => { const out = {};
              f.querySelectorAll('svg g.cell').forEach(g => out[g.dataset.member + '|' + g.dataset.theme] =
                Array.from(g.querySelectorAll('text')).map(t => t.textContent).join(''));
              f.querySelectorAll('svg g.segment').forEach(g => out[g.dataset.bar + '|' + g.dataset.series] =
                g.querySelector('text').textContent);
              return out; }""";
    /** The table's rows as arrays of cell texts, the heading row first. */
    private static final String TABLE = """
            f => Array.from(f.querySelectorAll('table tr')).map(r =>
              Array.from(r.children).map(c => c.textContent.trim()))""";

    @SuppressWarnings("unchecked")
    private static List<String> axe(Page page) {
        page.addScriptTag(new Page.AddScriptTagOptions().setPath(AXE));
        Object result = page.evaluate("async () => { const r = await axe.run(document, {resultTypes: ['violations']});"
                + " return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')); }");
        return new ArrayList<>((List<String>) result);
    }

    /** The pictures of the brief page open in {@code page}: checked against their tables, then photographed. */
    @SuppressWarnings("unchecked")
    private static void checkPictures(Page page, String shots) throws Exception {
        Locator grid = page.locator("figure#who-said-what");
        assertThat(grid.locator("svg").isVisible()).isTrue();
        assertThat(grid.getByRole(AriaRole.IMG).getAttribute("aria-labelledby")).isEqualTo(
                "who-said-what-title who-said-what-desc");
        assertThat(grid.locator("figcaption").textContent()).startsWith("Who said what at the meeting of 30 June 2023");
        Locator upr = page.locator("figure[id^=upr-]");
        assertThat(upr.count()).isEqualTo(1);

        Map<String, String> letters = Map.of("C", "called for", "X", "condemned", "W", "welcomed",
                "!", "expressed concern", "R", "rejected", "N", "noted");
        Map<String, String> codes = Map.of("ALB", "Albania", "ECU", "Ecuador", "MLT", "Malta", "CHE", "Switzerland",
                "GBR", "UK", "USA", "USA", "GAB", "Gabon", "GHA", "Ghana", "MOZ", "Mozambique");

        grid.getByText("The figures as a table").click();
        List<List<String>> gridTable = (List<List<String>>) grid.evaluate(TABLE);
        Map<String, String> drawn = (Map<String, String>) grid.evaluate(DRAWN);
        List<String> fromTable = new ArrayList<>();
        List<String> header = gridTable.get(0);
        for (List<String> row : gridTable.subList(1, gridTable.size())) {
            for (int j = 1; j < row.size(); j++) {
                if (!row.get(j).isEmpty()) {
                    fromTable.add(row.get(0) + "|" + header.get(j) + "|" + row.get(j));
                }
            }
        }
        List<String> fromPicture = new ArrayList<>();
        Map<String, String> themes = Map.of("protection-of-civilians", "Protection of civilians", "ihl-ihrl",
                "International humanitarian and human rights law", "foreign-security-personnel",
                "Foreign security personnel", "elections-and-transition", "Elections and the transition");
        drawn.forEach((k, v) -> fromPicture.add(codes.get(k.split("\\|")[0]) + "|" + themes.get(k.split("\\|")[1])
                + "|" + String.join(", ", v.chars().mapToObj(c -> letters.get(String.valueOf((char) c))).toList())));
        assertThat(fromPicture).containsExactlyInAnyOrderElementsOf(fromTable);
        // The demo's meeting: 17 accepted positions by 9 members; Albania's proposed and rejected readings are absent.
        assertThat(fromTable).hasSize(17).contains("Albania|Foreign security personnel|expressed concern")
                .noneMatch(c -> c.contains("condemned") || c.contains("Freedom of expression"));
        assertThat(gridTable).hasSize(16);

        upr.getByText("The figures as a table").click();
        List<List<String>> uprTable = (List<List<String>>) upr.evaluate(TABLE);
        Map<String, String> segments = (Map<String, String>) upr.evaluate(DRAWN);
        List<String> uprFromTable = new ArrayList<>();
        for (List<String> row : uprTable.subList(1, uprTable.size())) {
            for (int j = 1; j < row.size() - 1; j++) {
                if (!row.get(j).equals("0")) {
                    uprFromTable.add(row.get(0) + "|" + uprTable.get(0).get(j) + "|" + row.get(j));
                }
            }
        }
        List<String> uprFromPicture = new ArrayList<>();
        segments.forEach((k, v) -> uprFromPicture.add(k + "|" + v));
        assertThat(uprFromPicture).isNotEmpty().containsExactlyInAnyOrderElementsOf(uprFromTable);
        assertThat(uprTable.get(0)).containsExactly("Theme", "Supported", "Noted", "No response recorded", "Total");

        if (shots != null) {
            Files.createDirectories(Path.of("target", "pictures"));
            grid.getByText("The figures as a table").click();
            upr.getByText("The figures as a table").click();
            page.evaluate("() => document.activeElement.blur()");
            grid.screenshot(new Locator.ScreenshotOptions().setPath(Path.of("target", "pictures", shots
                    + "-grid.png")));
            upr.screenshot(new Locator.ScreenshotOptions().setPath(Path.of("target", "pictures", shots
                    + "-upr.png")));
        }
    }

    /**
     * The number (from 1) of the first PDF page with the grid's blue (called for) and orange (concern) drawn on it,
     * written to {@code png}; 0 when no page has both.
     */
    private static int gridPage(Path pdf, Path png) throws Exception {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            var renderer = new org.apache.pdfbox.rendering.PDFRenderer(document);
            for (int p = 0; p < document.getNumberOfPages(); p++) {
                java.awt.image.BufferedImage image = renderer.renderImageWithDPI(p, 100);
                int blue = 0;
                int orange = 0;
                for (int y = 0; y < image.getHeight(); y++) {
                    for (int x = 0; x < image.getWidth(); x++) {
                        int rgb = image.getRGB(x, y);
                        blue += near(rgb, 0x0072B2) ? 1 : 0;
                        orange += near(rgb, 0xE69F00) ? 1 : 0;
                    }
                }
                if (blue > 30 && orange > 30) {
                    javax.imageio.ImageIO.write(renderer.renderImageWithDPI(p, 64), "png", png.toFile());
                    return p + 1;
                }
            }
        }
        return 0;
    }

    private static boolean near(int rgb, int colour) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((rgb >> shift) & 0xff) - ((colour >> shift) & 0xff)) > 16) {
                return false;
            }
        }
        return true;
    }

    @Test
    void theDemoBriefShowsItsPicturesOnTheSiteAndInTheStaticExport(@TempDir Path export) throws Exception {
        if (System.getenv("CI") == null) {
            assumeTrue(Files.isExecutable(BrowserTest.CHROMIUM), "chromium is not installed");
            assumeTrue(Files.isRegularFile(AXE), "axe-core is not installed (npm ci)");
        }
        try (Database database = Database.inMemory("pictures-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            WebServer server = WebServer.start(application, "127.0.0.1", 0);
            for (SiteFile file : new SiteBuilder(database, application.membership(), application.today()).build()) {
                Path target = export.resolve(file.path());
                Files.createDirectories(target.getParent());
                Files.write(target, file.bytes());
            }
            try (Playwright playwright = Playwright.create(); Browser browser = BrowserTest.launch(playwright)) {
                // axe is added to the page as a script, which the site's Content-Security-Policy rightly forbids.
                Page page = browser.newContext(new Browser.NewContextOptions().setBypassCSP(true)
                        .setViewportSize(1000, 900)).newPage();
                page.navigate("http://127.0.0.1:" + server.port() + "/");
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mali").setExact(true)).click();
                page.waitForURL("**/briefs/mali.html");
                checkPictures(page, "brief");
                assertThat(axe(page)).isEmpty();

                // The PDF a reader downloads from the page draws the grid: its page has the act colours on it.
                com.microsoft.playwright.Download download = page.waitForDownload(() -> page.getByRole(
                        AriaRole.LINK, new Page.GetByRoleOptions().setName("PDF").setExact(true)).click());
                Path pdf = Path.of("target", "pictures", "downloaded-mali.pdf");
                download.saveAs(pdf);
                assertThat(gridPage(pdf, Path.of("target", "pictures", "brief-pdf.png"))).isPositive();

                Page exported = browser.newContext(new Browser.NewContextOptions().setBypassCSP(true)
                        .setViewportSize(1000, 900)).newPage();
                exported.navigate(export.resolve("index.html").toUri().toString());
                exported.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mali").setExact(true))
                        .click();
                exported.waitForURL("**/briefs/mali.html");
                checkPictures(exported, null);
                assertThat(axe(exported)).isEmpty();

                Page phone = browser.newPage(new Browser.NewPageOptions().setViewportSize(390, 800)
                        .setIsMobile(true));
                phone.navigate("http://127.0.0.1:" + server.port() + "/briefs/mali.html");
                Object overflow = phone.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
                assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
                assertThat(phone.locator("figure#who-said-what svg").boundingBox().width).isLessThanOrEqualTo(390);
            } finally {
                server.stop();
            }
        }
    }
}
