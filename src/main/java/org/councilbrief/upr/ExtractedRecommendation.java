package org.councilbrief.upr;

import java.util.List;

/**
 * A recommendation as read from a Working Group report.
 *
 * @param paragraph its number in the report: "101.3", or "56.2" for item 2 of paragraph 56 in the oldest layout
 * @param text the recommendation without its recommending states and final punctuation
 * @param recommendingStates the states as the report writes them ("United Kingdom of Great Britain and Northern
 *     Ireland", "Bolivarian Republic of Venezuela")
 * @param recommendingStateCodes their ISO codes, in the same order
 * @param response "supported", "noted", "pending" (to be examined) or null where the report does not say
 * @param line the line of the input where the recommendation starts
 */
public record ExtractedRecommendation(String paragraph, String text, List<String> recommendingStates,
        List<String> recommendingStateCodes, String response, int line) {
    public ExtractedRecommendation {
        recommendingStates = List.copyOf(recommendingStates);
        recommendingStateCodes = List.copyOf(recommendingStateCodes);
    }

    public ExtractedRecommendation withResponse(String newResponse) {
        return new ExtractedRecommendation(paragraph, text, recommendingStates, recommendingStateCodes, newResponse,
                line);
    }
}
