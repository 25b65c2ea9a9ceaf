package org.councilbrief.brief;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Everything a rendered brief shows, decided once: headings with their word counts, the key topics with their member
 * lists, numbered paragraphs with their links, and the UPR block chosen by the Council's composition. Every
 * {@link BriefRenderer} only formats this record.
 */
public record BriefView(String situation, String situationName, String updatedLine, List<String> intro,
        List<KeyTopicGroup> keyTopics, List<SectionView> sections) {

    /** The key topics of one section. */
    public record KeyTopicGroup(SectionKind kind, String heading, String anchor, List<KeyTopic> topics) {
    }

    /** One key-topic line, without its number; {@code anchor} is the item it jumps to. */
    public record KeyTopic(int number, String text, String anchor) {
    }

    /** A section with its heading ("… [108 words]") and its blocks. */
    public record SectionView(SectionKind kind, String title, String heading, String anchor, int wordCount,
            boolean withUpr, List<Block> blocks) {
    }

    /** Paragraphs under one sub-heading (or none), numbered from 1. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Block(String subHeading, String anchor, List<ParagraphView> paragraphs) {
    }

    /**
     * One paragraph.
     *
     * @param number its number in its block, or 0 for an unnumbered paragraph
     * @param anchor the item's anchor, on the first paragraph of each item; null on the others
     * @param text the paragraph as plain text
     * @param spans the same text cut where a symbol is cited, each cited symbol carrying its URL
     * @param upr the UPR block that follows the paragraph, or null
     * @param sources on an item's last paragraph, the item's sources that its text does not already cite; else null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ParagraphView(int number, String anchor, String text, List<Span> spans, UprBlock upr,
            List<SourceView> sources) {
    }

    /**
     * A source of an item as every format shows it.
     *
     * @param symbol the document's symbol ("S/2023/402"), or null for a source given by its address
     * @param paragraph the paragraph cited ("para 19"), or null
     * @param text how the reference reads: "S/2023/402, para 19", or the address
     * @param url where the document is: the UN's address for the symbol, or the address given
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SourceView(String symbol, String paragraph, String text, String url) {
    }

    /** A piece of paragraph text; {@code url} is set where the piece is a cited document. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Span(String text, String url) {
    }

    /** Recommendations made by the states on the Council on the brief's date, per member. */
    /**
     * @param gap what to say when the Council's elected members on the brief's date are not all recorded, so that the
     *     block lists the recommendations of the members that are; null when they are
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UprBlock(String review, List<UprMember> members, String gap) {
    }

    /** One member's recommendations, or its note when it took part without recommending. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UprMember(String code, String label, String anchor, List<String> recommendations, String note) {
    }
}
