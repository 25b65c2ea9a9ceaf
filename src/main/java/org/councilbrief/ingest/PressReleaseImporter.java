package org.councilbrief.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.councilbrief.AppException;
import org.councilbrief.document.InputException;
import org.councilbrief.document.OwnSymbol;
import org.councilbrief.document.Series;
import org.councilbrief.document.SourceText;
import org.councilbrief.statement.PressSummary;
import org.councilbrief.statement.PressSummaryParser;

/**
 * A press-release meeting summary (SC/nnnnn): its paragraphs with the speakers they report. Its number is its own, read
 * from the lines above its first paragraph, the file's name or {@code --symbol} ({@link OwnSymbol}).
 */
final class PressReleaseImporter implements Importer {
    private static final Pattern LOOKS_LIKE = Pattern.compile("\\bSC/\\d{4,6}\\b|\\d{4,5}(?:st|nd|rd|th) Meeting");

    @Override
    public String id() {
        return "press-release";
    }

    @Override
    public String description() {
        return "press-release meeting summary (SC/…): paragraphs with their speakers";
    }

    @Override
    public boolean canRead(SourceText text) {
        return LOOKS_LIKE.matcher(text.text()).find();
    }

    @Override
    public ParsedImport read(SourceText source, ImportOptions options, ImportContext context) throws AppException {
        PressSummary summary = new PressSummaryParser().parse(source);
        int bodyStart = summary.paragraphs().get(0).line() - 1;
        String number = OwnSymbol.of(source, Series.SC_PRESS_RELEASE, options.symbol(), bodyStart)
                .orElseThrow(() -> new InputException(source.name(), 0,
                        "the summary does not print its number; give it with --symbol"))
                .canonical();
        summary = new PressSummary(number, summary.meeting(), options.date() != null ? options.date() : summary.date(),
                summary.headline(), summary.paragraphs());
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("paragraphs", summary.paragraphs().size());
        counts.put("attributed", (int) summary.paragraphs().stream().filter(p -> p.speaker() != null).count());
        return new ParsedImport.Press(summary, options.situation(), counts, List.of());
    }
}
