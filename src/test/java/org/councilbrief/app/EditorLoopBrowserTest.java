package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.councilbrief.SharedData;
import org.councilbrief.account.Accounts;
import org.councilbrief.account.Role;
import org.councilbrief.db.Database;
import org.councilbrief.statement.Position;
import org.councilbrief.statement.StatementRepository;
import org.councilbrief.statement.StatementRepository.StoredPosition;
import org.councilbrief.theme.Taxonomy;
import org.junit.jupiter.api.Test;

/**
 * The editor's loop in Debian's chromium, on the demo data as {@code councilbrief serve --demo} starts it, clicked and
 * typed as people do it and never by an address typed into the browser (but the home page's): an editor logs in from
 * the home page, imports a 2020 meeting record on Mali and Mali's first UPR report, decides the meeting's positions
 * sentence by sentence with the keys and the buttons (accepting some, rejecting others), adds the meeting's comments
 * to the brief on Mali, attaches the UPR review, sends the brief for review and logs out; a reviewer logs in, previews
 * the brief as a page, a PDF and a Word file, publishes it and reads the live page and its downloads. axe-core checks
 * every page on the way; every click and keystroke is counted, for each of the two people. The public member and
 * theme pages show the accepted positions and none of the rejected ones.
 */
class EditorLoopBrowserTest {
    private static final Path AXE = Path.of("node_modules/axe-core/axe.min.js");
    private static final Path RECORD = SharedData.root().resolve("data/council-speeches/meetings/SPV.8703.txt");
    private static final Path REPORT = SharedData.root().resolve("data/upr-reports/extra_cycle1/reports/mali2008.txt");
    private static final String EDITOR = "edith";
    private static final String EDITOR_PASSWORD = "an editor's long password";
    private static final String REVIEWER = "rita";
    private static final String REVIEWER_PASSWORD = "a reviewer's long password";
    /** The Council scheme's labels beyond human-rights content: an editor of a human-rights brief rejects them. */
    private static final List<String> NOT_HUMAN_RIGHTS = List.of("peace-process", "peacekeeping", "sanctions",
            "terrorism", "climate-security");

    /** The pages axe-core checked, and its serious or critical violations on them. */
    private final List<String> audited = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private long axeNanos;

    /**
     * One person at the browser, whose every action goes through here and is counted: a click (a file chosen, an
     * option picked from a list: one click to open it, one to pick), or keystrokes (a text typed counts its
     * characters, a key pressed counts one).
     */
    private static final class Person {
        final String name;
        final Page page;
        final List<Step> steps = new ArrayList<>();
        int clicks;
        int keys;

        Person(String name, Page page) {
            this.name = name;
            this.page = page;
        }

        void click(Locator target) {
            target.click();
            clicks++;
        }

        /** Clicks a link or button that loads a page (at an address matching {@code url}), and waits for it. */
        @SuppressWarnings("deprecation") // waitForURL would not wait for a form that answers at its own address
        void follow(Locator target, String url) {
            page.waitForNavigation(new Page.WaitForNavigationOptions().setUrl(url), () -> click(target));
            page.waitForLoadState();
        }

        void type(Locator field, String text) {
            field.pressSequentially(text);
            keys += text.length();
        }

        void press(String key) {
            page.keyboard().press(key);
            keys++;
        }

        void choose(Locator select, String value) {
            select.selectOption(value);
            clicks += 2;
        }

        void check(Locator box) {
            box.check();
            clicks++;
        }

        void chooseFile(Locator input, Path file) {
            input.setInputFiles(file);
            clicks++;
        }

        Download download(Locator link) {
            Download download = page.waitForDownload(link::click);
            clicks++;
            return download;
        }

        void back(String url) {
            page.goBack();
            clicks++;
            page.waitForURL(url);
        }

        int actions() {
            return clicks + keys;
        }

        /** Closes a step of the loop: its clicks and keystrokes since the step before, as a line of the summary. */
        void step(String what) {
            int before = steps.stream().mapToInt(Step::clicks).sum();
            int typed = steps.stream().mapToInt(Step::keys).sum();
            steps.add(new Step(what, clicks - before, keys - typed));
        }

        String summary() {
            StringBuilder out = new StringBuilder();
            for (Step s : steps) {
                out.append(String.format("  %-8s %-66s %3d clicks %4d keystrokes%n", name, s.what, s.clicks, s.keys));
            }
            return out.append(String.format("  %-8s %-66s %3d clicks %4d keystrokes = %d actions%n", name,
                    "in all", clicks, keys, actions())).toString();
        }
    }

    private record Step(String what, int clicks, int keys) {
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator link(Page page, String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator siteNav(Page page) {
        return page.locator("header.site nav[aria-label=Site]");
    }

    private static Locator workspaceNav(Page page, String name) {
        return page.locator("header.site nav[aria-label=Workspace]").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    /**
     * The serious and critical axe violations of the page, as "rule: target" lines. axe is evaluated through the
     * browser's devtools, which the server's Content-Security-Policy does not apply to: the pages themselves run under
     * that policy, as they do for people.
     */
    @SuppressWarnings("unchecked")
    private static List<String> axe(Page page) throws IOException {
        if (!(Boolean) page.evaluate("() => typeof axe !== 'undefined'")) {
            page.evaluate(Files.readString(AXE));
        }
        Object result = page.evaluate("async () => { const r = await axe.run(document, {resultTypes: ['violations']});"
                + " return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')); }");
        return new ArrayList<>((List<String>) result);
    }

    private void audit(Page page, String what) throws IOException {
        long start = System.nanoTime();
        axe(page).forEach(v -> violations.add(what + ": " + v));
        audited.add(what);
        axeNanos += System.nanoTime() - start;
    }

    /** The positions still to decide, as the page's counts say. */
    private static int undecided(Page page) {
        String summary = page.locator("#summary").textContent();
        Matcher m = Pattern.compile("(\\d+) to decide").matcher(summary);
        assertThat(m.find()).as(summary).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** The sentence that has the focus, or null. */
    private static String focused(Page page) {
        return (String) page.evaluate("() => { const s = document.activeElement && document.activeElement"
                + ".closest('article.sentence'); return s ? s.id : null; }");
    }

    /** Waits until the sentence has been updated in place, decided, and the focus has moved on (or none is left). */
    private static void waitDecided(Page page, String id) {
        page.waitForFunction("id => { const s = document.getElementById(id);"
                + " if (s && s.getAttribute('data-undecided') !== '0') { return false; }"
                + " const f = document.activeElement && document.activeElement.closest('article.sentence');"
                + " return (f && f.id !== id && f.getAttribute('data-undecided') !== '0')"
                + " || !document.querySelector('article.sentence:not([data-undecided=\"0\"])'); }", id);
    }

    /** A reader's click, not counted in the loop. */
    @SuppressWarnings("deprecation")
    private static void visit(Page page, Locator target, String url) {
        page.waitForNavigation(new Page.WaitForNavigationOptions().setUrl(url), target::click);
    }

    private static String pdfText(Path file) throws IOException {
        try (var document = org.apache.pdfbox.Loader.loadPDF(file.toFile())) {
            return normal(new org.apache.pdfbox.text.PDFTextStripper().getText(document));
        }
    }

    private static String wordText(Path file) throws IOException {
        try (var in = Files.newInputStream(file); var docx = new org.apache.poi.xwpf.usermodel.XWPFDocument(in);
                var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(docx)) {
            return normal(extractor.getText());
        }
    }

    private static String normal(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static String text(Page page) {
        return normal(page.locator("main").textContent());
    }


    @Test
    void anEditorAndAReviewerTakeAMeetingFromItsRecordToThePublishedBriefByClickingAndTyping() throws Exception {
        if (System.getenv("CI") == null) {
            assumeTrue(Files.isExecutable(BrowserTest.CHROMIUM), "chromium is not installed");
            assumeTrue(Files.isRegularFile(AXE), "axe-core is not installed (npm ci)");
        }
        assumeTrue(Files.isRegularFile(RECORD) && Files.isRegularFile(REPORT), "the shared data is not there");
        Files.createDirectories(Path.of("target"));
        // 1. As `councilbrief serve --demo` starts it: a fresh in-memory database with the demo data (the brief on
        // Mali), the application's server on 127.0.0.1 at a free port; an editor's and a reviewer's accounts.
        try (Database database = Database.inMemory("editor-loop-" + System.nanoTime())) {
            Application application = Application.start(database, true);
            new Accounts(database).add(EDITOR, EDITOR_PASSWORD, Role.EDITOR);
            new Accounts(database).add(REVIEWER, REVIEWER_PASSWORD, Role.REVIEWER);
            WebServer server = WebServer.start(application, "127.0.0.1", 0);
            try (Playwright playwright = Playwright.create(); Browser browser = BrowserTest.launch(playwright)) {
                // The pages run under the server's Content-Security-Policy, as for people: a script it blocked would
                // be an error here.
                Page page = browser.newContext(new Browser.NewContextOptions().setLocale("en-US")
                        .setViewportSize(1100, 900).setAcceptDownloads(true)).newPage();
                List<String> errors = new ArrayList<>();
                page.onPageError(errors::add);
                page.onConsoleMessage(m -> {
                    if (m.type().equals("error")) {
                        errors.add(m.text());
                    }
                });
                try {
                    walk("http://127.0.0.1:" + server.port(), page, database);
                } catch (RuntimeException | AssertionError | IOException failure) {
                    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "loop-failed.png"))
                            .setFullPage(true));
                    throw failure;
                }
                assertThat(errors).as("no script error").isEmpty();
            } finally {
                server.stop();
            }
        }
    }

    private void walk(String base, Page page, Database database) throws IOException {
        long started = System.nanoTime();
        Person e = new Person(EDITOR, page);

        // 2. The editor logs in from the home page.
        page.navigate(base + "/");
        e.follow(siteNav(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Log in")
                .setExact(true)), "**/login");
        audit(page, "login");
        e.type(page.getByLabel("Username"), EDITOR);
        e.type(page.getByLabel("Password"), EDITOR_PASSWORD);
        e.follow(page.locator("main").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Log in")),
                "**/workspace");
        assertThat(page.locator("header.site .who").textContent()).isEqualTo(EDITOR);
        audit(page, "workspace");
        e.step("logs in from the home page");

        // 3. The meeting record (its date typed: the record does not print it; its situation, so that its comments
        // can go into the brief on Mali), then Mali's first UPR report, from the success page.
        e.follow(workspaceNav(page, "Import"), "**/workspace/import");
        audit(page, "import");
        e.chooseFile(page.locator("#file"), RECORD);
        e.choose(page.getByLabel("Kind of document"), "meeting-record");
        e.type(page.getByLabel("Situation (optional)"), "mali");
        e.click(page.locator("#date"));
        e.type(page.locator("#date"), "01152020"); // the date field's month, day and year, as typed in it
        assertThat(page.locator("#date").inputValue()).isEqualTo("2020-01-15");
        e.follow(button(page, "Preview"), "**/workspace/import");
        assertThat(text(page)).contains("What would be imported").contains("S/PV.8703")
                .contains("Meeting date: 2020-01-15");
        audit(page, "import preview (meeting record)");
        e.follow(button(page, "Import"), "**/workspace/import?imported=*");
        assertThat(page.locator(".success").textContent()).contains("Imported SPV.8703.txt as S/PV.8703.");
        audit(page, "import done (meeting record)");
        e.step("imports the meeting record S/PV.8703");
        e.follow(link(page, "Import another file"), "**/workspace/import");
        e.chooseFile(page.locator("#file"), REPORT);
        e.choose(page.getByLabel("Kind of document"), "upr-report");
        e.follow(button(page, "Preview"), "**/workspace/import");
        assertThat(text(page)).contains("mali2008.txt").contains("Mali");
        audit(page, "import preview (UPR report)");
        e.follow(button(page, "Import"), "**/workspace/import?imported=*");
        assertThat(page.locator(".success").textContent()).contains("Imported mali2008.txt as");
        audit(page, "import done (UPR report)");
        e.step("imports Mali's UPR report of 2008");

        // 4. The meeting's positions, chosen from the meetings, decided sentence by sentence: the peacekeeping theme
        // rejected with its button; then n to the first sentence to decide and, on each, r for one beyond
        // human-rights content and a for the others, each key moving on to the next sentence to decide.
        e.follow(workspaceNav(page, "Positions"), "**/workspace/positions");
        audit(page, "positions");
        e.choose(page.getByLabel("Meeting", new Page.GetByLabelOptions().setExact(true)), "S/PV.8703");
        e.follow(button(page, "Show"), "**/workspace/positions?meeting=S%2FPV.8703**");
        assertThat(page.locator("h1").textContent()).isEqualTo("Positions at S/PV.8703");
        int proposals = undecided(page);
        int sentences = page.locator("article.sentence").count();
        assertThat(proposals).isGreaterThan(10);
        audit(page, "positions of S/PV.8703");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "loop-positions.png")));
        Locator peacekeeping = page.locator("#t-peacekeeping > form button.reject");
        assertThat(peacekeeping.count()).as("the peacekeeping theme's Reject").isEqualTo(1);
        e.click(peacekeeping);
        page.waitForFunction("() => !document.querySelector('#t-peacekeeping article.sentence.undecided')");
        e.press("n");
        int rejectedByKey = 0;
        int acceptedByKey = 0;
        Set<String> rejectedThemes = new TreeSet<>();
        while (undecided(page) > 0 && rejectedByKey + acceptedByKey < sentences) {
            String id = focused(page);
            assertThat(id).as("a sentence to decide has the focus").isNotNull();
            assertThat(page.locator("#" + id).getAttribute("data-undecided")).isNotEqualTo("0");
            String theme = (String) page.evaluate("id => document.getElementById(id).closest('section.theme').id",
                    id);
            boolean reject = NOT_HUMAN_RIGHTS.contains(theme.substring("t-".length()));
            e.press(reject ? "r" : "a");
            if (reject) {
                rejectedByKey++;
                rejectedThemes.add(theme.substring("t-".length()));
            } else {
                acceptedByKey++;
            }
            waitDecided(page, id);
        }
        assertThat(undecided(page)).isZero();
        assertThat(page.locator("#summary").textContent()).contains("Every position shown is decided.");
        assertThat(rejectedByKey).as("sentences rejected with r").isPositive();
        // positions on the fixed themes show from the default threshold, those on added themes always (not measured)
        assertThat(acceptedByKey).as("sentences accepted with a").isPositive();
        audit(page, "positions of S/PV.8703, decided");
        e.step("decides the " + proposals + " positions (" + sentences + " sentences)");

        // 5. The meeting's comments into the brief on Mali; on the brief's page, the 2008 review attached.
        assertThat(page.locator("#for-the-brief li").count()).as("sentences written from accepted positions")
                .isPositive();
        String itemTitle = page.locator("#comments-title").inputValue();
        e.follow(button(page, "Add to the brief on Mali"), "**/workspace/briefs/mali**");
        assertThat(link(page, itemTitle).count()).isEqualTo(1);
        audit(page, "brief, comments added");
        Locator review = page.locator("#upr-review label").filter(new Locator.FilterOptions().setHasText("2008"));
        assertThat(review.count()).as("the 2008 review offered").isEqualTo(1);
        e.check(page.getByLabel(review.textContent().strip(), new Page.GetByLabelOptions().setExact(true)));
        e.follow(button(page, "Add the UPR item"), "**/workspace/briefs/mali**");
        assertThat(review.textContent()).contains("already in the brief");
        audit(page, "brief, UPR review attached");
        e.step("adds the comments item and the UPR review");

        // 6. Sent for review; the editor logs out.
        e.follow(button(page, "Send for review"), "**/workspace/briefs/mali**");
        assertThat(page.content()).contains("<strong>in review</strong>");
        audit(page, "brief, in review (editor)");
        e.follow(page.locator("header.site").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Log out")), "**/index.html");
        e.step("sends the brief for review, logs out");

        // The reviewer, at the same browser: logs in, opens the brief, previews the page, the PDF and the Word file.
        Person r = new Person(REVIEWER, page);
        r.follow(siteNav(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Log in")
                .setExact(true)), "**/login");
        r.type(page.getByLabel("Username"), REVIEWER);
        r.type(page.getByLabel("Password"), REVIEWER_PASSWORD);
        r.follow(page.locator("main").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Log in")),
                "**/workspace");
        assertThat(page.locator("header.site .who").textContent()).isEqualTo(REVIEWER);
        audit(page, "workspace (reviewer)");
        r.step("logs in from the home page");
        r.follow(page.locator("main").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Mali")
                .setExact(true)), "**/workspace/briefs/mali");
        audit(page, "brief, in review (reviewer)");
        r.follow(link(page, "Preview the brief as readers will see it"), "**/workspace/briefs/mali/preview");
        assertThat(page.locator(".draft-mark").textContent()).contains("Draft — not published");
        assertThat(text(page)).contains(itemTitle).contains("S/PV.8703");
        audit(page, "preview");
        Path previewPdf = Path.of("target", "loop-preview-mali.pdf");
        r.download(link(page, "PDF")).saveAs(previewPdf);
        assertThat(pdfText(previewPdf)).contains("Draft — not published").contains(itemTitle)
                .contains("15 January 2020").contains("S/PV.8703").contains("15 May 2008");
        Path previewWord = Path.of("target", "loop-preview-mali.docx");
        r.download(link(page, "Word")).saveAs(previewWord);
        assertThat(wordText(previewWord)).contains("Draft — not published").contains(itemTitle)
                .contains("15 January 2020").contains("S/PV.8703").contains("15 May 2008");
        r.back("**/workspace/briefs/mali"); // the preview has no link back to the brief's page: the browser's Back
        r.step("opens the brief, previews it as a page, a PDF and a Word file");

        // Published; the live page, its PDF and its Word file.
        r.follow(button(page, "Publish"), "**/workspace/briefs/mali**");
        assertThat(page.content()).contains("<strong>published</strong>");
        audit(page, "brief, published");
        r.follow(link(page, "The live page"), "**/briefs/mali");
        assertThat(page.locator(".draft-mark").count()).isZero();
        assertThat(text(page)).contains(itemTitle + " (15 January 2020)").contains("Source: S/PV.8703")
                .contains("UPR recommendations for Mali (15 May 2008)")
                .contains("On 15 May 2008, the Human Rights Council held the Universal Periodic Review of Mali");
        audit(page, "the live page");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "loop-live.png")));
        Path livePdf = Path.of("target", "loop-mali.pdf");
        r.download(link(page, "PDF")).saveAs(livePdf);
        assertThat(pdfText(livePdf)).doesNotContain("Draft — not published").contains(itemTitle)
                .contains("15 January 2020").contains("S/PV.8703").contains("15 May 2008");
        Path liveWord = Path.of("target", "loop-mali.docx");
        r.download(link(page, "Word")).saveAs(liveWord);
        assertThat(wordText(liveWord)).doesNotContain("Draft — not published").contains(itemTitle)
                .contains("15 January 2020").contains("S/PV.8703").contains("15 May 2008");
        r.step("publishes, reads the live page, downloads its PDF and Word file");
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.print("The editor's loop, clicks and keystrokes:\n" + e.summary() + r.summary());
        System.out.println("  the positions: peacekeeping rejected with its button, " + rejectedByKey
                + " sentences rejected with r " + rejectedThemes + ", " + acceptedByKey + " accepted with a");
        System.out.printf("  both: %d actions; %d pages checked by axe-core (%.1f s of the loop's %.1f s)%n",
                e.actions() + r.actions(), audited.size(), axeNanos / 1e9, seconds);
        assertThat(violations).as("axe-core's serious and critical violations").isEmpty();
        // Each sentence decided by one key or by its theme's button: never more actions than sentences.
        assertThat(e.steps.get(3).clicks() + e.steps.get(3).keys()).isLessThanOrEqualTo(sentences + 3);
        publicPages(page, database, proposals);
    }

    /**
     * After publishing, the public member and theme pages show the meeting's accepted positions and none of its
     * rejected ones (those whose quote is no accepted position's quote too), reached from the header as readers do.
     */
    private static void publicPages(Page page, Database database, int proposals) {
        List<StoredPosition> stored = new StatementRepository(database.jdbi()).storedPositions("S/PV.8703");
        // every proposal the page showed at its default threshold is decided; the less sure ones wait, unseen
        double least = Math.floor(org.councilbrief.statement.PositionModel.shipped().threshold() * 100) / 100;
        assertThat(stored).filteredOn(p -> !(p.position().probability() < least)).hasSize(proposals)
                .noneMatch(p -> p.position().status() == Position.Status.PROPOSED);
        List<StoredPosition> accepted = stored.stream()
                .filter(p -> p.position().status() == Position.Status.ACCEPTED).toList();
        List<StoredPosition> hidden = stored.stream()
                .filter(p -> p.position().status() == Position.Status.REJECTED && accepted.stream()
                        .noneMatch(a -> normal(a.position().evidence()).contains(normal(p.position().evidence()))))
                .toList();
        assertThat(accepted).isNotEmpty();
        assertThat(hidden).as("rejected quotes that no accepted position quotes").isNotEmpty();
        Map<String, String> pages = new LinkedHashMap<>();
        for (String code : hidden.stream().map(p -> p.position().stateCode()).distinct().toList()) {
            visit(page, siteNav(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("The Council")
                    .setExact(true)), "**/council/index.html");
            visit(page, link(page, "2020"), "**/council/2020.html");
            Locator member = page.locator("main a[href$='members/" + code + ".html']");
            if (member.count() == 0) {
                continue; // a speaker not on the Council in 2020 (Mali itself)
            }
            visit(page, member, "**/members/" + code + ".html");
            pages.put("members/" + code, text(page));
        }
        for (String theme : hidden.stream().map(p -> p.position().theme()).distinct()
                .filter(t -> Taxonomy.council().label(t).isPresent()).toList()) {
            visit(page, siteNav(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Themes")
                    .setExact(true)), "**/themes/index.html");
            visit(page, page.locator("main a[href='" + theme + ".html']"), "**/themes/" + theme + ".html");
            pages.put("themes/" + theme, text(page));
        }
        assertThat(pages.keySet()).anyMatch(k -> k.startsWith("members/")).anyMatch(k -> k.startsWith("themes/"));
        int shown = 0;
        for (Map.Entry<String, String> p : pages.entrySet()) {
            assertThat(p.getValue()).as(p.getKey()).contains("Positions reviewed by the editors");
            for (StoredPosition h : hidden) {
                assertThat(p.getValue()).as(p.getKey() + " shows the rejected quote " + h.id())
                        .doesNotContain(normal(h.position().evidence()));
            }
            for (StoredPosition a : accepted) {
                if (p.getKey().equals("members/" + a.position().stateCode())
                        || p.getKey().equals("themes/" + a.position().theme())) {
                    assertThat(p.getValue()).as(p.getKey() + " shows the accepted quote " + a.id())
                            .contains(normal(a.position().evidence()));
                    shown++;
                }
            }
        }
        assertThat(shown).as("accepted quotes found on the pages").isPositive();
        System.out.println("  public pages: " + pages.size() + " member and theme pages show " + shown
                + " accepted quotes and none of " + hidden.size() + " rejected ones");
    }
}
