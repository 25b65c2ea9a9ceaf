package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.councilbrief.account.Accounts;
import org.councilbrief.account.Role;
import org.councilbrief.brief.BriefWorkflow;
import org.councilbrief.db.Database;
import org.councilbrief.ingest.ImportOptions;
import org.councilbrief.ingest.Imports;
import org.councilbrief.situation.SituationRepository;
import org.junit.jupiter.api.Test;

/**
 * In Debian's chromium: a reader follows the home page's link to the calendar, which lists a resolution's deadline
 * and a planned meeting by month and offers the iCalendar file; an editor sees the stale brief first on the
 * workspace. axe-core finds no serious or critical violation on these pages, at 1000 and at 390 px wide.
 */
class CalendarBrowserTest {
    private static final String RESOLUTION = """
            Resolution 2640 (2022)
            Adopted by the Security Council at its 9079th meeting, on 29 June 2022

                 The Security Council,
                 Recalling its previous resolutions on the situation in Mali,
                 Reaffirming its commitment to the sovereignty of Mali,
                 1.   Decides to extend the mandate of MINUSMA until 30 June 2023;
            """;

    @Test
    void aReaderFollowsTheHomePagesLinkToTheCalendarAndAnEditorSeesTheStaleBriefFirst() throws Exception {
        if (System.getenv("CI") == null) {
            assumeTrue(Files.isExecutable(BrowserTest.CHROMIUM), "chromium is not installed");
            assumeTrue(Files.isRegularFile(EditorFlowBrowserTest.AXE), "axe-core is not installed (npm ci)");
        }
        try (Database database = Database.inMemory("calendar-" + System.nanoTime())) {
            Application application = Application.start(database, true, Clock.fixed(
                    Instant.parse("2023-06-20T09:00:00Z"), ZoneOffset.UTC));
            new Accounts(database).add("edith", "an editor's long password", Role.EDITOR);
            BriefWorkflow workflow = new BriefWorkflow(database, application.membership());
            int v = workflow.editItem("mali", 0, "comments-2", "Briefing on Mali", LocalDate.of(2023, 6, 16),
                    "The Council heard a briefing.", "edith");
            workflow.publish("mali", workflow.submit("mali", v, "edith"), "rita", true);
            new SituationRepository(database.jdbi()).plan("mali", LocalDate.of(2023, 7, 12), "Consultations on Mali",
                    "S/2023/402", "edith");
            new Imports(database).importBytes("S_RES_2640_2022.txt", RESOLUTION.getBytes(StandardCharsets.UTF_8),
                    "resolution", new ImportOptions(null, null, null));
            WebServer server = WebServer.start(application, "127.0.0.1", 0);
            String base = "http://127.0.0.1:" + server.port();
            try (Playwright playwright = Playwright.create(); Browser browser = BrowserTest.launch(playwright)) {
                // The page's own policy forbids injected scripts; the test lifts it to run axe-core.
                Page page = browser.newContext(new Browser.NewContextOptions().setBypassCSP(true)
                        .setViewportSize(1000, 900)).newPage();
                page.navigate(base + "/");
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("The next 30 days"))
                        .isVisible()).isTrue();
                assertThat(page.getByText("30 June 2023: Mali: The mandate of MINUSMA ends unless renewed")
                        .isVisible()).isTrue();
                assertThat(EditorFlowBrowserTest.axe(page)).as("axe on /").isEmpty();
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("The calendar").setExact(true))
                        .click();
                page.waitForURL("**/calendar.html");
                assertThat(page.title()).startsWith("Calendar");
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("June 2023"))
                        .isVisible()).isTrue();
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("July 2023"))
                        .isVisible()).isTrue();
                assertThat(page.getByText("12 July 2023: Mali: Consultations on Mali").isVisible()).isTrue();
                assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                        .setName("The calendar in iCalendar form")).getAttribute("href")).isEqualTo("calendar.ics");
                assertThat(EditorFlowBrowserTest.axe(page)).as("axe on /calendar.html").isEmpty();
                Files.createDirectories(Path.of("target"));
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "calendar.png")));

                Page phone = browser.newContext(new Browser.NewContextOptions().setBypassCSP(true)
                        .setViewportSize(390, 800).setIsMobile(true)).newPage();
                phone.navigate(base + "/calendar.html");
                assertThat(EditorFlowBrowserTest.axe(phone)).as("axe on /calendar.html at 390 px").isEmpty();
                Object overflow = phone.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
                assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);

                page.navigate(base + "/login");
                page.getByLabel("Username").fill("edith");
                page.getByLabel("Password").fill("an editor's long password");
                page.locator("main button[type=submit]").click();
                page.waitForURL("**/workspace");
                assertThat(page.getByText("Stale: Resolution S/RES/2640 (2022) imported on").isVisible()).isTrue();
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make my feed address")).click();
                assertThat(page.getByText("shown only this once").isVisible()).isTrue();
                assertThat(EditorFlowBrowserTest.axe(page)).as("axe on /workspace").isEmpty();
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "workspace-stale.png")));
            } finally {
                server.stop();
            }
        }
    }
}
