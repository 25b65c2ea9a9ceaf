package org.councilbrief.brief;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * One item of a brief: a key topic with its paragraphs.
 *
 * @param id stable id, used for anchors ("comments-2")
 * @param title the short title shown in the key topics
 * @param date the date of the event, or null (a published brief may lack one; a composed one may not)
 * @param subHeading the sub-heading the item stands under ("Women, Peace and Security"), or null
 * @param numbered whether its paragraphs are numbered
 * @param paragraphs the item's text
 * @param sources where its facts come from
 * @param meeting symbol of the Council meeting the item reports, or null
 * @param uprReview id of the UPR review whose recommendations by Council members follow the text, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Item(String id, String title, LocalDate date, String subHeading, boolean numbered,
        List<Paragraph> paragraphs, List<Source> sources, String meeting, String uprReview) {
    public Item {
        paragraphs = List.copyOf(paragraphs);
        sources = List.copyOf(sources);
    }
}
