package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.councilbrief.SharedData;
import org.councilbrief.account.Accounts;
import org.councilbrief.account.Role;
import org.councilbrief.brief.BriefWorkflow;
import org.councilbrief.council.Membership;
import org.councilbrief.db.Database;
import org.councilbrief.ingest.ImportOptions;
import org.councilbrief.ingest.Imports;
import org.councilbrief.upr.UprRepository;
import org.councilbrief.upr.UprReview;
import org.junit.jupiter.api.Test;

/**
 * The editor's loop in Debian's chromium, as people do it: an editor on a phone-sized screen (390 px) writes an item
 * of the brief on the Democratic Republic of the Congo, has it refused for a bad source and finds everything she typed
 * with the error beside the source, fixes it, reloads while typing the next one and gets her draft back, attaches the
 * state's UPR review (imported from the Working Group's report), sends the brief for review; a reviewer sends it back
 * with a comment, which the editor reads; she sends it again; the reviewer previews the page, the PDF and the Word
 * file, publishes, and follows the link to the live page. axe-core checks every page of the brief on the way.
 */
class BriefBrowserTest {
    private static final Path AXE = Path.of("node_modules/axe-core/axe.min.js");
    private static final String TITLE = "Council briefing on MONUSCO";

    /** The serious and critical axe violations of the page, as "rule: target" lines. */
    @SuppressWarnings("unchecked")
    private static List<String> axe(Page page) {
        page.addScriptTag(new Page.AddScriptTagOptions().setPath(AXE));
        Object result = page.evaluate("async () => { const r = await axe.run(document, {resultTypes: ['violations']});"
                + " return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')); }");
        return new ArrayList<>((List<String>) result);
    }

    private static void check(Page page, String what, List<String> violations) {
        axe(page).forEach(v -> violations.add(what + ": " + v));
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as("sideways overflow of " + what).isLessThanOrEqualTo(0);
    }

    private static void login(Page page, String base, String user, String password) {
        page.navigate(base + "/login");
        page.getByLabel("Username").pressSequentially(user);
        page.getByLabel("Password").pressSequentially(password);
        page.getByLabel("Password").press("Enter");
        page.waitForURL("**/workspace");
    }

    private static Locator button(Page page, String text) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(text).setExact(true));
    }

    private static Locator link(Page page, String text) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(text).setExact(true));
    }

    @Test
    void anEditorWritesTheBriefAReviewerSendsItBackThenPreviewsAndPublishesIt() throws Exception {
        if (System.getenv("CI") == null) {
            assumeTrue(Files.isExecutable(BrowserTest.CHROMIUM), "chromium is not installed");
            assumeTrue(Files.isRegularFile(AXE), "axe-core is not installed (npm ci)");
        }
        try (Database database = Database.inMemory("brief-flow-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            new Accounts(database).add("edith", "an editor's long password", Role.EDITOR);
            new Accounts(database).add("rita", "a reviewer's long password", Role.REVIEWER);
            BriefWorkflow workflow = new BriefWorkflow(database, application.membership());
            LocalDate asOf = LocalDate.of(2010, 5, 20);
            workflow.create("drc", "Democratic Republic of the Congo", "COD", asOf, "edith");
            // The state's UPR review, imported from the Working Group's report as `councilbrief import` does.
            new Imports(database).importFile(SharedData.root().resolve(
                    "data/upr-reports/reports/democraticrepublicofthecongo2010.txt"), "upr-report",
                    ImportOptions.none());
            UprReview review = new UprRepository(database.jdbi()).reviewsOf("COD").getFirst();
            Set<String> took = new HashSet<>();
            review.recommendations().forEach(r -> took.addAll(r.recommendingStates()));
            review.participants().forEach(p -> took.add(p.code()));
            long members = Membership.shipped().on(asOf).codes().stream().filter(took::contains).count();
            assertThat(members).isBetween(1L, 14L);

            WebServer server = WebServer.start(application, "127.0.0.1", 0);
            String base = "http://127.0.0.1:" + server.port();
            try (Playwright playwright = Playwright.create(); Browser browser = BrowserTest.launch(playwright)) {
                List<String> violations = new ArrayList<>();
                BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setBypassCSP(true)
                        .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true).setAcceptDownloads(true));
                Page e = phone.newPage();
                List<String> dialogs = new ArrayList<>();
                e.onDialog(dialog -> {
                    dialogs.add(dialog.type());
                    dialog.accept();
                });
                login(e, base, "edith", "an editor's long password");
                check(e, "workspace", violations);
                // Starting a brief with a bad id and an unknown state: both said beside their fields, all kept.
                e.getByLabel("Id (as in the address, e.g. south-sudan)").fill("Kivu Provinces");
                e.locator("#situation-name").fill("The Kivus");
                e.locator("#situation-state").fill("Atlantis");
                button(e, "Start the brief").click();
                e.waitForURL("**/workspace/briefs");
                assertThat(e.locator("#situation-id-error").textContent()).contains("lower-case letters");
                assertThat(e.locator("#situation-state-error").textContent()).contains("'Atlantis' is not a state");
                assertThat(e.locator("#situation-name").inputValue()).isEqualTo("The Kivus");
                check(e, "start a brief, refused", violations);
                link(e, "Back to the workspace").click();
                e.waitForURL("**/workspace");
                link(e, "Democratic Republic of the Congo").click();
                e.waitForURL("**/workspace/briefs/drc");
                check(e, "brief page", violations);

                // An item with a bad source: refused, every field as typed, the error beside the source.
                String body = "On 13 May 2010, the Council heard the Secretary-General's Special Representative on"
                        + " MONUSCO.\n\nHe called for the protection of civilians in the Kivus.";
                e.locator("#new-section").selectOption("familiar");
                e.getByLabel("Title").last().fill(TITLE);
                e.locator("#new-date").fill("2010-05-13");
                e.locator("#new-subHeading").fill("Briefing in the Security Council");
                e.locator("#new-body").fill(body);
                e.locator("#new-sources").fill("S/2010/164, para 12\nthe SG's report");
                button(e, "Add the item").click();
                e.waitForLoadState();
                assertThat(e.locator("#new-section").inputValue()).isEqualTo("familiar");
                assertThat(e.locator("#new-title").inputValue()).isEqualTo(TITLE);
                assertThat(e.locator("#new-date").inputValue()).isEqualTo("2010-05-13");
                assertThat(e.locator("#new-subHeading").inputValue()).isEqualTo("Briefing in the Security Council");
                assertThat(e.locator("#new-body").inputValue()).isEqualTo(body);
                assertThat(e.locator("#new-sources").inputValue()).isEqualTo("S/2010/164, para 12\nthe SG's report");
                Locator error = e.locator("#new-sources-error");
                assertThat(error.isVisible()).isTrue();
                assertThat(error.getAttribute("role")).isEqualTo("alert");
                assertThat(error.textContent()).contains("line 2").contains("'the SG's report' is not a document"
                        + " symbol").doesNotContain("--");
                assertThat(e.locator("#new-sources").getAttribute("aria-invalid")).isEqualTo("true");
                assertThat(e.locator("#new-sources").getAttribute("aria-describedby")).isEqualTo("new-sources-error");
                // beside its field: right under the sources box
                double fieldBottom = e.locator("#new-sources").boundingBox().y
                        + e.locator("#new-sources").boundingBox().height;
                assertThat(error.boundingBox().y - fieldBottom).isBetween(-1.0, 40.0);
                assertThat(e.locator("#new-title").getAttribute("aria-invalid")).isNull();
                check(e, "brief page, item refused", violations);
                e.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "brief-refused.png"))
                        .setFullPage(true));

                e.locator("#new-sources").fill("S/2010/164, para 12\nhttps://undocs.org/S/PV.6315");
                button(e, "Add the item").click();
                e.waitForURL("**/workspace/briefs/drc?added=*");
                assertThat(link(e, TITLE).count()).isEqualTo(1);
                assertThat(e.locator(".notice").textContent()).contains("Added the item.");

                // Writing the next item, the editor reloads: the browser asks first, and the draft comes back.
                e.locator("#new-section").selectOption("consider");
                e.locator("#new-title").pressSequentially("Human Rights Watch on Walikale");
                e.locator("#new-body").pressSequentially("Human Rights Watch reported mass rapes in");
                e.reload();
                e.waitForLoadState();
                assertThat(dialogs).contains("beforeunload");
                Locator restored = e.locator(".draft-notice");
                assertThat(restored.textContent()).contains("Restored what you had typed here and not saved");
                assertThat(e.locator("#new-title").inputValue()).isEqualTo("Human Rights Watch on Walikale");
                assertThat(e.locator("#new-body").inputValue()).isEqualTo("Human Rights Watch reported mass rapes in");
                assertThat(e.locator("#new-section").inputValue()).isEqualTo("consider");
                check(e, "brief page, draft restored", violations);
                button(e, "Discard draft").click();
                assertThat(e.locator("#new-title").inputValue()).isEmpty();
                assertThat(restored.count()).isZero();
                e.reload();
                assertThat(e.locator(".draft-notice").count()).isZero();

                // The UPR review, attached from the page.
                e.getByLabel("3 December 2009", new Page.GetByLabelOptions()).check();
                button(e, "Add the UPR item").click();
                e.waitForURL("**/workspace/briefs/drc?added=*");
                assertThat(link(e, "UPR recommendations for the DRC").count()).isEqualTo(1);
                button(e, "Send for review").click();
                e.waitForLoadState();
                assertThat(e.content()).contains("<strong>in review</strong>");
                check(e, "brief page, in review (editor)", violations);

                // A reviewer sends it back with a comment.
                BrowserContext desk = browser.newContext(new Browser.NewContextOptions().setBypassCSP(true)
                        .setViewportSize(1100, 1000).setAcceptDownloads(true));
                Page r = desk.newPage();
                login(r, base, "rita", "a reviewer's long password");
                link(r, "Democratic Republic of the Congo").click();
                r.waitForURL("**/workspace/briefs/drc");
                check(r, "brief page, in review (reviewer)", violations);
                r.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "brief-review.png"))
                        .setFullPage(true));
                String comment = "Please add the Secretary-General's report on MONUSCO of March 2010.";
                r.getByLabel("Or send it back to the editors: what should change").fill(comment);
                button(r, "Send back with this comment").click();
                r.waitForLoadState();
                assertThat(r.content()).contains("<strong>sent back</strong>");

                // The editor sees the comment on the brief's page, and sends the brief again.
                link(e, "Briefs").click();
                e.waitForURL("**/workspace");
                assertThat(e.locator("ul.briefs").textContent()).contains("sent back").contains("by rita");
                e.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "workspace-briefs.png")));
                link(e, "Democratic Republic of the Congo").click();
                e.waitForURL("**/workspace/briefs/drc");
                Locator sentBack = e.locator("section.sent-back");
                assertThat(sentBack.textContent()).contains("Sent back by rita").contains(comment);
                check(e, "brief page, sent back", violations);
                e.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "brief-sent-back.png")));
                button(e, "Send for review").click();
                e.waitForLoadState();
                assertThat(e.locator("section.sent-back").count()).isZero();

                // The reviewer previews the page, the PDF and the Word file, publishes, and follows the live link.
                r.reload();
                link(r, "Preview the brief as readers will see it").click();
                r.waitForURL("**/workspace/briefs/drc/preview");
                assertThat(r.locator(".draft-mark").textContent()).contains("Draft — not published");
                assertThat(r.locator("nav.key-topics").textContent()).contains("UPR recommendations for the DRC"
                        + " (3 December 2009): " + members + " of the Security Council's members.");
                assertThat(r.locator("p.sources a").first().getAttribute("href"))
                        .isEqualTo("https://undocs.org/S/2010/164");
                check(r, "preview", violations);
                r.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "brief-preview.png")));
                Download pdf = r.waitForDownload(() -> link(r, "PDF").click());
                Path pdfFile = Path.of("target", "preview-drc.pdf");
                pdf.saveAs(pdfFile);
                try (var document = org.apache.pdfbox.Loader.loadPDF(pdfFile.toFile())) {
                    String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
                    assertThat(text).contains("Draft — not published").contains(TITLE)
                            .contains("S/2010/164, para 12");
                }
                Download word = r.waitForDownload(() -> link(r, "Word").click());
                Path wordFile = Path.of("target", "preview-drc.docx");
                word.saveAs(wordFile);
                try (var docx = new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(wordFile));
                        var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(docx)) {
                    assertThat(extractor.getText()).contains("Draft — not published").contains(TITLE);
                }
                r.goBack(); // the preview opened from the brief's page: the browser's Back returns there
                r.waitForURL("**/workspace/briefs/drc");
                button(r, "Publish").click();
                r.waitForLoadState();
                assertThat(r.content()).contains("<strong>published</strong>");
                check(r, "brief page, published", violations);
                link(r, "The live page").click();
                r.waitForURL("**/briefs/drc");
                assertThat(r.locator("h1").textContent()).isEqualTo("Democratic Republic of the Congo");
                assertThat(r.content()).contains(TITLE).doesNotContain("Draft — not published");
                assertThat(violations).isEmpty();
            } finally {
                server.stop();
            }
        }
    }
}
