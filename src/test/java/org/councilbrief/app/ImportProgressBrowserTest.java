package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.councilbrief.SharedData;
import org.councilbrief.account.Accounts;
import org.councilbrief.account.Role;
import org.councilbrief.db.Database;
import org.councilbrief.document.SourceTexts;
import org.councilbrief.upr.UprInfoCsv;
import org.councilbrief.upr.UprRepository;
import org.councilbrief.upr.UprReview;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In Debian's chromium: an editor imports a large UPR Info export (some 5 MB, 21,356 rows) and, while the server reads
 * and writes it, sees a progress bar move with what it is doing (rows read, reviews written), then the import done;
 * axe-core finds no serious or critical violation while the bar is shown. Without JavaScript the same file imports
 * through the same buttons.
 */
class ImportProgressBrowserTest {
    private static final Path AXE = Path.of("node_modules/axe-core/axe.min.js");
    private static final Path CSV = SharedData.root().resolve("data/upr-themes/upr_recommendations_sessions_01-12.csv");

    @SuppressWarnings("unchecked")
    private static List<String> axe(Page page) {
        page.addScriptTag(new Page.AddScriptTagOptions().setPath(AXE));
        Object result = page.evaluate("async () => { const r = await axe.run(document, {resultTypes: ['violations']});"
                + " return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')); }");
        return new ArrayList<>((List<String>) result);
    }

    private static void logIn(Page page, String base) {
        page.navigate(base + "/login");
        page.getByLabel("Username").fill("edith");
        page.getByLabel("Password").fill("an editor's long password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForLoadState();
        page.locator("header").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Import")).click();
        page.waitForURL("**/workspace/import");
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static int reviews(Database database) {
        return database.jdbi().withHandle(h -> h.createQuery("select count(*) from upr_review").mapTo(Integer.class)
                .one());
    }

    @Test
    void aLargeExportShowsItsProgressAndImports(@TempDir Path dir) throws Exception {
        if (System.getenv("CI") == null) {
            assumeTrue(Files.isExecutable(BrowserTest.CHROMIUM), "chromium is not installed");
            assumeTrue(Files.isRegularFile(AXE), "axe-core is not installed (npm ci)");
        }
        // For the run without JavaScript: the first 6,000 rows (still over a megabyte), under another name.
        Path copy = dir.resolve("upr-copy.csv");
        Files.write(copy, Files.readAllLines(CSV).subList(0, 6_001));
        // The review in the middle of the file, imported before: while the test holds its row, the import waits there,
        // half done, however fast the machine writes the others (a warm JVM wrote all 193 between two of the page's
        // polls). The database waits for a lock as long as the test may take.
        List<UprReview> parsed = new UprInfoCsv().read(SourceTexts.read(CSV)).reviews();
        UprReview middle = parsed.get(parsed.size() / 2);
        try (Database database = Database.open("jdbc:h2:mem:import-progress-" + System.nanoTime()
                + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=180000")) {
            Application application = Application.start(database, true);
            new Accounts(database).add("edith", "an editor's long password", Role.EDITOR);
            WebServer server = WebServer.start(application, "127.0.0.1", 0);
            String base = "http://127.0.0.1:" + server.port();
            try (Playwright playwright = Playwright.create(); Browser browser = BrowserTest.launch(playwright)) {
                BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBypassCSP(true)
                        .setViewportSize(390, 844));
                Page e = context.newPage();
                logIn(e, base);
                database.jdbi().useTransaction(h -> UprRepository.save(h, middle));
                int before = reviews(database);

                // Preview: the bar appears under the buttons as the file is sent and read.
                e.locator("#file").setInputFiles(CSV);
                e.getByLabel("Kind of document").selectOption("upr-csv");
                button(e, "Preview").click();
                e.locator("#import-progress").waitFor(new Locator.WaitForOptions()
                        .setState(WaitForSelectorState.ATTACHED));
                // The preview's heading (the fetch form's hint speaks of what "would be imported" too).
                e.getByRole(com.microsoft.playwright.options.AriaRole.HEADING, new Page.GetByRoleOptions()
                        .setName("What would be imported").setExact(true))
                        .waitFor(new Locator.WaitForOptions().setTimeout(120_000));
                assertThat(e.locator("main").textContent()).contains("rows: 21356").contains("reviews: 193");
                assertThat(e.url()).endsWith("/workspace/import");

                // Import: the bar follows the server's work, row by row and review by review, then the page says done.
                Handle holder = database.jdbi().open();
                holder.begin();
                holder.createQuery("select id from upr_review where id = :id for update").bind("id", middle.id())
                        .mapTo(String.class).one();
                button(e, "Import").click();
                Locator bar = e.locator("#import-progress");
                bar.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
                double first;
                List<String> wrong;
                try {
                    e.waitForFunction("() => { const p = document.querySelector('#import-progress');"
                            + " const l = document.querySelector('#import-progress-label');"
                            + " return p && l && l.textContent.startsWith('Writing reviews') && p.max === 193"
                            + " && p.value > 0 && p.value < 193; }", null,
                            new Page.WaitForFunctionOptions().setTimeout(120_000).setPollingInterval(50));
                    first = ((Number) bar.evaluate("p => p.value")).doubleValue();
                    assertThat(e.locator("#import-progress-count").textContent()).matches("\\d+ of 193");
                    wrong = axe(e);
                    // While the bar shows, the button cannot send the form again.
                    assertThat((Boolean) e.evaluate("() => [...document.querySelectorAll('button')]"
                            + ".find(x => x.textContent.trim() === 'Import').disabled")).isTrue();
                } finally {
                    holder.rollback();
                    holder.close();
                }
                e.waitForFunction("v => { const p = document.querySelector('#import-progress');"
                        + " return !p || p.value > v; }", first,
                        new Page.WaitForFunctionOptions().setTimeout(120_000).setPollingInterval(50));
                e.locator(".success").waitFor(new Locator.WaitForOptions().setTimeout(120_000));
                assertThat(e.locator(".success").textContent()).contains("Imported upr_recommendations_sessions_01-12"
                        + ".csv as 193 UPR reviews.");
                // The address is the done page's: reloading it shows the import done, and sends nothing again.
                assertThat(e.url()).contains("/workspace/import?imported=");
                e.reload();
                assertThat(e.locator(".success").textContent()).contains("as 193 UPR reviews.");
                assertThat(reviews(database)).isEqualTo(before + 192); // the middle one was there
                wrong.addAll(axe(e));
                assertThat(wrong).isEmpty();

                // Without JavaScript: the same buttons, the pages the server answers.
                BrowserContext plain = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
                plain.setDefaultTimeout(120_000); // the server reads and writes 21,356 rows before it answers
                Page n = plain.newPage();
                logIn(n, base);
                n.locator("#file").setInputFiles(copy);
                n.getByLabel("Kind of document").selectOption("upr-csv");
                button(n, "Preview").click();
                n.waitForLoadState();
                assertThat(n.locator("main").textContent()).contains("What would be imported").contains("rows: 6000");
                assertThat(n.locator("#import-progress").count()).isZero();
                button(n, "Import").click();
                n.waitForLoadState();
                assertThat(n.locator(".success").textContent()).contains("Imported upr-copy.csv as")
                        .contains("UPR reviews.");
                assertThat(Files.size(copy)).isGreaterThan(1024 * 1024);
            } finally {
                server.stop();
            }
        }
    }
}
