package org.councilbrief.brief;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.councilbrief.SharedData;
import org.councilbrief.council.Membership;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every format is rendered from the reference brief and read back. */
class BriefRenderersTest {
    private static BriefView view;

    @BeforeAll
    static void composeTheReference() throws Exception {
        Brief brief = new BriefTextImporter(Membership.shipped())
                .read(SharedData.read(SharedData.referenceBrief()), BriefTextImporter.Options.NONE).brief();
        view = new BriefComposer(Membership.shipped()).compose(brief);
    }

    private static byte[] render(String format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BriefRenderers.require(format).render(view, out);
        return out.toByteArray();
    }

    private static PDFTextStripper stripper() {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        return stripper;
    }

    private static String normalize(String text) {
        return text.replaceAll("\\s+", " ");
    }

    @Test
    void htmlHasAnchoredHeadingsKeyTopicLinksUprTogglesAndLinkedSymbols() throws Exception {
        String html = new String(render("html"), StandardCharsets.UTF_8);
        assertThat(html).contains("<h2 id=\"comments\">Comments by Members of the Security Council "
                + "<span class=\"count\">[551 words + UPR recommendations]</span></h2>");
        assertThat(html).contains("<a href=\"#item-comments-2\">Security Council held meeting on Mali");
        assertThat(html).contains("id=\"item-comments-2\"");
        assertThat(html).contains("<details id=\"upr-RUS\">").contains("<summary>Russia</summary>");
        assertThat(html).contains("<a href=\"https://undocs.org/S/2023/402\">S/2023/402</a>");
        assertThat(html).doesNotContain("<script");
        assertThat(html).contains("@media print");
    }

    @Test
    void pdfReadsBackWithTheBriefsText() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(render("pdf"))) {
            String text = normalize(stripper().getText(pdf));
            assertThat(pdf.getNumberOfPages()).isGreaterThan(2);
            assertThat(text).contains("Information familiar to the Security Council [513 words]");
            assertThat(text).contains("The A3, Albania, Ecuador, France, Japan, Switzerland and the UK called for "
                    + "investigations and accountability.");
            assertThat(text).contains("Russia did not offer recommendations, but noted that Mali did everything");
            assertThat(text).contains("[S/RES/2584 (2021), OP50-OP57]");
        }
    }

    @Test
    void docxHasRealHeadingsNumberedListsAndOneListPerMember() throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(render("docx")))) {
            List<XWPFParagraph> paragraphs = doc.getParagraphs();
            assertThat(paragraphs).filteredOn(p -> "Heading1".equals(p.getStyle())).extracting(XWPFParagraph::getText)
                    .contains("Relevant information for the Security Council to consider [108 words]",
                            "References in Security Council outcomes (not verbatim) [45 words]");
            assertThat(paragraphs).filteredOn(p -> "Heading2".equals(p.getStyle())).extracting(XWPFParagraph::getText)
                    .containsExactly("Briefing in the Security Council", "Women, Peace and Security",
                            "Children and Armed Conflict");
            XWPFParagraph first = paragraphs.stream().filter(p -> p.getText().startsWith("On 24 July 2023")).findFirst()
                    .orElseThrow();
            assertThat(first.getNumID()).isNotNull();
            assertThat(first.getNumFmt()).isEqualTo("decimal");
            int brazil = indexOf(paragraphs, "Brazil");
            assertThat(paragraphs.get(brazil + 1).getText()).startsWith("Pursue full cooperation");
            assertThat(paragraphs.get(brazil + 1).getNumFmt()).isEqualTo("bullet");
            assertThat(paragraphs.get(brazil + 1).getNumID()).isNotEqualTo(
                    paragraphs.get(indexOf(paragraphs, "China") + 1).getNumID());
            String all = normalize(String.join("\n", paragraphs.stream().map(XWPFParagraph::getText).toList()));
            assertThat(all).contains("S/2023/413");
        }
    }

    private static int indexOf(List<XWPFParagraph> paragraphs, String text) {
        for (int i = 0; i < paragraphs.size(); i++) {
            if (paragraphs.get(i).getText().equals(text)) {
                return i;
            }
        }
        throw new AssertionError("no paragraph " + text);
    }

    @Test
    void markdownHasHeadingsListsAndLinks() throws Exception {
        String md = new String(render("md"), StandardCharsets.UTF_8);
        String html = HtmlRenderer.builder().build().render(Parser.builder().build().parse(md));
        assertThat(html).contains("<h2>Comments by Members of the Security Council [551 words + UPR recommendations]</h2>");
        assertThat(html).contains("<a href=\"https://undocs.org/S/2023/402\">S/2023/402</a>");
        assertThat(html).contains("<h3>Women, Peace and Security</h3>");
        assertThat(html).contains("<strong>USA</strong>");
    }

    @Test
    void jsonCarriesTheComputedView() throws Exception {
        JsonNode json = BriefJson.MAPPER.readTree(render("json"));
        assertThat(json.at("/sections/0/wordCount").asInt()).isEqualTo(108);
        assertThat(json.at("/keyTopics/2/topics/0/text").asText()).isEqualTo(
                "Security Council adopted resolution on MINUSMA's withdrawal (30 June 2023): Albania, Ecuador, Malta, "
                        + "Switzerland, the UK and the US.");
    }
}
