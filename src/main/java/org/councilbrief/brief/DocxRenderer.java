package org.councilbrief.brief;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.councilbrief.brief.BriefView.Block;
import org.councilbrief.brief.BriefView.KeyTopic;
import org.councilbrief.brief.BriefView.KeyTopicGroup;
import org.councilbrief.brief.BriefView.ParagraphView;
import org.councilbrief.brief.BriefView.SectionView;
import org.councilbrief.brief.BriefView.Span;
import org.councilbrief.brief.BriefView.UprMember;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * Word (.docx) through Apache POI: real heading styles (Title, Heading 1-3) so the document has an outline, numbered
 * lists that Word renumbers, and one bulleted list of recommendations per Council member.
 */
final class DocxRenderer implements BriefRenderer {
    @Override
    public String format() {
        return "docx";
    }

    @Override
    public String contentType() {
        return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    }

    @Override
    public String extension() {
        return "docx";
    }

    @Override
    public void render(BriefView view, OutputStream out) throws IOException {
        render(view, null, out);
    }

    /** The document, with {@code mark} ("Draft — not published") above the title when it is not null. */
    static void render(BriefView view, String mark, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFStyles styles = doc.createStyles();
            addHeadingStyle(styles, "Title", "Title", 0, 36);
            addHeadingStyle(styles, "Heading1", "heading 1", 1, 28);
            addHeadingStyle(styles, "Heading2", "heading 2", 2, 24);
            addHeadingStyle(styles, "Heading3", "heading 3", 3, 22);
            XWPFNumbering numbering = doc.createNumbering();
            BigInteger decimal = numbering.addAbstractNum(abstractNum(0, STNumberFormat.DECIMAL, "%1."));
            BigInteger bullet = numbering.addAbstractNum(abstractNum(1, STNumberFormat.BULLET, "•"));

            if (mark != null) {
                XWPFParagraph p = doc.createParagraph();
                p.setAlignment(org.apache.poi.xwpf.usermodel.ParagraphAlignment.CENTER);
                p.setBorderTop(org.apache.poi.xwpf.usermodel.Borders.DASHED);
                p.setBorderBottom(org.apache.poi.xwpf.usermodel.Borders.DASHED);
                XWPFRun run = p.createRun();
                run.setBold(true);
                run.setColor("B3261E");
                run.setText(mark);
            }
            heading(doc, "Title", view.situationName());
            plain(doc, view.updatedLine()).getRuns().get(0).setItalic(true);
            view.intro().forEach(p -> plain(doc, p));
            heading(doc, "Heading1", "Key topics");
            for (KeyTopicGroup group : view.keyTopics()) {
                if (group.topics().isEmpty()) {
                    continue;
                }
                heading(doc, "Heading3", group.heading());
                BigInteger list = newList(numbering, decimal);
                for (KeyTopic topic : group.topics()) {
                    XWPFParagraph p = plain(doc, topic.text());
                    listItem(p, list);
                }
            }
            for (SectionView section : view.sections()) {
                heading(doc, "Heading1", section.heading());
                for (Block block : section.blocks()) {
                    if (block.subHeading() != null) {
                        heading(doc, "Heading2", block.subHeading());
                    }
                    BigInteger list = newList(numbering, decimal);
                    for (ParagraphView pv : block.paragraphs()) {
                        XWPFParagraph p = doc.createParagraph();
                        if (pv.number() > 0) {
                            listItem(p, list);
                        }
                        for (Span span : pv.spans()) {
                            if (span.url() != null) {
                                XWPFHyperlinkRun link = p.createHyperlinkRun(span.url());
                                link.setText(span.text());
                                link.setUnderline(org.apache.poi.xwpf.usermodel.UnderlinePatterns.SINGLE);
                                link.setColor("0B5CAD");
                            } else {
                                p.createRun().setText(span.text());
                            }
                        }
                        if (pv.upr() != null) {
                            if (pv.upr().gap() != null) {
                                plain(doc, pv.upr().gap()).getRuns().get(0).setItalic(true);
                            }
                            for (UprMember member : pv.upr().members()) {
                                XWPFParagraph name = doc.createParagraph();
                                XWPFRun run = name.createRun();
                                run.setBold(true);
                                run.setText(member.label());
                                BigInteger recommendations = newList(numbering, bullet);
                                for (String r : member.recommendations()) {
                                    listItem(plain(doc, r), recommendations);
                                }
                                if (member.note() != null) {
                                    XWPFParagraph note = plain(doc, member.note());
                                    listItem(note, recommendations);
                                    note.getRuns().get(0).setItalic(true);
                                }
                            }
                        }
                        if (pv.sources() != null) {
                            sources(doc, pv.sources());
                        }
                    }
                }
            }
            doc.write(out);
        }
    }

    /** The sources of an item, each linked where it has an address, in a smaller paragraph after the item. */
    private static void sources(XWPFDocument doc, java.util.List<BriefView.SourceView> sources) {
        XWPFParagraph p = doc.createParagraph();
        p.setIndentationLeft(720);
        XWPFRun label = p.createRun();
        label.setText(sources.size() == 1 ? "Source: " : "Sources: ");
        label.setFontSize(9);
        for (int i = 0; i < sources.size(); i++) {
            BriefView.SourceView source = sources.get(i);
            if (i > 0) {
                XWPFRun separator = p.createRun();
                separator.setText("; ");
                separator.setFontSize(9);
            }
            XWPFRun run;
            if (source.url() != null && linkable(source.url())) {
                XWPFHyperlinkRun link = p.createHyperlinkRun(source.url());
                link.setUnderline(org.apache.poi.xwpf.usermodel.UnderlinePatterns.SINGLE);
                link.setColor("0B5CAD");
                run = link;
            } else {
                run = p.createRun();
            }
            run.setText(source.text());
            run.setFontSize(9);
        }
    }

    /** Whether Word can take the address as a link (an address typed with spaces or brackets is printed only). */
    private static boolean linkable(String url) {
        try {
            new java.net.URI(url);
            return true;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** A list instance that starts again at 1 (Word otherwise continues the count across lists of one kind). */
    private static BigInteger newList(XWPFNumbering numbering, BigInteger abstractNum) {
        BigInteger id = numbering.addNum(abstractNum);
        var override = numbering.getNum(id).getCTNum().addNewLvlOverride();
        override.setIlvl(BigInteger.ZERO);
        override.addNewStartOverride().setVal(BigInteger.ONE);
        return id;
    }

    private static void listItem(XWPFParagraph paragraph, BigInteger list) {
        paragraph.setNumID(list);
        paragraph.setNumILvl(BigInteger.ZERO);
    }

    private static XWPFParagraph plain(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.createRun().setText(text);
        return p;
    }

    private static void heading(XWPFDocument doc, String style, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(style);
        p.createRun().setText(text);
    }

    private static void addHeadingStyle(XWPFStyles styles, String id, String name, int level, int halfPoints) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal(name);
        style.addNewQFormat();
        if (level > 0) {
            style.addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
        }
        var rpr = style.addNewRPr();
        rpr.addNewB();
        rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        rpr.addNewColor().setVal("0D3B66");
        styles.addStyle(new XWPFStyle(style));
    }

    private static XWPFAbstractNum abstractNum(int id, STNumberFormat.Enum format, String text) {
        CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
        abstractNum.setAbstractNumId(BigInteger.valueOf(id));
        CTLvl level = abstractNum.addNewLvl();
        level.setIlvl(BigInteger.ZERO);
        level.addNewNumFmt().setVal(format);
        level.addNewLvlText().setVal(text);
        level.addNewStart().setVal(BigInteger.ONE);
        var indent = level.addNewPPr().addNewInd();
        indent.setLeft(BigInteger.valueOf(720));
        indent.setHanging(BigInteger.valueOf(360));
        return new XWPFAbstractNum(abstractNum);
    }
}
