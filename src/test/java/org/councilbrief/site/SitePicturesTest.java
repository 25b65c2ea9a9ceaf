package org.councilbrief.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.councilbrief.brief.BriefJson;
import org.councilbrief.brief.BriefRepository;
import org.councilbrief.council.Membership;
import org.councilbrief.council.StateRepository;
import org.councilbrief.db.Database;
import org.councilbrief.picture.PictureDom;
import org.councilbrief.statement.Act;
import org.councilbrief.statement.Meeting;
import org.councilbrief.statement.Position;
import org.councilbrief.statement.Statement;
import org.councilbrief.statement.StatementRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site's pictures from the data: only accepted positions of members on the Council count, the picture says the
 * same figures as its table, and the static export carries every picture.
 */
class SitePicturesTest {
    private static final Pattern SVG = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL);
    private static final Pattern ROW = Pattern.compile("<tr><th scope=\"row\">(.*?)</th>(.*?)</tr>");
    private static final Pattern CELL = Pattern.compile("<td>(.*?)</td>");

    /** The demo brief on Mali (its UPR review of 2023 included) and two meetings with positions of every status. */
    private static Database database() throws Exception {
        Database db = Database.inMemory("pictures-" + System.nanoTime());
        new StateRepository(db.jdbi()).syncShipped(Membership.shipped());
        try (InputStream in = SitePicturesTest.class.getResourceAsStream("/org/councilbrief/demo/mali.json")) {
            new BriefRepository(db.jdbi()).save(BriefJson.read(new String(in.readAllBytes(),
                    StandardCharsets.UTF_8)), "MLI");
        }
        StatementRepository statements = new StatementRepository(db.jdbi());
        statements.saveMeeting(new Meeting("S/PV.9350", "mali", LocalDate.of(2023, 6, 16), "Mali", null), List.of(
                speech("S/PV.9350", 1, "FRA"), speech("S/PV.9350", 2, "GBR"), speech("S/PV.9350", 3, "USA"),
                speech("S/PV.9350", 4, "MLI"), speech("S/PV.9350", 5, "GHA")));
        statements.saveMeeting(new Meeting("S/PV.9365", "mali", LocalDate.of(2023, 6, 30), "Mali", null), List.of(
                speech("S/PV.9365", 1, "FRA"), speech("S/PV.9365", 2, "GHA")));
        add(statements, "S/PV.9350", 1, "FRA", "accountability", Position.Status.ACCEPTED);
        add(statements, "S/PV.9350", 1, "FRA", "accountability", Position.Status.ACCEPTED);
        add(statements, "S/PV.9350", 2, "GBR", "accountability", Position.Status.PROPOSED);
        add(statements, "S/PV.9350", 3, "USA", "accountability", Position.Status.REJECTED);
        // Mali spoke as the state concerned, not as a member: its position is no Council position.
        add(statements, "S/PV.9350", 4, "MLI", "accountability", Position.Status.ACCEPTED);
        add(statements, "S/PV.9350", 5, "GHA", "accountability", Position.Status.ACCEPTED);
        add(statements, "S/PV.9350", 5, "GHA", "children", Position.Status.ACCEPTED);
        add(statements, "S/PV.9365", 1, "FRA", "womens-participation", Position.Status.ACCEPTED);
        add(statements, "S/PV.9365", 1, "FRA", "elections-and-transition", Position.Status.PROPOSED);
        add(statements, "S/PV.9365", 2, "GHA", "children", Position.Status.ACCEPTED);
        return db;
    }

    private static Statement speech(String meeting, int index, String state) {
        return new Statement(meeting, index, "The representative", state, null, null, "Words of " + state + ".");
    }

    private static void add(StatementRepository statements, String meeting, int index, String state, String theme,
            Position.Status status) {
        statements.addPositions(meeting, index, List.of(new Position(state, Act.CALLS_FOR, theme,
                "Words of " + state + " on " + theme + ".", status)));
    }

    private static String page(SiteBuilder site, String path) throws Exception {
        return new String(site.render(path).orElseThrow().bytes(), StandardCharsets.UTF_8);
    }

    /** The picture of a figure on a page, read as XML. */
    private static PictureDom picture(String html, String id) throws Exception {
        String figure = html.substring(html.indexOf("<figure class=\"picture\" id=\"" + id + "\""));
        Matcher m = SVG.matcher(figure);
        assertThat(m.find()).isTrue();
        return PictureDom.parse(m.group());
    }

    /** The rows of a figure's table on a page: its first cell, then the others. */
    private static List<List<String>> table(String html, String id) {
        String figure = html.substring(html.indexOf("<figure class=\"picture\" id=\"" + id + "\""));
        figure = figure.substring(0, figure.indexOf("</figure>"));
        List<List<String>> rows = new ArrayList<>();
        Matcher row = ROW.matcher(figure);
        while (row.find()) {
            List<String> cells = new ArrayList<>(List.of(row.group(1)));
            Matcher cell = CELL.matcher(row.group(2));
            while (cell.find()) {
                cells.add(cell.group(1));
            }
            rows.add(cells);
        }
        return rows;
    }

    @Test
    void theSituationPageCountsEachMemberOnceFromAcceptedPositionsOnly() throws Exception {
        try (Database db = database()) {
            SiteBuilder site = new SiteBuilder(db, Membership.shipped(), LocalDate.of(2023, 7, 24));
            assertThat(site.paths()).contains("situations/mali.html");
            String html = page(site, "situations/mali.html");
            assertThat(html).contains("S/PV.9350").contains("S/PV.9365").contains("href=\"../briefs/mali.html\"");

            // France twice and Ghana once; Britain's proposed, the US's rejected and Mali's (not a member) are out.
            assertThat(table(html, "situation-themes")).containsExactly(
                    List.of("accountability", "2", "0"),
                    List.of("women's participation", "0", "1"),
                    List.of("children and armed conflict", "1", "1"));
            PictureDom svg = picture(html, "situation-themes");
            List<PictureDom.Mark> discs = svg.marks(t -> t.matches(".*: \\d+ members?"));
            assertThat(discs).extracting(PictureDom.Mark::title).containsExactly(
                    "accountability, 16 June 2023 (S/PV.9350): 2 members",
                    "women's participation, 30 June 2023 (S/PV.9365): 1 member",
                    "children and armed conflict, 16 June 2023 (S/PV.9350): 1 member",
                    "children and armed conflict, 30 June 2023 (S/PV.9365): 1 member");
            assertThat(discs).extracting(d -> d.numbers().get(0)).containsExactly(2, 1, 1, 1);
            assertThat(html).doesNotContain("elections and the transition");

            // Who said what over the period: the fifteen who sat, each cell every act at any of the meetings, from
            // accepted positions of members only.
            List<List<String>> grid = table(html, "situation-who-said-what");
            assertThat(grid).hasSize(15);
            assertThat(grid).filteredOn(r -> r.stream().skip(1).anyMatch(c -> !c.isEmpty()))
                    .extracting(r -> r.get(0)).containsExactlyInAnyOrder("France", "Ghana");
            assertThat(grid).filteredOn(r -> r.get(0).equals("France")).singleElement().satisfies(r ->
                    assertThat(r.subList(1, r.size())).containsExactlyInAnyOrder("called for", "called for", ""));
            assertThat(html).contains("from 16 June 2023 to 30 June 2023 (2 meetings)");

            // Linked from the home page and from the brief's page.
            assertThat(page(site, "index.html")).contains("href=\"situations/mali.html\"");
            assertThat(page(site, "briefs/mali.html")).contains("href=\"../situations/mali.html\"");
            assertThat(site.render("situations/atlantis.html")).isEmpty();
            assertThat(site.render("situations/mali.pdf")).isEmpty();
        }
    }

    @Test
    void aMembersPageDrawsGenevaBesideNewYorkAndItsTermsAsItsTablesSay() throws Exception {
        try (Database db = database()) {
            SiteBuilder site = new SiteBuilder(db, Membership.shipped(), LocalDate.of(2023, 7, 24));
            String html = page(site, "members/FRA.html");
            List<List<String>> rows = table(html, "geneva-new-york");
            List<PictureDom.Mark> marks = picture(html, "geneva-new-york").marks(t -> t.contains(" in Geneva, "));
            assertThat(marks).hasSameSizeAs(rows);
            for (int i = 0; i < rows.size(); i++) {
                assertThat(marks.get(i).numbers()).containsExactly(Integer.valueOf(rows.get(i).get(2)),
                        Integer.valueOf(rows.get(i).get(3)));
            }
            // Two accepted positions on accountability; the proposed one on elections does not count in New York.
            assertThat(rows).anySatisfy(r -> assertThat(r).containsExactly("accountability", "Mali",
                    r.get(2), "2", "both"));
            assertThat(rows).anySatisfy(r -> assertThat(r).containsExactly("women's participation", "Mali", "0",
                    "1", "New York only"));
            assertThat(rows).filteredOn(r -> r.get(0).equals("elections and the transition"))
                    .allSatisfy(r -> assertThat(r.get(3)).isEqualTo("0"));
            assertThat(rows).anySatisfy(r -> assertThat(r.get(4)).isEqualTo("Geneva only"));

            assertThat(table(html, "council-terms")).containsExactly(List.of("from 1946-01-01 on", "permanent",
                    "1946-01-01", "no end"));
            String ghana = page(site, "members/GHA.html");
            List<List<String>> terms = table(ghana, "council-terms");
            assertThat(terms).contains(List.of("2022-2023", "elected", "2022-01-01", "2023-12-31"));
            assertThat(picture(ghana, "council-terms").marks(t -> t.endsWith(": elected"))).hasSameSizeAs(terms);
        }
    }

    @Test
    void theCouncilPagesDrawEverySeatOfTheirDate() throws Exception {
        try (Database db = database()) {
            SiteBuilder site = new SiteBuilder(db, Membership.shipped(), LocalDate.of(2023, 7, 24));
            String html = page(site, "council/index.html");
            List<List<String>> rows = table(html, "council-seats");
            assertThat(rows).hasSize(15);
            assertThat(rows).filteredOn(r -> r.get(1).equals("permanent")).hasSize(5);
            assertThat(rows).filteredOn(r -> r.get(4).equals("A3")).extracting(r -> r.get(0))
                    .containsExactlyInAnyOrder("Gabon", "Ghana", "Mozambique");
            List<PictureDom.Mark> boxes = picture(html, "council-seats").marks(t -> t.contains(" seat"));
            assertThat(boxes).hasSize(15);
            assertThat(boxes).filteredOn(b -> b.texts().get(0).equals("P")).hasSize(5);
            assertThat(boxes).filteredOn(b -> b.texts().contains("A3")).hasSize(3);

            // 1946: eleven seats; a year whose elected members are not all recorded says so seat by seat.
            assertThat(table(page(site, "council/1946.html"), "council-seats")).hasSize(11);
            SiteBuilder later = new SiteBuilder(db, Membership.shipped(), LocalDate.of(2027, 3, 1));
            String partial = page(later, "council/index.html");
            List<List<String>> seats = table(partial, "council-seats");
            assertThat(seats).hasSize(15);
            long unrecorded = seats.stream().filter(r -> r.get(0).equals("not recorded yet")).count();
            assertThat(unrecorded).isPositive();
            assertThat(picture(partial, "council-seats").marks(t -> t.contains("not recorded"))).hasSize(
                    (int) unrecorded);
        }
    }

    @Test
    void theStaticExportCarriesEveryPictureWithoutScript(@TempDir Path dir) throws Exception {
        try (Database db = database()) {
            for (SiteFile file : new SiteBuilder(db, Membership.shipped(), LocalDate.of(2023, 7, 24)).build()) {
                Path target = dir.resolve(file.path());
                Files.createDirectories(target.getParent());
                Files.write(target, file.bytes());
            }
        }
        for (String[] page : new String[][] {{"situations/mali.html", "situation-themes"},
                {"members/FRA.html", "geneva-new-york"}, {"members/FRA.html", "council-terms"},
                {"council/index.html", "council-seats"}, {"council/2023.html", "council-seats"}}) {
            String html = Files.readString(dir.resolve(page[0]));
            assertThat(html).as(page[0]).contains("<figure class=\"picture\" id=\"" + page[1] + "\"")
                    .doesNotContain("<script");
            PictureDom svg = picture(html, page[1]);
            assertThat(svg.title()).isNotBlank();
            assertThat(svg.description()).isNotBlank();
            assertThat(table(html, page[1])).isNotEmpty();
        }
    }
}
