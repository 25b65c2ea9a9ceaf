package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.councilbrief.db.Database;
import org.junit.jupiter.api.Test;

/** The demo brief in Debian's chromium: a reader jumps to a key topic and opens a member's UPR recommendations. */
class BrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true).setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync")));
    }

    @Test
    void aReaderGoesFromTheHomePageToABriefAKeyTopicAUprToggleAndThePdf() throws Exception {
        if (System.getenv("CI") == null) {
            assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed (apt-get install -y chromium)");
        }
        try (Database database = Database.inMemory("browser-" + System.nanoTime())) {
            WebServer server = WebServer.start(Application.start(database, true), "127.0.0.1", 0);
            try (Playwright playwright = Playwright.create(); Browser browser = launch(playwright)) {
                Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1000, 900));
                page.navigate("http://127.0.0.1:" + server.port() + "/");
                Files.createDirectories(Path.of("target"));
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "home.png")));
                page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions()
                        .setName("Mali").setExact(true)).click();
                page.waitForURL("**/briefs/mali.html");
                assertThat(page.title()).startsWith("Mali");

                page.getByText("Council meeting at which Mali asked MINUSMA to leave").click();
                assertThat(page.url()).endsWith("#item-comments-2");
                Locator item = page.locator("#item-comments-2");
                assertThat((Boolean) item.evaluate("e => { const r = e.getBoundingClientRect();"
                        + " return r.top >= 0 && r.top < window.innerHeight; }")).isTrue();

                Locator brazil = page.locator("details#upr-BRA");
                assertThat(brazil.getAttribute("open")).isNull();
                assertThat(page.getByText("Pursue full cooperation with international human rights mechanisms")
                        .isVisible()).isFalse();
                brazil.locator("summary").click();
                assertThat(brazil.getAttribute("open")).isNotNull();
                assertThat(page.getByText("Pursue full cooperation with international human rights mechanisms")
                        .isVisible()).isTrue();

                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "brief-upr-open.png")));

                // The PDF download: a real PDF of the brief, with its title.
                com.microsoft.playwright.Download download = page.waitForDownload(() -> page.getByRole(
                        com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("PDF"))
                        .click());
                assertThat(download.suggestedFilename()).isEqualTo("mali.pdf");
                Path pdf = Path.of("target", "downloaded-mali.pdf");
                download.saveAs(pdf);
                try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
                    assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                            .contains("Mali").contains("Comments by Members of the Security Council");
                }
                for (String path : List.of("council/index.html", "members/FRA.html", "themes/accountability.html")) {
                    page.navigate("http://127.0.0.1:" + server.port() + "/" + path);
                    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target",
                            path.replace('/', '-').replace(".html", ".png"))));
                }

                // On a phone (375 px wide) no page needs scrolling sideways.
                Page phone = browser.newPage(new Browser.NewPageOptions().setViewportSize(375, 740)
                        .setIsMobile(true));
                for (String path : List.of("", "briefs/mali.html", "council/index.html", "members/FRA.html",
                        "themes/accountability.html", "login")) {
                    phone.navigate("http://127.0.0.1:" + server.port() + "/" + path);
                    Object overflow = phone.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
                    assertThat(((Number) overflow).intValue()).as("sideways overflow of /" + path)
                            .isLessThanOrEqualTo(0);
                }
                phone.navigate("http://127.0.0.1:" + server.port() + "/briefs/mali.html");
                phone.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "brief-phone.png")));
                page.navigate("http://127.0.0.1:" + server.port() + "/briefs/mali");
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "brief.png")));
                assertThat(Path.of("target", "brief.png")).isNotEmptyFile();
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void anAdminLogsInWithARealBrowserAndLogsOut() throws Exception {
        if (System.getenv("CI") == null) {
            assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed (apt-get install -y chromium)");
        }
        try (Database database = Database.inMemory("browser-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            new org.councilbrief.account.Accounts(database).add("admin", "a long enough password",
                    org.councilbrief.account.Role.ADMIN);
            WebServer server = WebServer.start(application, "127.0.0.1", 0);
            try (Playwright playwright = Playwright.create(); Browser browser = launch(playwright)) {
                Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1000, 900));
                page.navigate("http://127.0.0.1:" + server.port() + "/workspace");
                assertThat(page.url()).endsWith("/login");
                page.getByLabel("Username").fill("admin");
                page.getByLabel("Password").fill("a long enough password");
                page.getByText("Log in", new Page.GetByTextOptions().setExact(true)).last().click();
                page.waitForURL("**/workspace");
                assertThat(page.content()).contains("Logged in as <strong>admin</strong>");
                assertThat(page.context().cookies()).anySatisfy(c -> {
                    assertThat(c.name).isEqualTo("cb_session");
                    assertThat(c.httpOnly).isTrue();
                    assertThat(c.secure).isTrue();
                });
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "workspace.png")));
                page.getByText("Log out").click();
                page.navigate("http://127.0.0.1:" + server.port() + "/workspace");
                assertThat(page.url()).endsWith("/login");
            } finally {
                server.stop();
            }
        }
    }
}
