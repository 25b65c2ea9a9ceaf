package org.councilbrief.statement;

import java.util.List;

/**
 * A press-release meeting summary: its number (SC/15341), the meeting it covers (S/PV.9365) where it says so, its
 * headline and its paragraphs with their speakers.
 */
public record PressSummary(String pressRelease, String meeting, String headline, List<PressParagraph> paragraphs) {
    public PressSummary {
        paragraphs = List.copyOf(paragraphs);
    }
}
