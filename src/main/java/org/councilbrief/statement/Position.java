package org.councilbrief.statement;

/**
 * One thing a statement does about one theme, with the sentence that shows it.
 *
 * @param stateCode the member that took the position
 * @param act what the position does
 * @param theme the theme's id in the Council scheme ("accountability")
 * @param evidence the sentence of the statement that supports it
 * @param status proposed, accepted or rejected by an editor
 * @param probability how sure the reader is of it (calibrated, decision 0038); NaN where none was measured (the
 *     rules' reading of a press summary, positions stored before the learnt reader)
 */
public record Position(String stateCode, Act act, String theme, String evidence, Status status, double probability) {
    /** A position without a measured probability. */
    public Position(String stateCode, Act act, String theme, String evidence, Status status) {
        this(stateCode, act, theme, evidence, status, Double.NaN);
    }

    /** Whether a reader measured how sure it is of this position. */
    public boolean measured() {
        return !Double.isNaN(probability);
    }

    public enum Status {
        PROPOSED, ACCEPTED, REJECTED
    }
}
