package org.councilbrief.upr;

import java.time.LocalDate;
import java.util.List;

/**
 * What a Working Group report says: its symbol, the state reviewed, the session and the day of the review where the
 * report gives them, and its recommendations. Warnings name what could not be read with confidence.
 */
public record UprReport(String source, String symbol, String stateUnderReview, int session, LocalDate reviewDate,
        List<ExtractedRecommendation> recommendations, List<String> warnings) {
    public UprReport {
        recommendations = List.copyOf(recommendations);
        warnings = List.copyOf(warnings);
    }
}
