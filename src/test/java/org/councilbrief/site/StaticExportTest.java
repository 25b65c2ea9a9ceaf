package org.councilbrief.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.councilbrief.AppException;
import org.councilbrief.brief.BriefJson;
import org.councilbrief.brief.BriefRepository;
import org.councilbrief.brief.BriefTextImporter;
import org.councilbrief.council.Membership;
import org.councilbrief.council.StateRepository;
import org.councilbrief.db.Database;
import org.councilbrief.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The static export: every page written, every relative link and anchor found, the feed well-formed. */
class StaticExportTest {
    private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]*)\"");

    private static List<SiteFile> build() throws AppException {
        try (Database db = Database.inMemory("export-" + System.nanoTime())) {
            new StateRepository(db.jdbi()).syncShipped(Membership.shipped());
            var brief = new BriefTextImporter(Membership.shipped()).read(SharedData.read(SharedData.referenceBrief()),
                    BriefTextImporter.Options.NONE).brief();
            new BriefRepository(db.jdbi()).save(brief, "MLI");
            return new SiteBuilder(db, Membership.shipped(), LocalDate.of(2023, 7, 24)).build();
        }
    }

    @Test
    void everyRelativeLinkOfTheExportLeadsToAFileAndEveryAnchorToAnId(@TempDir Path dir) throws Exception {
        for (SiteFile file : build()) {
            Path target = dir.resolve(file.path());
            Files.createDirectories(target.getParent());
            Files.write(target, file.bytes());
        }
        List<Path> pages;
        try (Stream<Path> files = Files.walk(dir)) {
            pages = files.filter(p -> p.toString().endsWith(".html")).toList();
        }
        assertThat(pages).hasSizeGreaterThan(100);
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            String html = Files.readString(page, StandardCharsets.UTF_8);
            Matcher m = LINK.matcher(html);
            while (m.find()) {
                String href = m.group(1).replace("&amp;", "&");
                if (href.startsWith("http://") || href.startsWith("https://") || href.startsWith("mailto:")) {
                    continue;
                }
                checked++;
                String file = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
                String anchor = href.contains("#") ? href.substring(href.indexOf('#') + 1) : null;
                Path target = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!target.startsWith(dir) || !Files.isRegularFile(target)) {
                    broken.add(dir.relativize(page) + " -> " + href);
                } else if (anchor != null && !anchor.isEmpty() && target.toString().endsWith(".html")
                        && !Files.readString(target).contains("id=\"" + anchor + "\"")) {
                    broken.add(dir.relativize(page) + " -> " + href + " (no such anchor)");
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
        assertThat(broken).isEmpty();
        assertThat(dir.resolve("briefs/mali.pdf")).isRegularFile();
        assertThat(Files.readString(dir.resolve("council/index.html"))).contains("members/GBR.html")
                .contains("United Kingdom of Great Britain and Northern Ireland");
    }

    @Test
    void theFeedIsWellFormedAtomWithAnEntryPerBrief() throws Exception {
        SiteFile feed = build().stream().filter(f -> f.path().equals("feed.atom")).findFirst().orElseThrow();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document xml = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(feed.bytes()));
        assertThat(xml.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(xml.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength()).isEqualTo(1);
        assertThat(new String(feed.bytes(), StandardCharsets.UTF_8)).contains("<updated>2023-07-24T00:00:00Z</updated>")
                .contains("href=\"briefs/mali.html\"");
    }

    @Test
    void theCouncilPagesFollowMembershipAndUnknownPathsAreNotPages() throws AppException, IOException {
        try (Database db = Database.inMemory("pages-" + System.nanoTime())) {
            new StateRepository(db.jdbi()).syncShipped(Membership.shipped());
            SiteBuilder site = new SiteBuilder(db, Membership.shipped(), LocalDate.of(2023, 7, 24));
            String y2020 = new String(site.render("council/2020.html").orElseThrow().bytes(), StandardCharsets.UTF_8);
            assertThat(y2020).contains("Saint Vincent and the Grenadines").contains("A3+");
            assertThat(site.render("council/1900.html")).isEmpty();
            assertThat(site.render("members/XXX.html")).isEmpty();
            assertThat(site.render("themes/astrology.html")).isEmpty();
            assertThat(site.render("../../etc/passwd")).isEmpty();
        }
    }
}
