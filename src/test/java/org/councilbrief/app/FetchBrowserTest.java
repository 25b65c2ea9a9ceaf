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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.councilbrief.account.AccountSettings;
import org.councilbrief.account.Accounts;
import org.councilbrief.account.Role;
import org.councilbrief.db.Database;
import org.councilbrief.ingest.DocumentServer;
import org.councilbrief.ingest.FetchSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In Debian's chromium, on a phone's width, against a stand-in of the UN's document system on 127.0.0.1: an editor
 * opens the import page by its link, types a symbol the system does not have and reads why beside the field, corrects
 * it, sees the preview of the fetched UPR report and imports it. Every page fits 390 px and axe-core finds no serious
 * or critical violation on it.
 */
class FetchBrowserTest {
    private static final Path AXE = Path.of("node_modules/axe-core/axe.min.js");

    @TempDir
    Path cache;

    @SuppressWarnings("unchecked")
    private static List<String> check(Page page, String name) throws Exception {
        List<String> wrong = new ArrayList<>();
        page.addScriptTag(new Page.AddScriptTagOptions().setPath(AXE));
        Object result = page.evaluate("async () => { const r = await axe.run(document, {resultTypes: ['violations']});"
                + " return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')); }");
        ((List<String>) result).forEach(v -> wrong.add(name + " " + v));
        boolean sideways = (Boolean) page.evaluate("() => document.documentElement.scrollWidth"
                + " > document.documentElement.clientWidth");
        if (sideways) {
            wrong.add(name + " scrolls sideways at 390 px");
        }
        Files.createDirectories(Path.of("target"));
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "fetch-" + name + ".png"))
                .setFullPage(true));
        return wrong;
    }

    private static void press(Page page, String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button).setExact(true)).click();
        page.waitForLoadState();
    }

    @Test
    void anEditorTypesASymbolSeesWhatWouldBeImportedAndImportsIt() throws Exception {
        if (System.getenv("CI") == null) {
            assumeTrue(Files.isExecutable(BrowserTest.CHROMIUM), "chromium is not installed");
            assumeTrue(Files.isRegularFile(AXE), "axe-core is not installed (npm ci)");
        }
        try (Database database = Database.inMemory("fetch-browser-" + System.nanoTime());
                DocumentServer documents = DocumentServer.withDocuments()) {
            FetchSettings settings = FetchSettings.of(documents.template(), cache, Map.of()).withTries(2,
                    Duration.ofMillis(50), Duration.ofSeconds(20));
            Application application = Application.start(database, true, Clock.systemDefaultZone(),
                    AccountSettings.defaults(), settings);
            new Accounts(database).add("edith", "an editor's long password", Role.EDITOR);
            WebServer server = WebServer.start(application, "127.0.0.1", 0);
            String base = "http://127.0.0.1:" + server.port();
            try (Playwright playwright = Playwright.create(); Browser browser = BrowserTest.launch(playwright)) {
                List<String> wrong = new ArrayList<>();
                Page e = browser.newContext(new Browser.NewContextOptions().setBypassCSP(true)
                        .setViewportSize(390, 844)).newPage();
                e.navigate(base + "/login");
                e.getByLabel("Username").fill("edith");
                e.getByLabel("Password").fill("an editor's long password");
                press(e, "Log in");
                e.locator("header").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Import"))
                        .click();
                e.waitForURL("**/workspace/import");
                wrong.addAll(check(e, "form"));

                // A symbol the system does not have: the reason beside the field, the symbol kept as typed.
                e.getByLabel("Document symbol").fill("A/HRC/19/99");
                press(e, "Fetch and preview");
                Locator error = e.locator("#fetch-symbol-error");
                assertThat(error.textContent()).startsWith("The UN's document system has no English document"
                        + " A/HRC/19/99 (").endsWith("answered 404 Not Found); check the symbol.");
                assertThat(e.getByLabel("Document symbol").inputValue()).isEqualTo("A/HRC/19/99");
                assertThat(e.getByLabel("Document symbol").getAttribute("aria-invalid")).isEqualTo("true");
                wrong.addAll(check(e, "refused"));

                // Corrected: the report fetched, shown before anything is imported.
                e.getByLabel("Document symbol").fill("A/HRC/19/15");
                e.getByLabel("Language").selectOption("en");
                press(e, "Fetch and preview");
                String preview = e.locator("main").textContent();
                assertThat(preview).contains("What would be imported").contains("A_HRC_19_15.pdf")
                        .contains("UPR review LTU-S12").contains("recommendations: 119").contains("Fetched from");
                int before = count(database);
                wrong.addAll(check(e, "preview"));
                press(e, "Import");
                assertThat(e.locator(".success").textContent()).contains("Imported A_HRC_19_15.pdf as UPR review"
                        + " LTU-S12.");
                assertThat(count(database)).isEqualTo(before + 1);
                wrong.addAll(check(e, "success"));
                assertThat(documents.requests()).containsExactly("A/HRC/19/99|en", "A/HRC/19/15|en");
                assertThat(wrong).isEmpty();
            } finally {
                server.stop();
            }
        }
    }

    private static int count(Database database) {
        return database.jdbi().withHandle(h -> h.createQuery("select count(*) from upr_review").mapTo(Integer.class)
                .one());
    }
}
