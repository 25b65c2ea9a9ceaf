package org.councilbrief.statement;

import java.util.List;

/**
 * One speech of a meeting record as {@code speeches split} reads it.
 *
 * @param index its place in the record, from 1
 * @param label the label as printed, without the colon ("Mr. Roscoe (United Kingdom)")
 * @param speaker the speaker's name or office ("Mr. Roscoe", "The President")
 * @param country the state spoken for as the record writes it, or null (a briefer, or the President speaking for the
 *     Council)
 * @param countryCode its ISO code, or null
 * @param language the language spoken when the record says so ("French"), or null
 * @param onBehalfOf ISO codes of the states a joint statement speaks for, the speaker's own included ("on behalf of
 *     the three African members"), or empty
 * @param text what was said
 * @param line the line of the input where the speech starts
 */
public record Speech(int index, String label, String speaker, String country, String countryCode, String language,
        List<String> onBehalfOf, String text, int line) {
    public Speech {
        onBehalfOf = List.copyOf(onBehalfOf);
    }

    /** The members the speech speaks for: every one of a joint statement, else the speaker's state, else none. */
    public List<String> members() {
        return !onBehalfOf.isEmpty() ? onBehalfOf : countryCode == null ? List.of() : List.of(countryCode);
    }

    public boolean isPresident() {
        return speaker.equals("The President");
    }
}
