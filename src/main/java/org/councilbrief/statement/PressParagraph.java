package org.councilbrief.statement;

import java.util.List;

/**
 * One paragraph of a press-release meeting summary (SC/nnnnn) with the speaker it reports.
 *
 * @param index the paragraph's place in the release, from 1
 * @param speaker how the release names the speaker ("The representative of Ghana", "El-Ghassim Wane"), or null for
 *     the release's own narrative
 * @param countryCode the state of the speaker, or null (a briefer, the narrative)
 * @param onBehalfOf ISO codes of all the states the speaker spoke for, the speaker's own first, when the release says
 *     "also speaking for" or "on behalf of"; else empty
 * @param text the paragraph
 * @param line the line of the input where the paragraph starts
 */
public record PressParagraph(int index, String speaker, String countryCode, List<String> onBehalfOf, String text,
        int line) {
    public PressParagraph {
        onBehalfOf = List.copyOf(onBehalfOf);
    }

    /** The members the paragraph reports: every one a joint statement spoke for, else the speaker's state. */
    public List<String> members() {
        return !onBehalfOf.isEmpty() ? onBehalfOf : countryCode == null ? List.of() : List.of(countryCode);
    }
}
