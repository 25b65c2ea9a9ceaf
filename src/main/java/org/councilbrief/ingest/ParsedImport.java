package org.councilbrief.ingest;

import java.util.List;
import java.util.Map;
import org.councilbrief.document.Resolution;
import org.councilbrief.document.Symbol;
import org.councilbrief.statement.Meeting;
import org.councilbrief.statement.PressSummary;
import org.councilbrief.statement.Statement;
import org.councilbrief.upr.UprReview;

/**
 * A file read and checked, ready to be written in one transaction: reviews, a meeting record, a press summary or a
 * resolution, with what was read (counts) and what was doubtful (warnings).
 */
public sealed interface ParsedImport {
    String target();

    Map<String, Integer> counts();

    List<String> warnings();

    record Reviews(String target, List<UprReview> reviews, Map<String, Integer> counts, List<String> warnings)
            implements ParsedImport {
    }

    record MeetingRecord(Meeting meeting, List<Statement> statements, Map<String, Integer> counts,
            List<String> warnings) implements ParsedImport {
        @Override
        public String target() {
            return meeting.symbol();
        }
    }

    record Press(PressSummary summary, Map<String, Integer> counts, List<String> warnings) implements ParsedImport {
        @Override
        public String target() {
            return summary.pressRelease();
        }
    }

    record ResolutionText(Symbol symbol, Resolution resolution, Map<String, Integer> counts, List<String> warnings)
            implements ParsedImport {
        @Override
        public String target() {
            return symbol.canonical();
        }
    }
}
