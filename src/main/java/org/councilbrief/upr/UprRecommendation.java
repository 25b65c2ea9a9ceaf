package org.councilbrief.upr;

import java.util.List;

/**
 * One recommendation of a UPR Working Group report.
 *
 * @param paragraph its number in the report ("101.3"), or null where not known
 * @param text the recommendation as the UN published it
 * @param recommendingStates ISO codes of the states that made it, in the order the report names them
 * @param response supported, noted, or null while the state under review has not answered
 * @param issues the themes it was tagged with (UPR Info's issues), or empty
 */
public record UprRecommendation(String paragraph, String text, List<String> recommendingStates, String response,
        List<String> issues) {
    public UprRecommendation {
        recommendingStates = List.copyOf(recommendingStates);
        issues = issues == null ? List.of() : List.copyOf(issues);
    }

    public UprRecommendation(String paragraph, String text, List<String> recommendingStates, String response) {
        this(paragraph, text, recommendingStates, response, List.of());
    }
}
