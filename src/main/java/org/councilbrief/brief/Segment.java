package org.councilbrief.brief;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A run of a paragraph: either plain text, or a member list held as references (state codes, grouping ids) and written
 * out when the brief is rendered, so that it is always in a brief's order and form.
 *
 * @param text the text, or null for a member list
 * @param members state codes and grouping ids, or null for text
 * @param expand whether groupings are followed by their members: "the A3 (Gabon, Ghana and Mozambique)"
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record Segment(String text, List<String> members, boolean expand) {

    public static Segment text(String text) {
        return new Segment(text, null, false);
    }

    public static Segment members(List<String> members, boolean expand) {
        return new Segment(null, List.copyOf(members), expand);
    }

    @JsonIgnore
    public boolean isMembers() {
        return members != null;
    }
}
