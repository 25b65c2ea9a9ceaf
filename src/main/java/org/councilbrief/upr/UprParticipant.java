package org.councilbrief.upr;

/**
 * A state that took the floor in a review's interactive dialogue without making a recommendation.
 *
 * @param code ISO code of the state
 * @param note what it said instead, as a brief reports it ("noted that Mali did everything possible to …"), or null
 */
public record UprParticipant(String code, String note) {
}
