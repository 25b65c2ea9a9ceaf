package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.councilbrief.account.Accounts;
import org.councilbrief.account.Role;
import org.councilbrief.db.Database;
import org.junit.jupiter.api.Test;

/**
 * In Debian's chromium: an editor logs in, edits an item and sees the section's word count change before saving,
 * sends the brief for review; a reviewer publishes; the public page and the feed show the change. axe-core (from npm,
 * package.json) checks the pages on the way: no serious or critical violation.
 */
class EditorFlowBrowserTest {
    static final Path AXE = Path.of("node_modules/axe-core/axe.min.js");

    private static void login(Page page, String base, String user, String password) {
        page.navigate(base + "/login");
        page.getByLabel("Username").fill(user);
        page.getByLabel("Password").fill(password);
        page.locator("main button[type=submit]").click();
        page.waitForURL("**/workspace");
    }

    /** The serious and critical axe violations of the page, as "rule: target" lines. */
    @SuppressWarnings("unchecked")
    static List<String> axe(Page page) {
        page.addScriptTag(new Page.AddScriptTagOptions().setPath(AXE));
        Object result = page.evaluate("async () => { const r = await axe.run(document, {resultTypes: ['violations']});"
                + " return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')); }");
        return new ArrayList<>((List<String>) result);
    }

    @Test
    void anEditorChangesAnItemAReviewerPublishesAndReadersSeeIt() throws Exception {
        if (System.getenv("CI") == null) {
            assumeTrue(Files.isExecutable(BrowserTest.CHROMIUM), "chromium is not installed");
            assumeTrue(Files.isRegularFile(AXE), "axe-core is not installed (npm ci)");
        }
        try (Database database = Database.inMemory("flow-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            new Accounts(database).add("edith", "an editor's long password", Role.EDITOR);
            new Accounts(database).add("rita", "a reviewer's long password", Role.REVIEWER);
            var statements = new org.councilbrief.statement.StatementRepository(database.jdbi());
            statements.saveMeeting(new org.councilbrief.statement.Meeting("S/PV.9340", "mali",
                    java.time.LocalDate.of(2023, 6, 16), null, null), List.of(new org.councilbrief.statement.Statement(
                    "S/PV.9340", 1, "Mr. X", "GBR", null, null, "We call for accountability for the killings.")));
            statements.addPositions("S/PV.9340", 1, List.of(new org.councilbrief.statement.Position("GBR",
                    org.councilbrief.statement.Act.CALLS_FOR, "accountability",
                    "We call for accountability for the killings.",
                    org.councilbrief.statement.Position.Status.PROPOSED)));
            WebServer server = WebServer.start(application, "127.0.0.1", 0);
            String base = "http://127.0.0.1:" + server.port();
            try (Playwright playwright = Playwright.create(); Browser browser = BrowserTest.launch(playwright)) {
                List<String> violations = new ArrayList<>();
                BrowserContext reader = browser.newContext(new Browser.NewContextOptions().setBypassCSP(true));
                Page page = reader.newPage();
                for (String path : List.of("/", "/briefs/mali.html", "/council/index.html", "/members/GBR.html",
                        "/themes/accountability.html", "/login")) {
                    page.navigate(base + path);
                    axe(page).forEach(v -> violations.add(path + " " + v));
                }

                BrowserContext editor = browser.newContext(new Browser.NewContextOptions().setBypassCSP(true)
                        .setViewportSize(1000, 1200));
                Page e = editor.newPage();
                login(e, base, "edith", "an editor's long password");
                e.getByText("Mali").click();
                e.getByText("Council meeting at which Mali asked MINUSMA to leave").click();
                String before = e.locator("#section-count").textContent();
                e.locator("#body").fill("The Council heard Mali ask MINUSMA to leave; this sentence is new.");
                String typed = e.locator("#section-count").textContent();
                assertThat(typed).isNotEqualTo(before); // counted as the editor types, before saving
                axe(e).forEach(v -> violations.add("/workspace/briefs/mali " + v));
                e.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "workspace-edit.png")));
                e.locator("button", new Page.LocatorOptions().setHasText("Save the item")).click();
                e.waitForURL("**/workspace/briefs/mali?item=*");
                assertThat(e.content()).contains("<strong>draft</strong>");
                e.locator("button", new Page.LocatorOptions().setHasText("Send for review")).click();
                e.waitForLoadState();
                assertThat(e.content()).contains("<strong>in review</strong>").doesNotContain(">Publish<");

                page.navigate(base + "/briefs/mali.html");
                assertThat(page.content()).doesNotContain("this sentence is new");

                BrowserContext reviewer = browser.newContext(new Browser.NewContextOptions().setBypassCSP(true));
                Page r = reviewer.newPage();
                login(r, base, "rita", "a reviewer's long password");
                r.navigate(base + "/workspace/briefs/mali");
                r.locator("button", new Page.LocatorOptions().setHasText("Publish")).click();
                r.waitForLoadState();
                assertThat(r.content()).contains("<strong>published</strong>");

                page.navigate(base + "/briefs/mali.html");
                assertThat(page.content()).contains("this sentence is new");
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "brief-published.png")));
                String feed = page.request().get(base + "/feed.atom").text();
                assertThat(feed).contains("<updated>" + java.time.LocalDate.now(java.time.ZoneOffset.UTC));
                for (String path : List.of("/workspace", "/workspace/import", "/workspace/positions?meeting=S/PV.9340",
                        "/workspace/activity")) {
                    e.navigate(base + path);
                    axe(e).forEach(v -> violations.add(path + " " + v));
                }
                e.navigate(base + "/workspace/activity");
                assertThat(e.content()).contains("sent for review").contains("published");
                e.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "workspace-activity.png")));

                // The editor accepts the proposed position; it writes the meeting's comments, which go into the brief.
                e.navigate(base + "/workspace/positions?meeting=S/PV.9340");
                e.locator("button", new Page.LocatorOptions().setHasText("Accept")).first().click();
                e.locator("#for-the-brief li").first().waitFor(); // decided in place, without a reload
                assertThat(e.content()).contains("The UK called for investigations and accountability.");
                axe(e).forEach(v -> violations.add("/workspace/positions (accepted) " + v));
                e.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "workspace-positions.png"))
                        .setFullPage(true));
                e.locator("button", new Page.LocatorOptions().setHasText("Add to the brief on Mali")).click();
                e.waitForURL("**/workspace/briefs/mali**");
                assertThat(e.content()).contains("Security Council meeting on Mali").contains("<strong>draft</strong>");
                assertThat(violations).isEmpty();
            } finally {
                server.stop();
            }
        }
    }
}
