package org.councilbrief.statement;

/**
 * What one speaker said at one meeting.
 *
 * @param meeting symbol of the meeting record
 * @param index the speech's place in the meeting, from 1
 * @param speaker the speaker as the record names them ("Mr. Roscoe")
 * @param stateCode the state the speaker spoke for, or null (a briefer)
 * @param onBehalfOf a grouping spoken for ("A3"), or null
 * @param language the language spoken when not English ("French"), or null
 * @param text what was said
 */
public record Statement(String meeting, int index, String speaker, String stateCode, String onBehalfOf,
        String language, String text) {
}
