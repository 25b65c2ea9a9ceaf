package org.councilbrief.brief;

import java.util.List;

/** One paragraph of an item, as runs of text and member lists. */
public record Paragraph(List<Segment> segments) {
    public Paragraph {
        segments = List.copyOf(segments);
    }

    public static Paragraph of(String text) {
        return new Paragraph(List.of(Segment.text(text)));
    }
}
