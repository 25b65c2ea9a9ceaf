package org.councilbrief.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.councilbrief.brief.Brief;
import org.councilbrief.brief.BriefComposer;
import org.councilbrief.brief.BriefJson;
import org.councilbrief.brief.BriefPage;
import org.councilbrief.brief.BriefPictures;
import org.councilbrief.brief.BriefRepository;
import org.councilbrief.brief.BriefView;
import org.councilbrief.brief.PdfRenderer;
import org.councilbrief.council.Membership;
import org.councilbrief.council.StateRepository;
import org.councilbrief.db.Database;
import org.councilbrief.picture.Figure;
import org.councilbrief.picture.Palette;
import org.councilbrief.statement.Act;
import org.councilbrief.statement.Meeting;
import org.councilbrief.statement.Position;
import org.councilbrief.statement.Position.Status;
import org.councilbrief.statement.Statement;
import org.councilbrief.statement.StatementRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A brief's pictures made from the database: the grid of accepted positions, the UPR block's counts, the PDF. */
class BriefFiguresTest {
    private Database db;
    private Brief brief;
    private StatementRepository statements;

    @BeforeEach
    void demoBriefAndItsLatestMeeting() throws Exception {
        db = Database.inMemory("figures-" + System.nanoTime());
        new StateRepository(db.jdbi()).syncShipped(Membership.shipped());
        try (InputStream in = getClass().getResourceAsStream("/org/councilbrief/demo/mali.json")) {
            brief = BriefJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        new BriefRepository(db.jdbi()).save(brief, "MLI");
        statements = new StatementRepository(db.jdbi());
        statements.saveMeeting(new Meeting("S/PV.9365", "mali", LocalDate.of(2023, 6, 30), null, null), List.of(
                new Statement("S/PV.9365", 1, "Mr. A", "FRA", null, null, "We condemn the attacks on civilians."),
                new Statement("S/PV.9365", 2, "Mr. B", "RUS", null, null, "We welcome the transition."),
                new Statement("S/PV.9365", 3, "Mr. C", "CHN", null, null, "We call for justice.")));
        statements.addPositions("S/PV.9365", 1, List.of(
                new Position("FRA", Act.CONDEMNS, "protection-of-civilians", "We condemn the attacks on civilians.",
                        Status.ACCEPTED),
                new Position("FRA", Act.CALLS_FOR, "protection-of-civilians", "We condemn the attacks on civilians.",
                        Status.ACCEPTED)));
        statements.addPositions("S/PV.9365", 2, List.of(new Position("RUS", Act.WELCOMES,
                "elections-and-transition", "We welcome the transition.", Status.PROPOSED)));
        statements.addPositions("S/PV.9365", 3, List.of(new Position("CHN", Act.CALLS_FOR, "accountability",
                "We call for justice.", Status.REJECTED)));
        // An earlier meeting of the brief: its positions are not the latest meeting's.
        statements.saveMeeting(new Meeting("S/PV.9350", "mali", LocalDate.of(2023, 6, 16), null, null), List.of(
                new Statement("S/PV.9350", 1, "Mr. D", "GBR", null, null, "We call for accountability.")));
        statements.addPositions("S/PV.9350", 1, List.of(new Position("GBR", Act.CALLS_FOR, "accountability",
                "We call for accountability.", Status.ACCEPTED)));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private BriefPictures pictures(BriefView view) {
        return new BriefFigures(statements, Membership.shipped()).of(brief, view);
    }

    @Test
    void theGridShowsTheAcceptedPositionsOfTheLatestMeetingOnly() {
        BriefView view = new BriefComposer(Membership.shipped()).compose(brief);
        Figure grid = pictures(view).grid();

        assertThat(grid.caption()).contains("30 June 2023").contains("S/PV.9365");
        assertThat(grid.rows()).hasSize(15);
        assertThat(grid.rows()).extracting(r -> r.get(0)).contains("France", "Russia", "China", "UK", "Gabon");
        assertThat(grid.columns()).containsExactly("Member", "Protection of civilians");
        List<String> france = grid.rows().stream().filter(r -> r.get(0).equals("France")).findFirst().orElseThrow();
        assertThat(france).containsExactly("France", "called for, condemned");
        // Proposed (Russia), rejected (China) and the earlier meeting's (the UK) are nowhere in the picture.
        assertThat(grid.svg()).doesNotContain("data-member=\"RUS\"").doesNotContain("data-member=\"CHN\"")
                .doesNotContain("data-member=\"GBR\"").doesNotContain("Accountability")
                .contains("2 positions by 1 member of 15 on 1 theme");
    }

    @Test
    void aBriefWhoseLatestMeetingHasNoAcceptedPositionHasNoGrid() {
        db.jdbi().useHandle(h -> h.execute("update position set status = 'PROPOSED'"));
        assertThat(pictures(new BriefComposer(Membership.shipped()).compose(brief)).grid()).isNull();
    }

    @Test
    void theUprPictureCountsTheRecommendationsTheBlockLists() {
        BriefView view = new BriefComposer(Membership.shipped()).compose(brief);
        BriefView.UprBlock block = view.sections().stream().flatMap(s -> s.blocks().stream())
                .flatMap(b -> b.paragraphs().stream()).filter(p -> p.upr() != null).findFirst().orElseThrow().upr();
        Set<String> listed = new HashSet<>();
        block.members().forEach(m -> listed.addAll(m.recommendations()));
        Figure upr = pictures(view).uprFor(block.review());

        assertThat(upr.caption()).startsWith("The " + listed.size() + " recommendations of current Council members");
        int total = 0;
        int answered = 0;
        for (List<String> row : upr.rows()) {
            int sum = 0;
            for (int j = 1; j < row.size() - 1; j++) {
                sum += Integer.parseInt(row.get(j));
            }
            assertThat(Integer.parseInt(row.get(row.size() - 1))).isEqualTo(sum).isLessThanOrEqualTo(listed.size());
            total += sum;
            answered += Integer.parseInt(row.get(upr.columns().indexOf("Supported")))
                    + Integer.parseInt(row.get(upr.columns().indexOf("Noted")));
        }
        // A recommendation with several themes counts under each, so the bars add up to at least the block's count;
        // the UK's three (one supported, two noted) are the only ones answered in the demo.
        assertThat(total).isGreaterThanOrEqualTo(listed.size());
        assertThat(answered).isGreaterThanOrEqualTo(3);
        assertThat(upr.rows()).filteredOn(r -> !r.get(upr.columns().indexOf("Supported")).equals("0")).isNotEmpty();
        assertThat(upr.rows()).extracting(r -> r.get(0)).contains("Accountability", "Conflict-related sexual violence");
    }

    @Test
    void theUprPicturesSeriesDifferInGreyAndCarryReadableNumbers() {
        double[] l = BriefFigures.RESPONSES.stream().mapToDouble(s -> Palette.luminance(s.colour())).toArray();
        assertThat(Math.abs(l[0] - l[1])).isGreaterThan(0.2);
        assertThat(Math.abs(l[1] - l[2])).isGreaterThan(0.2);
        assertThat(Math.abs(l[0] - l[2])).isGreaterThan(0.2);
        BriefFigures.RESPONSES.forEach(s -> assertThat(Palette.contrast(s.colour(), Palette.textOn(s.colour())))
                .as(s.name()).isGreaterThanOrEqualTo(4.5));
    }

    @Test
    void thePdfDrawsThePictures() throws Exception {
        BriefView view = new BriefComposer(Membership.shipped()).compose(brief);
        ByteArrayOutputStream with = new ByteArrayOutputStream();
        PdfRenderer.render(BriefPage.standalone(view, pictures(view)), with);
        ByteArrayOutputStream without = new ByteArrayOutputStream();
        PdfRenderer.render(BriefPage.standalone(view), without);

        // The grid's condemned (vermilion) and the UPR picture's noted (orange) are drawn in no other part of a brief.
        Map<String, Integer> drawn = colours(with.toByteArray(), "brief-pdf");
        Map<String, Integer> plain = colours(without.toByteArray(), null);
        assertThat(drawn.get("#D55E00")).isGreaterThan(50);
        assertThat(drawn.get("#E69F00")).isGreaterThan(50);
        assertThat(plain.get("#D55E00")).isZero();
        assertThat(plain.get("#E69F00")).isZero();
        try (PDDocument pdf = Loader.loadPDF(with.toByteArray())) {
            // The caption is the page's text; the picture's own words are drawn as shapes.
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)).contains("Who said what at the "
                    + "meeting of 30 June 2023");
        }
    }

    /**
     * Pixels near each colour over every page at 100 dpi; the page with the grid is written to target/ as
     * {@code name}.png when a name is given.
     */
    private static Map<String, Integer> colours(byte[] pdf, String name) throws Exception {
        int vermilion = 0;
        int orange = 0;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int p = 0; p < doc.getNumberOfPages(); p++) {
                BufferedImage image = renderer.renderImageWithDPI(p, 100);
                int here = 0;
                for (int y = 0; y < image.getHeight(); y++) {
                    for (int x = 0; x < image.getWidth(); x++) {
                        int rgb = image.getRGB(x, y);
                        if (near(rgb, 0xD55E00)) {
                            vermilion++;
                            here++;
                        } else if (near(rgb, 0xE69F00)) {
                            orange++;
                        }
                    }
                }
                if (name != null && here > 0) {
                    Files.createDirectories(Path.of("target"));
                    ImageIO.write(renderer.renderImageWithDPI(p, 60), "png", Path.of("target", name + ".png")
                            .toFile());
                    name = null;
                }
            }
        }
        return Map.of("#D55E00", vermilion, "#E69F00", orange);
    }

    private static boolean near(int rgb, int colour) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((rgb >> shift) & 0xff) - ((colour >> shift) & 0xff)) > 12) {
                return false;
            }
        }
        return true;
    }
}
