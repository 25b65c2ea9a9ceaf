package org.councilbrief.upr;

import java.time.LocalDate;
import java.util.List;

/**
 * A Universal Periodic Review of one state: cycle, Working Group session, date of the review, its recommendations and
 * the states that spoke without recommending.
 *
 * @param id a stable key, by default the state's code and the review date ("MLI-2023-05-02")
 * @param stateUnderReview ISO code of the state under review
 * @param cycle 1 to 4, or 0 where not known
 * @param session Working Group session, or 0 where not known
 * @param date the day of the review in the Working Group
 * @param report symbol of the Working Group report (A/HRC/54/9), or null
 * @param source where the recommendations were read from ("A/HRC/8/29", "UPR Info export"), or null
 */
public record UprReview(String id, String stateUnderReview, int cycle, int session, LocalDate date, String report,
        List<UprRecommendation> recommendations, List<UprParticipant> participants, String source) {
    public UprReview {
        recommendations = List.copyOf(recommendations);
        participants = List.copyOf(participants);
    }

    public UprReview(String id, String stateUnderReview, int cycle, int session, LocalDate date, String report,
            List<UprRecommendation> recommendations, List<UprParticipant> participants) {
        this(id, stateUnderReview, cycle, session, date, report, recommendations, participants, null);
    }

    /** The key of a review known by its session: the state's code and the session ("DZA-S1"). */
    public static String sessionId(String stateUnderReview, int session) {
        return stateUnderReview + "-S" + session;
    }

    public static String defaultId(String stateUnderReview, LocalDate date) {
        return stateUnderReview + "-" + date;
    }
}
