package org.councilbrief.situation;

import java.time.LocalDate;

/**
 * A Council meeting on a situation that an editor knows is coming: a briefing, consultations or a mandate renewal.
 *
 * @param id its id in the database
 * @param situation the situation's id
 * @param date the day of the meeting
 * @param title what it is ("Briefing on MINUSMA", "Renewal of the sanctions regime")
 * @param source where it was announced (the programme of work, a resolution's expiry date), a URL or a symbol, or null
 */
public record PlannedMeeting(long id, String situation, LocalDate date, String title, String source) {
}
