package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.councilbrief.SharedData;
import org.councilbrief.account.Accounts;
import org.councilbrief.account.Role;
import org.councilbrief.db.Database;
import org.junit.jupiter.api.Test;

/**
 * In Debian's chromium, on a phone's width: an admin whose password is refused, and whose new account is refused,
 * finds what was typed still there; an editor imports a meeting record and a UPR report as a person does (logs in by
 * typing, opens the import page by its link, chooses the files, presses Preview, Import, Cancel), corrects a refused
 * date without choosing the file again, and goes on from the success page to the next file. Every page fits 390 px and
 * axe-core finds no serious or critical violation on it.
 */
class ImportBrowserTest {
    private static final Path AXE = Path.of("node_modules/axe-core/axe.min.js");
    private static final Path RECORD = SharedData.root().resolve("data/council-speeches/meetings/SPV.8703.txt");
    private static final Path REPORT = SharedData.root().resolve("data/upr-reports/reports/lithuania2011.txt");

    /** The serious and critical axe violations of the page, as "rule: target" lines. */
    @SuppressWarnings("unchecked")
    private static List<String> axe(Page page) {
        page.addScriptTag(new Page.AddScriptTagOptions().setPath(AXE));
        Object result = page.evaluate("async () => { const r = await axe.run(document, {resultTypes: ['violations']});"
                + " return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')); }");
        return new ArrayList<>((List<String>) result);
    }

    /** What is wrong with the page as shown: axe's violations, and a page wider than the screen. */
    private static List<String> check(Page page, String name) throws Exception {
        List<String> wrong = new ArrayList<>();
        axe(page).forEach(v -> wrong.add(name + " " + v));
        boolean sideways = (Boolean) page.evaluate("() => document.documentElement.scrollWidth"
                + " > document.documentElement.clientWidth");
        if (sideways) {
            wrong.add(name + " scrolls sideways at 390 px");
        }
        Files.createDirectories(Path.of("target"));
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "import-" + name + ".png"))
                .setFullPage(true));
        return wrong;
    }

    private static void press(Page page, String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button).setExact(true)).click();
        page.waitForLoadState();
    }

    private static void logIn(Page page, String base, String user, String password) {
        page.navigate(base + "/login");
        page.getByLabel("Username").fill(user);
        page.getByLabel("Password").fill(password);
        press(page, "Log in");
    }

    @Test
    void anEditorImportsTwoFilesInTheBrowserAndNothingTypedIsLost() throws Exception {
        if (System.getenv("CI") == null) {
            assumeTrue(Files.isExecutable(BrowserTest.CHROMIUM), "chromium is not installed");
            assumeTrue(Files.isRegularFile(AXE), "axe-core is not installed (npm ci)");
        }
        try (Database database = Database.inMemory("import-browser-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            new Accounts(database).add("ada", "an admin's long password", Role.ADMIN);
            new Accounts(database).add("edith", "an editor's long password", Role.EDITOR);
            WebServer server = WebServer.start(application, "127.0.0.1", 0);
            String base = "http://127.0.0.1:" + server.port();
            try (Playwright playwright = Playwright.create(); Browser browser = BrowserTest.launch(playwright)) {
                List<String> wrong = new ArrayList<>();
                Browser.NewContextOptions phone = new Browser.NewContextOptions().setBypassCSP(true)
                        .setViewportSize(390, 844);

                // The admin: a wrong password keeps the username; a refused account keeps its name and role.
                BrowserContext admin = browser.newContext(phone);
                Page a = admin.newPage();
                logIn(a, base, "ada", "not the password");
                assertThat(a.locator("#login-error").textContent()).isEqualTo("wrong username or password");
                assertThat(a.getByLabel("Username").inputValue()).isEqualTo("ada");
                assertThat(a.getByLabel("Username").getAttribute("aria-invalid")).isEqualTo("true");
                assertThat(a.getByLabel("Password").inputValue()).isEmpty();
                wrong.addAll(check(a, "login-refused"));
                a.getByLabel("Password").fill("an admin's long password");
                press(a, "Log in");
                assertThat(a.url()).endsWith("/workspace");
                a.getByLabel("Username").fill("rita");
                a.getByLabel("Password").fill("short");
                a.getByLabel("Role").selectOption("reviewer");
                press(a, "Create the account");
                Locator error = a.locator("#new-user-error");
                assertThat(error.textContent()).isEqualTo("A password has at least 12 characters.");
                assertThat(a.getByLabel("Password").getAttribute("aria-describedby")).contains("new-user-error");
                assertThat(a.getByLabel("Password").getAttribute("aria-invalid")).isEqualTo("true");
                assertThat(a.getByLabel("Username").inputValue()).isEqualTo("rita");
                assertThat(a.getByLabel("Role").inputValue()).isEqualTo("reviewer");
                assertThat(a.getByLabel("Password").inputValue()).isEmpty();
                assertThat(error.evaluate("e => getComputedStyle(e).color")).isEqualTo("rgb(138, 28, 28)");
                wrong.addAll(check(a, "user-refused"));
                a.getByLabel("Password").fill("a reviewer's long password");
                press(a, "Create the account");
                assertThat(a.locator("main").textContent()).contains("Created reviewer rita.");
                // The page shown after the form keeps its links.
                a.locator("header").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Import"))
                        .click();
                a.waitForURL("**/workspace/import");

                // The editor: logs in, opens the import page by its link.
                BrowserContext editor = browser.newContext(phone);
                Page e = editor.newPage();
                logIn(e, base, "edith", "an editor's long password");
                e.locator("header").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Import"))
                        .click();
                e.waitForURL("**/workspace/import");
                wrong.addAll(check(e, "form"));

                // A meeting record that does not print its date, sent without one: refused beside the date field.
                e.locator("#file").setInputFiles(RECORD);
                e.getByLabel("Kind of document").selectOption("meeting-record");
                e.getByLabel("Situation (optional)").fill("mali");
                press(e, "Preview");
                Locator dateError = e.locator("#date-error");
                assertThat(dateError.textContent()).isEqualTo("SPV.8703.txt: the record does not print its date;"
                        + " enter the meeting's date.");
                assertThat(dateError.getAttribute("role")).isEqualTo("alert");
                assertThat(dateError.evaluate("e => getComputedStyle(e).color")).isEqualTo("rgb(138, 28, 28)");
                assertThat(e.locator("#date").getAttribute("aria-invalid")).isEqualTo("true");
                assertThat(e.getByLabel("Kind of document").inputValue()).isEqualTo("meeting-record");
                assertThat(e.getByLabel("Situation (optional)").inputValue()).isEqualTo("mali");
                assertThat(e.locator("#file-kept").textContent()).contains("SPV.8703.txt");
                wrong.addAll(check(e, "refused"));

                // The date typed; the file is not chosen again.
                e.locator("#date").fill("2020-01-15");
                press(e, "Preview");
                assertThat(e.locator("main").textContent()).contains("What would be imported").contains("S/PV.8703")
                        .contains("speeches: 18");
                wrong.addAll(check(e, "preview"));
                press(e, "Import");
                assertThat(e.locator(".success").textContent()).contains("Imported SPV.8703.txt as S/PV.8703.");
                wrong.addAll(check(e, "success"));

                // From the success page to the next file; a preview cancelled, then the file imported.
                e.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import another file")).click();
                e.waitForLoadState();
                e.locator("#file").setInputFiles(REPORT);
                e.getByLabel("Kind of document").selectOption("upr-report");
                press(e, "Preview");
                assertThat(e.locator("main").textContent()).contains("lithuania2011.txt").contains("recommendations");
                press(e, "Cancel");
                assertThat(e.locator(".notice").textContent())
                        .contains("Cancelled: lithuania2011.txt was not imported");
                int reviews = database.jdbi().withHandle(h -> h.createQuery("select count(*) from upr_review")
                        .mapTo(Integer.class).one());
                e.locator("#file").setInputFiles(REPORT);
                assertThat(e.getByLabel("Kind of document").inputValue()).isEqualTo("upr-report");
                press(e, "Preview");
                press(e, "Import");
                assertThat(e.locator(".success").textContent()).contains("Imported lithuania2011.txt as");
                int after = database.jdbi().withHandle(h -> h.createQuery("select count(*) from upr_review")
                        .mapTo(Integer.class).one());
                assertThat(after).isEqualTo(reviews + 1);

                // A wrong kind: refused beside the kind field; the kind corrected, the kept file previews.
                e.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import another file")).click();
                e.waitForLoadState();
                e.locator("#file").setInputFiles(RECORD);
                e.getByLabel("Kind of document").selectOption("resolution");
                press(e, "Preview");
                assertThat(e.locator("#kind-error").isVisible()).isTrue();
                assertThat(e.locator("#kind").getAttribute("aria-invalid")).isEqualTo("true");
                wrong.addAll(check(e, "wrong-kind"));

                assertThat(wrong).isEmpty();
            } finally {
                server.stop();
            }
        }
    }
}
