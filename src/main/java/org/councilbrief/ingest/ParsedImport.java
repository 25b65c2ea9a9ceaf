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

    /** The first things read, as lines an editor can check before confirming. */
    default List<String> firstItems(int n) {
        List<String> items = switch (this) {
            case Reviews r -> r.reviews().stream().flatMap(v -> v.recommendations().stream())
                    .map(x -> (x.paragraph() == null ? "" : x.paragraph() + " ") + x.text() + " ("
                            + String.join(", ", x.recommendingStates()) + ")").toList();
            case MeetingRecord m -> m.statements().stream().map(s -> s.index() + ". " + s.speaker()
                    + (s.stateCode() == null ? "" : " (" + s.stateCode() + ")") + ": " + clip(s.text())).toList();
            case Press p -> p.summary().paragraphs().stream().map(x -> (x.speaker() == null ? "" : x.speaker()
                    + ": ") + clip(x.text())).toList();
            case ResolutionText t -> t.resolution().paragraphs().stream().map(x -> x.label() + " " + clip(x.text()))
                    .toList();
        };
        return items.subList(0, Math.min(n, items.size()));
    }

    private static String clip(String text) {
        return text.length() <= 160 ? text : text.substring(0, 157) + "…";
    }

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

    /** A press summary, and the situation its meeting is about when the person importing names it (else null). */
    record Press(PressSummary summary, String situation, Map<String, Integer> counts, List<String> warnings)
            implements ParsedImport {
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
