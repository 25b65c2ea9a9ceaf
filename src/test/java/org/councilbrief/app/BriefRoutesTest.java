package org.councilbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.councilbrief.SharedData;
import org.councilbrief.account.Accounts;
import org.councilbrief.account.Role;
import org.councilbrief.account.Session;
import org.councilbrief.audit.ChangeLogRepository;
import org.councilbrief.brief.Brief;
import org.councilbrief.brief.BriefWorkflow;
import org.councilbrief.brief.Item;
import org.councilbrief.brief.SectionKind;
import org.councilbrief.council.Membership;
import org.councilbrief.db.Database;
import org.councilbrief.ingest.ImportOptions;
import org.councilbrief.ingest.Imports;
import org.councilbrief.upr.UprRepository;
import org.councilbrief.upr.UprReview;
import org.junit.jupiter.api.Test;

/**
 * The brief's workspace pages over HTTP, rule by rule: every form and link of every page resolves, wherever the page
 * is shown; a refused form keeps what was typed, with each error beside its field; the UPR review is attached from the
 * page; sources, the brief's date, word limits; an item is never added twice; review, send back, preview, publish.
 */
class BriefRoutesTest {
    private static final String EDITOR = "an editor's long password";
    private static final String REVIEWER = "a reviewer's long password";
    /** The forms that post (a GET form, the header's search, is followed as a link is not: it has no POST route). */
    private static final Pattern ACTION = Pattern.compile("<form(?![^>]*method=\"get\")[^>]*action=\"([^\"]*)\"");
    private static final Pattern HREF = Pattern.compile("<a[^>]*href=\"([^\"]*)\"");

    /** A page as the client got it: where it ended up, its status and its HTML. */
    private record Page(HttpUrl url, int code, String body) {
    }

    private record Setup(Application application, BriefWorkflow workflow, Session edith, Session rita) {
    }

    private static Setup setup(Database database) throws Exception {
        Application application = Application.start(database, true);
        Accounts accounts = new Accounts(database);
        accounts.add("edith", EDITOR, Role.EDITOR);
        accounts.add("rita", REVIEWER, Role.REVIEWER);
        return new Setup(application, new BriefWorkflow(database, application.membership()),
                accounts.login("edith", EDITOR), accounts.login("rita", REVIEWER));
    }

    private static Page get(WebClient client, String path, Session session) throws Exception {
        Request.Builder request = new Request.Builder().url(client.getOrigin() + path);
        if (session != null) {
            request.header("Cookie", "cb_session=" + session.id());
        }
        try (Response response = client.request(request.build())) {
            return new Page(response.request().url(), response.code(), response.body().string());
        }
    }

    private static Page post(WebClient client, String path, Session session, String... fields) throws Exception {
        FormBody.Builder form = new FormBody.Builder().add("_csrf", session.csrfToken());
        for (int i = 0; i < fields.length; i += 2) {
            form.add(fields[i], fields[i + 1]);
        }
        try (Response response = client.request(new Request.Builder().url(client.getOrigin() + path)
                .header("Cookie", "cb_session=" + session.id()).post(form.build()).build())) {
            return new Page(response.request().url(), response.code(), response.body().string());
        }
    }

    private static String base(Page page) {
        Matcher m = Pattern.compile("name=\"base\" value=\"(\\d+)\"").matcher(page.body());
        assertThat(m.find()).as("the page's forms carry the version they were made from").isTrue();
        return m.group(1);
    }

    private static String token(Page page) {
        Matcher m = Pattern.compile("name=\"token\" value=\"([0-9a-f]+)\"").matcher(page.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /**
     * Every form of the page sends to a route of the application (a POST there without the form's token is refused
     * with 403, where an address no route serves answers 404), every link of the page leads to a page, and every link
     * within the page to an id on it.
     */
    private static void everyFormAndLinkResolves(WebClient client, Page page, Session session) throws Exception {
        Set<String> actions = new LinkedHashSet<>();
        Matcher m = ACTION.matcher(page.body());
        while (m.find()) {
            actions.add(m.group(1).replace("&amp;", "&"));
        }
        for (String action : actions) {
            HttpUrl target = page.url().resolve(action);
            assertThat(target).as(action + " on " + page.url()).isNotNull();
            try (Response response = client.request(new Request.Builder().url(target)
                    .header("Cookie", "cb_session=" + session.id()).post(new FormBody.Builder().build()).build())) {
                assertThat(response.code()).as("POST " + target.encodedPath() + " from " + page.url())
                        .isEqualTo(403);
            }
        }
        Set<String> links = new LinkedHashSet<>();
        m = HREF.matcher(page.body());
        while (m.find()) {
            links.add(m.group(1).replace("&amp;", "&"));
        }
        assertThat(actions.size() + links.size()).as("forms and links on " + page.url()).isPositive();
        for (String link : links) {
            if (link.startsWith("#")) {
                assertThat(page.body()).as(link + " on " + page.url()).contains("id=\"" + link.substring(1) + "\"");
                continue;
            }
            if (link.startsWith("https://") || link.startsWith("http://")) {
                continue; // a document's address, outside the application
            }
            HttpUrl target = page.url().resolve(link);
            Page linked = get(client, target.encodedPath() + (target.encodedQuery() == null ? ""
                    : "?" + target.encodedQuery()), session);
            assertThat(linked.code()).as("GET " + link + " from " + page.url()).isEqualTo(200);
        }
    }

    @Test
    void everyFormAndLinkOfTheBriefsPagesResolvesWhereverThePageIsShown() throws Exception {
        try (Database database = Database.inMemory("brief-links-" + System.nanoTime())) {
            Setup s = setup(database);
            WebTest.test(WebServer.create(s.application()), (server, client) -> {
                List<Page> pages = new ArrayList<>();
                pages.add(get(client, "/workspace", s.edith()));
                Page brief = get(client, "/workspace/briefs/mali", s.edith());
                pages.add(brief);
                pages.add(get(client, "/workspace/briefs/mali?item=consider-1", s.edith()));
                // after refusals, at the address each form was sent to
                Page refusedAdd = post(client, "/workspace/briefs/mali/items", s.edith(), "base", "0", "section",
                        "consider", "title", "T", "date", "2023-07-01", "body", "B", "sources", "nonsense");
                assertThat(refusedAdd.code()).isEqualTo(400);
                pages.add(refusedAdd);
                Page refusedEdit = post(client, "/workspace/briefs/mali/items/consider-1", s.edith(), "base", "0",
                        "section", "consider", "title", "", "date", "2023-07-24", "body", "B", "sources",
                        "S/PV.9350");
                assertThat(refusedEdit.code()).isEqualTo(400);
                pages.add(refusedEdit);
                Page refusedMove = post(client, "/workspace/briefs/mali/items/consider-1/move", s.edith(), "base",
                        "0", "direction", "up");
                assertThat(refusedMove.code()).isEqualTo(400);
                pages.add(refusedMove);
                pages.add(post(client, "/workspace/briefs/mali/as-of", s.edith(), "base", "0", "asOf", "2023-01-01"));
                pages.add(post(client, "/workspace/briefs", s.edith(), "id", "Bad Id", "name", "", "state", "Atlantis"));
                // after decisions: saved, sent for review, refused a sending back, sent back, published
                Page saved = post(client, "/workspace/briefs/mali/items/consider-1", s.edith(), "base", "0",
                        "title", "HRW on the army", "date", "2023-07-24", "body", "Human Rights Watch reported.",
                        "sources", "https://www.hrw.org/x");
                pages.add(saved);
                Page review = post(client, "/workspace/briefs/mali/submit", s.edith(), "base", base(saved));
                assertThat(review.url().encodedPath()).isEqualTo("/workspace/briefs/mali");
                pages.add(review);
                Page notAllowed = post(client, "/workspace/briefs/mali/send-back", s.edith(), "base", base(review),
                        "comment", "An editor tries.");
                assertThat(notAllowed.code()).isEqualTo(403);
                pages.add(notAllowed);
                Page back = post(client, "/workspace/briefs/mali/send-back", s.rita(), "base", base(review),
                        "comment", "Check the dates.");
                pages.add(back);
                pages.add(post(client, "/workspace/briefs/mali/submit", s.edith(), "base", base(back)));
                Page published = post(client, "/workspace/briefs/mali/publish", s.rita(), "base",
                        String.valueOf(s.workflow().current("mali").version()));
                assertThat(published.body()).contains("<strong>published</strong>");
                pages.add(published);
                pages.add(get(client, "/workspace/briefs/mali/preview", s.edith()));
                for (Page page : pages) {
                    everyFormAndLinkResolves(client, page, s.rita());
                }
            });
        }
    }

    @Test
    void aRefusedItemComesBackAsTypedWithEachErrorBesideItsField() throws Exception {
        try (Database database = Database.inMemory("brief-refused-" + System.nanoTime())) {
            Setup s = setup(database);
            WebTest.test(WebServer.create(s.application()), (server, client) -> {
                String body = "Human Rights Watch said <b>abuses</b> continued.\n\nA second paragraph.";
                Page refused = post(client, "/workspace/briefs/mali/items", s.edith(), "base", "0", "token",
                        "0123456789abcdef", "section", "familiar", "title", "HRW on abuses", "date", "2023-13-45",
                        "subHeading", "Civil society", "body", body, "sources", "S/2023/402, para 19\nnot a symbol");
                assertThat(refused.code()).isEqualTo(400);
                String html = refused.body();
                assertThat(html).contains("<option value=\"familiar\" selected").contains("value=\"HRW on abuses\"")
                        .contains("value=\"2023-13-45\"").contains("value=\"Civil society\"")
                        .contains(">Human Rights Watch said &lt;b&gt;abuses&lt;/b&gt; continued.\n\nA second"
                                + " paragraph.</textarea>")
                        .contains(">S/2023/402, para 19\nnot a symbol</textarea>")
                        .contains("value=\"0123456789abcdef\""); // the same form, so a second send is still one
                // each error beside its field, announced, and the field marked and described by it
                assertThat(html).containsPattern("id=\"new-date\"[^>]*aria-invalid=\"true\""
                        + " aria-describedby=\"new-date-error\"/><span class=\"field-error\" id=\"new-date-error\""
                        + " role=\"alert\">'2023-13-45' is not a date");
                assertThat(html).containsPattern("id=\"new-sources\"[^>]*aria-invalid=\"true\""
                        + " aria-describedby=\"new-sources-error\">[^<]*</textarea><span class=\"field-error\""
                        + " id=\"new-sources-error\" role=\"alert\">line 2: 'not a symbol' is not a document symbol");
                assertThat(html).doesNotContainPattern("id=\"new-title\"[^>]*aria-invalid");
                assertThat(html).contains("The item was not added").contains("href=\"#new-sources\"");
                assertThat(html).doesNotContain("--as-of").doesNotContain("--situation").doesNotContain("--kind");
                assertThat(s.workflow().current("mali").version()).isZero();

                // a missing date and section, and an empty text: each said beside its own field
                Page missing = post(client, "/workspace/briefs/mali/items", s.edith(), "base", "0", "section", "",
                        "title", "T", "date", "", "body", " ", "sources", "S/PV.9350");
                assertThat(missing.body()).contains("id=\"new-section-error\" role=\"alert\">choose a section")
                        .contains("id=\"new-date-error\" role=\"alert\">an item needs a date")
                        .contains("id=\"new-body-error\" role=\"alert\">an item needs a text")
                        .doesNotContain("new-sources-error");

                // the edit form too, at the item's own address
                Page edit = post(client, "/workspace/briefs/mali/items/consider-1", s.edith(), "base", "0",
                        "section", "consider", "title", "A new title", "date", "2023-07-24", "body", "Kept text.",
                        "sources", "https://www.hrw.org/x\nS/2023/402, paragraph nineteen");
                assertThat(edit.code()).isEqualTo(400);
                assertThat(edit.body()).contains("value=\"A new title\"").contains(">Kept text.</textarea>")
                        .contains("id=\"sources-error\" role=\"alert\">line 2:")
                        .contains("data-draft=\"mali:consider-1\" data-refused");
                // a brief's page not refused has its drafts kept by item, and no form marked refused
                Page page = get(client, "/workspace/briefs/mali?item=consider-1", s.edith());
                assertThat(page.body()).contains("data-draft=\"mali:consider-1\"").contains("data-draft=\"mali:new\"")
                        .doesNotContain("data-refused").contains("<script src=\"../brief.js\" defer>");
                Page script = get(client, "/workspace/brief.js", s.edith());
                assertThat(script.body()).contains("localStorage").contains("beforeunload").contains("Discard draft");
                assertThat(get(client, "/workspace/brief.js", null).url().encodedPath()).isEqualTo("/login");
            });
        }
    }

    @Test
    void theSameItemIsNeverAddedTwice() throws Exception {
        try (Database database = Database.inMemory("brief-twice-" + System.nanoTime())) {
            Setup s = setup(database);
            WebTest.test(WebServer.create(s.application()), (server, client) -> {
                Page page = get(client, "/workspace/briefs/mali", s.edith());
                String[] form = {"base", base(page), "token", token(page), "section", "consider", "title",
                    "OHCHR on Moura", "date", "2023-05-12", "body", "OHCHR published its report on Moura.",
                    "sources", "https://www.ohchr.org/en/documents/country-reports/moura"};
                Page first = post(client, "/workspace/briefs/mali/items", s.edith(), form);
                assertThat(first.url().encodedPath()).isEqualTo("/workspace/briefs/mali");
                // The same form again (the button pressed twice, or the page sent again): one item, and the answer
                // is the item it added.
                Page again = post(client, "/workspace/briefs/mali/items", s.edith(), form);
                assertThat(again.code()).isEqualTo(200);
                assertThat(again.body()).contains("This form was sent twice; its item was added once.")
                        .contains("Edit: OHCHR on Moura");
                assertThat(titles(s.workflow(), SectionKind.CONSIDER)).containsOnlyOnce("OHCHR on Moura");

                // Another form with the same section, title and date: refused, pointing at the item, typed text kept.
                page = get(client, "/workspace/briefs/mali", s.edith());
                Page same = post(client, "/workspace/briefs/mali/items", s.edith(), "base", base(page), "token",
                        token(page), "section", "consider", "title", "OHCHR on Moura.", "date", "2023-05-12", "body",
                        "Written again.", "sources", "https://www.ohchr.org/x");
                assertThat(same.code()).isEqualTo(409);
                assertThat(same.body()).contains("role=\"alert\"").contains("already has an item with this title")
                        .contains(">Written again.</textarea>");
                String id = item(s.workflow(), SectionKind.CONSIDER, "OHCHR on Moura").id();
                Matcher pointer = Pattern.compile("<a href=\"([^\"]*\\?item=" + id + ")\">Open “OHCHR on Moura”")
                        .matcher(same.body());
                assertThat(pointer.find()).isTrue();
                assertThat(same.url().resolve(pointer.group(1)).encodedPath()).isEqualTo("/workspace/briefs/mali");
                assertThat(titles(s.workflow(), SectionKind.CONSIDER)).containsOnlyOnce("OHCHR on Moura");

                // The positions page's drafted comments (no token): once, then refused as the same meeting's item.
                String[] comments = {"section", "comments", "title", "Security Council meeting on Mali", "date",
                    "2023-08-10", "body", "On 10 August 2023, the Security Council held a meeting on Mali. France"
                        + " and the UK called for accountability.", "sources", "S/PV.9408\nSC/15400"};
                Page drafted = post(client, "/workspace/briefs/mali/items", s.edith(), concat(new String[] {"base",
                    String.valueOf(s.workflow().current("mali").version())}, comments));
                assertThat(drafted.url().encodedPath()).isEqualTo("/workspace/briefs/mali");
                assertThat(item(s.workflow(), SectionKind.COMMENTS, "Security Council meeting on Mali").meeting())
                        .isEqualTo("S/PV.9408");
                String[] retitled = comments.clone();
                retitled[3] = "Council meeting of 10 August";
                Page repeated = post(client, "/workspace/briefs/mali/items", s.edith(), concat(new String[] {"base",
                    String.valueOf(s.workflow().current("mali").version())}, retitled));
                assertThat(repeated.code()).isEqualTo(409);
                assertThat(repeated.body()).contains("The comments on meeting S/PV.9408 are already an item of the"
                        + " brief").contains("Open “Security Council meeting on Mali”");
                // and the demo's own item on S/PV.9350 counts as that meeting's comments
                Page demo = post(client, "/workspace/briefs/mali/items", s.edith(), "base", String.valueOf(
                        s.workflow().current("mali").version()), "section", "comments", "title", "Meeting",
                        "date", "2023-06-16", "body", "Text.", "sources", "S/PV.9350");
                assertThat(demo.code()).isEqualTo(409);
                assertThat(demo.body()).contains("Open “Council meeting at which Mali asked MINUSMA to leave”");

                // A double submit: two sends of one form at the same moment add one item.
                page = get(client, "/workspace/briefs/mali", s.edith());
                String[] twice = {"base", base(page), "token", token(page), "section", "outcomes", "title",
                    "Resolution 2690 on human rights", "date", "2023-06-30", "body", "The Council recalled OP1.",
                    "sources", "S/RES/2690 (2023), OP1"};
                int before = s.workflow().current("mali").version();
                CompletableFuture<Page> one = CompletableFuture.supplyAsync(() -> quietly(() -> post(client,
                        "/workspace/briefs/mali/items", s.edith(), twice)));
                CompletableFuture<Page> two = CompletableFuture.supplyAsync(() -> quietly(() -> post(client,
                        "/workspace/briefs/mali/items", s.edith(), twice)));
                assertThat(List.of(one.get(), two.get())).extracting(Page::code).containsOnly(200);
                assertThat(titles(s.workflow(), SectionKind.OUTCOMES)).containsOnlyOnce(
                        "Resolution 2690 on human rights");
                assertThat(s.workflow().current("mali").version()).isEqualTo(before + 1);
            });
        }
    }

    @Test
    void theUprReviewIsAttachedFromThePageAndListsTheCouncilsMembersOnTheBriefsDate() throws Exception {
        try (Database database = Database.inMemory("brief-upr-" + System.nanoTime())) {
            Setup s = setup(database);
            LocalDate asOf = LocalDate.of(2010, 5, 20);
            s.workflow().create("drc", "Democratic Republic of the Congo", "COD", asOf, "edith");
            WebTest.test(WebServer.create(s.application()), (server, client) -> {
                Page none = get(client, "/workspace/briefs/drc", s.edith());
                assertThat(none.body()).contains("No Universal Periodic Review of COD has been imported yet");
                new Imports(database).importFile(SharedData.root().resolve(
                        "data/upr-reports/reports/democraticrepublicofthecongo2010.txt"), "upr-report",
                        ImportOptions.none());
                UprReview review = new UprRepository(database.jdbi()).reviewsOf("COD").getFirst();
                Page page = get(client, "/workspace/briefs/drc", s.edith());
                assertThat(page.body()).contains("value=\"" + review.id() + "\"").contains("3 December 2009");
                Page attached = post(client, "/workspace/briefs/drc/upr", s.edith(), "base", base(page), "review",
                        review.id());
                assertThat(attached.url().encodedPath()).isEqualTo("/workspace/briefs/drc");
                Brief brief = s.workflow().current("drc").brief();
                Item item = brief.section(SectionKind.COMMENTS).items().getLast();
                assertThat(item.uprReview()).isEqualTo(review.id());
                assertThat(item.title()).isEqualTo("UPR recommendations for the DRC");
                assertThat(brief.uprReview(review.id())).isPresent();

                // As the reference brief does: the members on the brief's date, each with its recommendations.
                Set<String> council = Membership.shipped().on(asOf).codes();
                Set<String> took = new HashSet<>();
                review.recommendations().forEach(r -> took.addAll(r.recommendingStates()));
                review.participants().forEach(p -> took.add(p.code()));
                long members = council.stream().filter(took::contains).count();
                var view = s.application().composer().compose(brief);
                var block = view.sections().get(2).blocks().stream().flatMap(b -> b.paragraphs().stream())
                        .filter(p -> p.upr() != null).findFirst().orElseThrow().upr();
                assertThat(block.members()).hasSize((int) members).allSatisfy(m -> assertThat(council)
                        .contains(m.code()));
                assertThat(block.members()).extracting(m -> m.label()).isSorted();
                var france = block.members().stream().filter(m -> m.code().equals("FRA")).findFirst().orElseThrow();
                assertThat(france.recommendations()).containsExactlyElementsOf(review.recommendations().stream()
                        .filter(r -> r.recommendingStates().contains("FRA")).map(r -> r.text()).toList());
                assertThat(view.keyTopics().get(2).topics().getLast().text()).isEqualTo("UPR recommendations for the"
                        + " DRC (3 December 2009): " + members + " of the Security Council's members.");

                // Attached once: a second attach points at the item.
                Page again = post(client, "/workspace/briefs/drc/upr", s.edith(), "base", String.valueOf(
                        s.workflow().current("drc").version()), "review", review.id());
                assertThat(again.code()).isEqualTo(409);
                assertThat(again.body()).contains("Open “UPR recommendations for the DRC”");
                Page nothing = post(client, "/workspace/briefs/drc/upr", s.edith(), "base", String.valueOf(
                        s.workflow().current("drc").version()));
                assertThat(nothing.body()).contains("id=\"upr-review-error\" role=\"alert\">choose a review");
                // A review of another state is not this brief's.
                Page other = post(client, "/workspace/briefs/mali/upr", s.edith(), "base", "0", "review",
                        review.id());
                assertThat(other.code()).isEqualTo(400);
                assertThat(other.body()).contains("not of the state this situation concerns");
            });
        }
    }

    @Test
    void theBriefsDateIsTheEditorsAndSourcesShowInEveryFormat() throws Exception {
        try (Database database = Database.inMemory("brief-date-" + System.nanoTime())) {
            Setup s = setup(database);
            WebTest.test(WebServer.create(s.application()), (server, client) -> {
                Page early = post(client, "/workspace/briefs/mali/as-of", s.edith(), "base", "0", "asOf",
                        "2023-07-01");
                assertThat(early.code()).isEqualTo(400);
                assertThat(early.body()).contains("id=\"asOf-error\" role=\"alert\">the item 'Human Rights Watch on"
                        + " abuses by the army and Wagner fighters' is dated 24 July 2023, after this date");
                Page set = post(client, "/workspace/briefs/mali/as-of", s.edith(), "base", "0", "asOf",
                        "2023-08-20");
                assertThat(set.body()).contains("Updated: 20 August 2023");
                Page added = post(client, "/workspace/briefs/mali/items", s.edith(), "base", base(set), "section",
                        "familiar", "title", "The Secretary-General on Mali", "date", "2023-08-15", "body",
                        "The Secretary-General reported on the withdrawal.", "sources", "S/2023/638, para 12");
                assertThat(added.url().encodedPath()).isEqualTo("/workspace/briefs/mali");
                int version = s.workflow().current("mali").version();
                s.workflow().publish("mali", s.workflow().submit("mali", version, "edith"), "rita", true);
                // The page reads the editor's date, though it was published today; the time of publishing is kept.
                String live = get(client, "/briefs/mali", null).body();
                assertThat(live).contains("Updated: 20 August 2023");
                assertThat(s.workflow().publishedAt("mali")).hasValueSatisfying(at -> assertThat(at.toLocalDate())
                        .isEqualTo(LocalDate.now(java.time.ZoneOffset.UTC)));
                assertThat(get(client, "/workspace/briefs/mali", s.edith()).body()).contains("published "
                        + LocalDate.now(java.time.ZoneOffset.UTC));

                // The sources entered once, in every format: an address (consider-1's), a symbol with its paragraph.
                String hrw = "https://www.hrw.org/news/2023/07/24/mali-atrocities-army-apparent-wagner-fighters";
                assertThat(live).contains("<p class=\"sources\">Source: <a href=\"" + hrw + "\">" + hrw + "</a></p>")
                        .contains("Source: <a href=\"https://undocs.org/S/2023/638\">S/2023/638, para 12</a>");
                assertThat(get(client, "/briefs/mali.md", null).body()).contains("Source: [" + hrw + "](" + hrw + ")")
                        .contains("Source: [S/2023/638, para 12](https://undocs.org/S/2023/638)");
                assertThat(get(client, "/briefs/mali.txt", null).body()).contains("Source: " + hrw)
                        .contains("Source: S/2023/638, para 12");
                assertThat(get(client, "/briefs/mali.json", null).body()).contains("\"symbol\" : \"S/2023/638\",\n"
                        + "          \"paragraph\" : \"para 12\",\n          \"text\" : \"S/2023/638, para 12\",\n"
                        + "          \"url\" : \"https://undocs.org/S/2023/638\"");
                try (Response pdf = client.get("/briefs/mali.pdf");
                        var document = org.apache.pdfbox.Loader.loadPDF(pdf.body().bytes())) {
                    assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)
                            .replaceAll("\\s+", " ")).contains("Source: S/2023/638, para 12")
                            .contains("Source: https://www.hrw.org/");
                }
                try (Response docx = client.get("/briefs/mali.docx");
                        var word = new org.apache.poi.xwpf.usermodel.XWPFDocument(docx.body().byteStream())) {
                    assertThat(word.getParagraphs()).extracting(p -> p.getText())
                            .contains("Source: S/2023/638, para 12", "Source: " + hrw);
                    assertThat(word.getParagraphs().stream().flatMap(p -> p.getRuns().stream())
                            .filter(r -> r instanceof org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun)
                            .map(r -> ((org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun) r).getHyperlink(word)
                                    .getURL())).contains("https://undocs.org/S/2023/638", hrw);
                }
                // A source the text cites already is not repeated after it.
                assertThat(live).doesNotContain("Source: <a href=\"https://undocs.org/S/PV.9350\"");
            });
        }
    }

    @Test
    void aReviewerSendsTheBriefBackPreviewsItAndPublishesAndTheListShowsWhereEachBriefStands() throws Exception {
        try (Database database = Database.inMemory("brief-review-" + System.nanoTime())) {
            Setup s = setup(database);
            WebTest.test(WebServer.create(s.application()), (server, client) -> {
                Page home = get(client, "/workspace", s.edith());
                assertThat(home.body()).contains("<a href=\"workspace/briefs/mali\">Mali</a>: <strong>published"
                        + "</strong>").contains("aria-label=\"Live page of Mali\"");
                // Word limits: a bad one beside its field; set, a section over it is flagged, not refused.
                Page bad = post(client, "/workspace/briefs/mali/limits", s.edith(), "limit-comments", "many");
                assertThat(bad.body()).contains("id=\"limit-comments-error\" role=\"alert\">a limit is a number");
                post(client, "/workspace/briefs/mali/limits", s.edith(), "limit-comments", "200", "limit-consider",
                        "2000");
                assertThat(s.workflow().wordLimits("mali")).containsEntry(SectionKind.COMMENTS, 200)
                        .containsEntry(SectionKind.CONSIDER, 2000).doesNotContainKey(SectionKind.FAMILIAR);
                int comments = s.application().composer().compose(s.workflow().current("mali").brief()).sections()
                        .get(2).wordCount();
                assertThat(comments).isGreaterThan(200);
                assertThat(get(client, "/workspace/briefs/mali", s.edith()).body()).contains("<p class=\"count over\">"
                        + comments + " of 200 words + UPR recommendations: " + (comments - 200) + " over the limit");
                assertThat(get(client, "/workspace", s.edith()).body()).contains("<li class=\"over\">Comments by"
                        + " Members of the Security Council: " + comments + " of 200 words, over the limit</li>");
                assertThat(new ChangeLogRepository(database.jdbi()).of("brief", "mali")).extracting(c -> c.action())
                        .contains("word limits set");

                Page draft = post(client, "/workspace/briefs/mali/items/consider-1", s.edith(), "base", "0",
                        "title", "HRW on the army", "date", "2023-07-24", "body", "Human Rights Watch reported.",
                        "sources", "https://www.hrw.org/x");
                Page review = post(client, "/workspace/briefs/mali/submit", s.edith(), "base", base(draft));
                assertThat(review.body()).contains("<strong>in review</strong>").doesNotContain("Send back with");
                // The preview, in every format, says it is a draft.
                Page preview = get(client, "/workspace/briefs/mali/preview", s.rita());
                assertThat(preview.body()).contains("<p class=\"draft-mark\" role=\"note\">Draft — not published"
                        + " (version 3, in review)</p>").contains("HRW on the army");
                try (Response pdf = client.request(new Request.Builder().url(client.getOrigin()
                        + "/workspace/briefs/mali/preview/pdf").header("Cookie", "cb_session=" + s.rita().id())
                        .build())) {
                    assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
                    assertThat(pdf.header("Content-Disposition")).contains("attachment").contains("mali-v3-draft.pdf");
                    try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body().bytes())) {
                        assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                                .contains("Draft — not published").contains("HRW on the army");
                    }
                }
                try (Response docx = client.request(new Request.Builder().url(client.getOrigin()
                        + "/workspace/briefs/mali/preview/docx").header("Cookie", "cb_session=" + s.rita().id())
                        .build()); var word = new org.apache.poi.xwpf.usermodel.XWPFDocument(docx.body().byteStream());
                        var text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(word)) {
                    assertThat(text.getText()).startsWith("Draft — not published").contains("HRW on the army");
                }
                assertThat(get(client, "/workspace/briefs/mali/preview/txt", s.rita()).body())
                        .contains("HRW on the army");
                assertThat(get(client, "/workspace/briefs/mali/preview/exe", s.rita()).code()).isEqualTo(404);
                assertThat(get(client, "/workspace/briefs/mali/preview", null).url().encodedPath())
                        .isEqualTo("/login");

                // Sent back: a comment is needed; then the editor reads it on the brief's page and in the list.
                Page empty = post(client, "/workspace/briefs/mali/send-back", s.rita(), "base", base(review),
                        "comment", "  ");
                assertThat(empty.body()).contains("id=\"review-comment-error\" role=\"alert\">say what should"
                        + " change");
                String comment = "The title should name the Wagner Group.\nAnd check the date.";
                post(client, "/workspace/briefs/mali/send-back", s.rita(), "base", base(review), "comment", comment);
                Page editor = get(client, "/workspace/briefs/mali", s.edith());
                assertThat(editor.body()).contains("<strong>sent back</strong>").contains("Sent back by rita")
                        .contains("<blockquote>" + comment + "</blockquote>").contains("Send for review");
                assertThat(get(client, "/workspace", s.edith()).body()).contains("<strong>sent back</strong>, last"
                        + " change").contains(" by rita");
                assertThat(s.workflow().history("mali").getFirst().comment()).isEqualTo(comment);
                assertThat(get(client, "/workspace/activity", s.edith()).body()).contains("version 4 sent back")
                        .contains(comment);
                // Still sent back after the editor's change; in review again once sent.
                Page changed = post(client, "/workspace/briefs/mali/items/consider-1", s.edith(), "base",
                        base(editor), "title", "HRW on the army and the Wagner Group", "date", "2023-07-24", "body",
                        "Human Rights Watch reported.", "sources", "https://www.hrw.org/x");
                assertThat(changed.body()).contains("<strong>sent back</strong>").contains("Sent back by rita");
                Page again = post(client, "/workspace/briefs/mali/submit", s.edith(), "base", base(changed));
                assertThat(again.body()).contains("<strong>in review</strong>").doesNotContain("Sent back by rita");

                Page published = post(client, "/workspace/briefs/mali/publish", s.rita(), "base", base(again));
                Matcher live = Pattern.compile("<a href=\"([^\"]*)\">The live page</a>").matcher(published.body());
                assertThat(live.find()).isTrue();
                HttpUrl target = published.url().resolve(live.group(1));
                assertThat(target.encodedPath()).isEqualTo("/briefs/mali");
                assertThat(get(client, target.encodedPath(), null).body()).contains("HRW on the army and the Wagner"
                        + " Group");
                assertThat(get(client, "/workspace", s.edith()).body()).contains("<strong>published</strong>, last"
                        + " change").contains("by rita · <a href=\"briefs/mali\"");
            });
        }
    }

    @Test
    void aReviewerWhoMadeTheLastChangeIsNotOfferedAPublishButtonThatWouldBeRefused() throws Exception {
        try (Database database = Database.inMemory("brief-own-change-" + System.nanoTime())) {
            Setup s = setup(database);
            WebTest.test(WebServer.create(s.application()), (server, client) -> {
                Page draft = post(client, "/workspace/briefs/mali/items/consider-1", s.rita(), "base", "0",
                        "title", "HRW on the army", "date", "2023-07-24", "body", "Human Rights Watch reported.",
                        "sources", "https://www.hrw.org/x");
                Page review = post(client, "/workspace/briefs/mali/submit", s.rita(), "base", base(draft));
                assertThat(review.body()).contains("<strong>in review</strong>")
                        .contains("You made the last change to this brief (version " + base(draft) + ")")
                        .doesNotContain(">Publish</button>").contains("Send back with this comment");
                Accounts accounts = new Accounts(database);
                accounts.add("rosa", REVIEWER, Role.REVIEWER);
                Page other = get(client, "/workspace/briefs/mali", accounts.login("rosa", REVIEWER));
                assertThat(other.body()).contains(">Publish</button>").doesNotContain("You made the last change");
            });
        }
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private static <T> T quietly(Call<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static List<String> titles(BriefWorkflow workflow, SectionKind kind) throws Exception {
        return workflow.current("mali").brief().section(kind).items().stream().map(Item::title).toList();
    }

    private static Item item(BriefWorkflow workflow, SectionKind kind, String title) throws Exception {
        return workflow.current("mali").brief().section(kind).items().stream().filter(i -> i.title().equals(title))
                .findFirst().orElseThrow();
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
