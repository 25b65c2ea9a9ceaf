package org.councilbrief.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.councilbrief.SharedData;
import org.councilbrief.brief.BriefRepository;
import org.councilbrief.brief.BriefTextImporter;
import org.councilbrief.brief.BriefWorkflow;
import org.councilbrief.council.Membership;
import org.councilbrief.council.StateRepository;
import org.councilbrief.db.Database;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The Atom feed, read back with the JDK's XML parser: its dates and its text. */
class AtomFeedTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String NAME = "Mali & the <Sahel>: \"Liptako\"–'Gourma' ]]> done";

    private static List<String> texts(Element parent, String tag) {
        List<String> out = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagNameNS(ATOM, tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    @Test
    void datesHaveSecondsEvenWhenTheyAreZeroAndMarkupInNamesIsText() throws Exception {
        try (Database db = Database.inMemory("feed-" + System.nanoTime())) {
            new StateRepository(db.jdbi()).syncShipped(Membership.shipped());
            var brief = new BriefTextImporter(Membership.shipped()).read(SharedData.read(SharedData.referenceBrief()),
                    BriefTextImporter.Options.NONE).brief();
            new BriefRepository(db.jdbi()).save(brief, "MLI");
            BriefWorkflow workflow = new BriefWorkflow(db, Membership.shipped());
            int edited = workflow.editSituation("mali", 0, NAME, "MLI", "edith");
            int review = workflow.submit("mali", edited, "edith");
            int published = workflow.publish("mali", review, "rita", true);
            // Published at 10:15 sharp: the time the old feed wrote without its seconds.
            db.jdbi().useHandle(h -> h.createUpdate("update brief_revision set created_at = :at"
                    + " where situation_id = 'mali' and version = :v")
                    .bind("at", LocalDateTime.of(2026, 11, 27, 10, 15)).bind("v", published).execute());

            SiteFile feed = new SiteBuilder(db, Membership.shipped(), LocalDate.of(2026, 11, 30)).render("feed.atom")
                    .orElseThrow();
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(feed.bytes()));
            Element root = xml.getDocumentElement();
            assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
            assertThat(root.getLocalName()).isEqualTo("feed");

            List<String> updated = texts(root, "updated");
            assertThat(updated).hasSize(2).allSatisfy(date -> {
                assertThat(date).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
                assertThat(Instant.parse(date)).isNotNull();
            });
            assertThat(updated).containsExactly("2026-11-27T10:15:00Z", "2026-11-27T10:15:00Z");
            Element entry = (Element) root.getElementsByTagNameNS(ATOM, "entry").item(0);
            assertThat(texts(entry, "title")).containsExactly(NAME + ": human rights brief");
            assertThat(texts(entry, "summary").getFirst()).startsWith("The brief on " + NAME + ", as of ");
            assertThat(texts(entry, "id")).containsExactly("tag:councilbrief.org,2026:brief/mali/2026-11-27T10:15:00Z");
            Element link = (Element) entry.getElementsByTagNameNS(ATOM, "link").item(0);
            assertThat(link.getAttribute("href")).isEqualTo("briefs/mali.html");
        }
    }

    @Test
    void charactersXmlCannotHoldAreLeftOutOfTheFeedsText() {
        assertThat(SiteBuilder.xmlText("Mali\u0001\u0007 \uD83C\uDDF2\uD83C\uDDF1 \uD800x\uFFFE\tok"))
                .isEqualTo("Mali \uD83C\uDDF2\uD83C\uDDF1 x\tok");
        String plain = "Mali";
        assertThat(SiteBuilder.xmlText(plain)).isSameAs(plain);
        assertThat(SiteBuilder.ATOM_TIME.format(LocalDateTime.of(2026, 11, 27, 10, 15)))
                .isEqualTo("2026-11-27T10:15:00Z");
    }
}
