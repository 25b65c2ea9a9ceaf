package org.councilbrief.statement;

import java.time.LocalDate;
import java.util.List;

/**
 * A press-release meeting summary: its number (SC/15341), the meeting it covers (S/PV.9365) where it says so, the
 * meeting's date where the release prints it (else null), its headline and its paragraphs with their speakers.
 */
public record PressSummary(String pressRelease, String meeting, LocalDate date, String headline,
        List<PressParagraph> paragraphs) {
    public PressSummary {
        paragraphs = List.copyOf(paragraphs);
    }
}
