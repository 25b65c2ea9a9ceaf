package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.councilbrief.account.Accounts;
import org.councilbrief.account.Role;
import org.councilbrief.db.Database;
import org.councilbrief.statement.Position;
import org.councilbrief.statement.PositionModel;
import org.councilbrief.statement.StatementRepository;
import org.junit.jupiter.api.Test;

/**
 * In Debian's chromium, an editor reviews the positions of a real 2020 meeting record (S/PV.8771, the Central African
 * Republic, about 120 proposals) as an editor would: imports it, chooses it from the meetings, rejects the themes
 * that are not human-rights content, one member and one quote, and accepts the rest sentence by sentence with the
 * keys. Every click and key is counted: the meeting must be decided in at most 40 actions, none left undecided. The
 * same decisions work without JavaScript; axe-core finds no serious or critical violation; the page fits 390 px.
 */
class PositionsBrowserTest {
    private static final Path AXE = Path.of("node_modules/axe-core/axe.min.js");
    private static final Path RECORD = Path.of(System.getProperty("councilbrief.shared", "../shared"), "data",
            "council-speeches", "meetings", "SPV.8771.txt");
    private static final String PASSWORD = "an editor's long password";
    /** The Council scheme's labels beyond human-rights content: an editor of a human-rights brief rejects them. */
    private static final List<String> NOT_HUMAN_RIGHTS = List.of("peace-process", "peacekeeping", "sanctions",
            "terrorism", "climate-security");

    private static void login(Page page, String base) {
        page.navigate(base + "/login");
        page.getByLabel("Username").fill("edith");
        page.getByLabel("Password").fill(PASSWORD);
        page.locator("main button[type=submit]").click();
        page.waitForURL("**/workspace");
    }

    @SuppressWarnings("unchecked")
    private static List<String> axe(Page page) {
        page.addScriptTag(new Page.AddScriptTagOptions().setPath(AXE));
        Object result = page.evaluate("async () => { const r = await axe.run(document, {resultTypes: ['violations']});"
                + " return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')); }");
        return new ArrayList<>((List<String>) result);
    }

    /** The positions still to decide, as the page's counts say. */
    private static int undecided(Page page) {
        String summary = page.locator("#summary").textContent();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) to decide").matcher(summary);
        assertThat(m.find()).as(summary).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static String focused(Page page) {
        return (String) page.evaluate("() => { const s = document.activeElement && document.activeElement"
                + ".closest('article.sentence'); return s ? s.id : null; }");
    }

    /**
     * Waits until the sentence {@code id} has been updated in place with nothing left to decide in it, and the page
     * has moved the focus on to the next sentence to decide (or there is none).
     */
    private static void waitDecided(Page page, String id) {
        page.waitForFunction("id => { const s = document.getElementById(id);"
                + " if (s && s.getAttribute('data-undecided') !== '0') { return false; }"
                + " const f = document.activeElement && document.activeElement.closest('article.sentence');"
                + " return (f && f.id !== id && f.getAttribute('data-undecided') !== '0')"
                + " || !document.querySelector('article.sentence:not([data-undecided=\"0\"])'); }", id);
    }

    @Test
    void anEditorDecidesARealMeetingOfAbout120ProposalsInAtMost40Actions() throws Exception {
        if (System.getenv("CI") == null) {
            assumeTrue(Files.isExecutable(BrowserTest.CHROMIUM), "chromium is not installed");
            assumeTrue(Files.isRegularFile(AXE), "axe-core is not installed (npm ci)");
        }
        assumeTrue(Files.isRegularFile(RECORD), "the shared data is not there: " + RECORD);
        try (Database database = Database.inMemory("positions-browser-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            new Accounts(database).add("edith", PASSWORD, Role.EDITOR);
            WebServer server = WebServer.start(application, "127.0.0.1", 0);
            String base = "http://127.0.0.1:" + server.port();
            try (Playwright playwright = Playwright.create(); Browser browser = BrowserTest.launch(playwright)) {
                List<String> violations = new ArrayList<>();
                BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1100, 900));
                Page e = context.newPage();
                List<String> errors = new ArrayList<>();
                e.onPageError(errors::add);
                // The page runs under the server's Content-Security-Policy: a script it blocked would be an error here.
                e.onConsoleMessage(m -> {
                    if (m.type().equals("error")) {
                        errors.add(m.text());
                    }
                });
                // axe is injected as an inline script, which that policy forbids: it checks the pages in a context of
                // its own that bypasses it.
                BrowserContext audit = browser.newContext(new Browser.NewContextOptions().setBypassCSP(true)
                        .setViewportSize(1100, 900));
                Page auditor = audit.newPage();
                login(auditor, base);
                login(e, base);
                // The situation's brief, started as an editor does it.
                e.locator("#situation-id").fill("central-african-republic");
                e.locator("#situation-name").fill("Central African Republic");
                e.locator("#situation-state").fill("CAF");
                e.locator("button", new Page.LocatorOptions().setHasText("Start the brief")).click();
                e.waitForURL("**/workspace/briefs/central-african-republic");
                // The record is imported as the import command does it (the import page has tests of its own).
                new org.councilbrief.ingest.Imports(database).importFile(RECORD, "meeting-record",
                        new org.councilbrief.ingest.ImportOptions("central-african-republic", null,
                                java.time.LocalDate.of(2020, 10, 19)));

                // The meeting is chosen from the imported ones.
                e.navigate(base + "/workspace");
                e.locator("header").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Positions"))
                        .click();
                e.getByLabel("Meeting", new Page.GetByLabelOptions().setExact(true)).selectOption("S/PV.8771");
                e.locator("button", new Page.LocatorOptions().setHasText("Show")).click();
                e.waitForURL("**/workspace/positions?meeting=S%2FPV.8771**");
                assertThat(e.locator("h1").textContent()).isEqualTo("Positions at S/PV.8771");
                // By default the page shows the proposals the reader is surest of, and says how many it leaves out;
                // lowered to the lowest, it shows every one an import kept; the editor goes back to the default.
                int proposals = undecided(e);
                assertThat(proposals).isPositive();
                assertThat(e.locator("#below").textContent()).contains("not shown");
                Locator threshold = e.getByLabel("Proposals from");
                threshold.selectOption(String.valueOf(Math.round(PositionModel.STORED * 100)));
                e.locator("button", new Page.LocatorOptions().setHasText("Show")).click();
                e.waitForURL(url -> url.contains("min=20"));
                int kept = undecided(e);
                assertThat(kept).isGreaterThan(proposals).isBetween(100, 200);
                assertThat(e.locator("#below").count()).isZero();
                e.getByLabel("Proposals from").selectOption("");
                e.locator("button", new Page.LocatorOptions().setHasText("Show")).click();
                e.waitForURL(url -> url.endsWith("min="));
                assertThat(undecided(e)).isEqualTo(proposals);
                auditor.navigate(e.url());
                axe(auditor).forEach(v -> violations.add("positions " + v));
                e.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "positions-review.png")));
                int actions = 0;

                // Without JavaScript, the same forms post and the server brings the editor back to the sentence.
                BrowserContext plain = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false)
                        .setViewportSize(1100, 900));
                Page p = plain.newPage();
                login(p, base);
                p.navigate(e.url());
                Locator firstMember = p.locator("li.member form.decide button.reject").first();
                String plainSentence = (String) firstMember.evaluate("b => b.closest('article.sentence').id");
                firstMember.click();
                actions++;
                p.waitForURL("**#" + plainSentence);
                assertThat(p.locator("#" + plainSentence + " li.member.rejected").count()).isEqualTo(1);
                assertThat(p.locator("#" + plainSentence + " .state").first().textContent()).contains("1 rejected");
                plain.close();
                e.reload();

                // Whole themes that are not human-rights content, with one click each; the page does not jump.
                for (String theme : NOT_HUMAN_RIGHTS) {
                    Locator reject = e.locator("#t-" + theme + " > form button.reject");
                    if (reject.count() == 0) {
                        continue;
                    }
                    reject.scrollIntoViewIfNeeded();
                    double before = ((Number) e.evaluate("() => window.scrollY")).doubleValue();
                    reject.click();
                    actions++;
                    e.waitForFunction("id => !document.querySelector('#' + id + ' article.sentence.undecided')",
                            "t-" + theme);
                    e.waitForTimeout(60);
                    double after = ((Number) e.evaluate("() => window.scrollY")).doubleValue();
                    if (before > 500) {
                        assertThat(after).as("no jump to the top").isGreaterThan(before - 400);
                    }
                }
                // One member of a sentence rejected, with one click.
                Locator member = e.locator("article.sentence.undecided li.member form.decide button.reject").first();
                String memberSentence = (String) member.evaluate("b => b.closest('article.sentence').id");
                member.click();
                actions++;
                e.waitForFunction("id => document.querySelector('#' + id + ' li.member.rejected')", memberSentence);

                // The rest sentence by sentence with the keys: n to the first one to decide, then a on each, which
                // moves on to the next one to decide.
                e.keyboard().press("n");
                actions++;
                int guard = 0;
                while (undecided(e) > 0 && guard++ < 120) {
                    String id = focused(e);
                    assertThat(id).as("a sentence to decide has the focus").isNotNull();
                    assertThat(e.locator("#" + id).getAttribute("data-undecided")).isNotEqualTo("0");
                    e.keyboard().press("a");
                    actions++;
                    waitDecided(e, id);
                }
                assertThat(errors).as("no script error").isEmpty();
                assertThat(undecided(e)).isZero();
                System.out.println("positions review: " + proposals + " proposals of S/PV.8771 at the default threshold ("
                        + kept + " kept) decided in " + actions + " actions (clicks and keys)");
                assertThat(actions).isLessThanOrEqualTo(40);
                var stored = new StatementRepository(database.jdbi()).storedPositions("S/PV.8771");
                double least = Math.floor(PositionModel.shipped().threshold() * 100) / 100;
                assertThat(stored).hasSize(kept);
                assertThat(stored).filteredOn(s -> !(s.position().probability() < least)).hasSize(proposals)
                        .noneMatch(s -> s.position().status() == Position.Status.PROPOSED);
                e.reload();
                assertThat(undecided(e)).isZero();
                assertThat(e.locator("#summary").textContent()).contains("Every position shown is decided.");
                auditor.navigate(e.url());
                axe(auditor).forEach(v -> violations.add("positions (decided) " + v));

                // j and k move between sentences.
                e.locator("h1").click();
                e.keyboard().press("j");
                String first = focused(e);
                e.keyboard().press("j");
                assertThat(focused(e)).isNotEqualTo(first);
                e.keyboard().press("k");
                assertThat(focused(e)).isEqualTo(first);

                // The quote's link leads to the speech, the evidence marked.
                String href = e.locator("li.quote p.where a").first().getAttribute("href");
                assertThat(href).startsWith("speeches?meeting=S%2FPV.8771&position=");
                auditor.navigate(base + "/workspace/" + href);
                assertThat(auditor.locator("mark#evidence").count()).isEqualTo(1);
                axe(auditor).forEach(v -> violations.add("speeches " + v));

                // The comments go into the brief once: then the page links to the item instead of offering it again.
                Locator add = e.locator("button", new Page.LocatorOptions()
                        .setHasText("Add to the brief on Central African Republic"));
                assertThat(add.count()).isEqualTo(1);
                add.click();
                e.waitForURL("**/workspace/briefs/central-african-republic**");
                e.navigate(base + "/workspace/positions?meeting=S/PV.8771");
                assertThat(add.count()).isZero();
                assertThat(e.locator("#in-the-brief a").textContent())
                        .isEqualTo("Security Council meeting on Central African Republic");
                e.locator("#in-the-brief a").click();
                e.waitForURL("**/workspace/briefs/central-african-republic?item=comments-*");

                // At 390 px wide the page fits, nothing to scroll sideways.
                Page phone = browser.newContext(new Browser.NewContextOptions().setBypassCSP(true)
                        .setViewportSize(390, 844)).newPage();
                login(phone, base);
                phone.navigate(base + "/workspace/positions?meeting=S/PV.8771");
                Number width = (Number) phone.evaluate("() => document.documentElement.scrollWidth");
                assertThat(width.intValue()).isLessThanOrEqualTo(390);
                phone.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "positions-390.png")));
                axe(phone).forEach(v -> violations.add("positions at 390 px " + v));
                assertThat(violations).isEmpty();
            } finally {
                server.stop();
            }
        }
    }
}
