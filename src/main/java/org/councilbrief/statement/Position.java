package org.councilbrief.statement;

/**
 * One thing a statement does about one theme, with the sentence that shows it.
 *
 * @param stateCode the member that took the position
 * @param act what the position does
 * @param theme the theme's id in the Council scheme ("accountability")
 * @param evidence the sentence of the statement that supports it
 * @param status proposed, accepted or rejected by an editor
 */
public record Position(String stateCode, Act act, String theme, String evidence, Status status) {
    public enum Status {
        PROPOSED, ACCEPTED, REJECTED
    }
}
