package org.councilbrief.ingest;

import static org.councilbrief.Forms.excerpt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.councilbrief.AppException;
import org.councilbrief.document.InputException;
import org.councilbrief.document.OwnSymbol;
import org.councilbrief.document.Series;
import org.councilbrief.document.SourceText;
import org.councilbrief.statement.Meeting;
import org.councilbrief.statement.Speech;
import org.councilbrief.statement.SpeechSplitter;
import org.councilbrief.statement.Statement;

/**
 * A Security Council verbatim record (S/PV.nnnn): the meeting and one statement per speech. The symbol is the record's
 * own, read from its header, the file's name ("S_PV.8703.txt") or {@code --symbol}, never from a symbol its speeches
 * cite; where they name different meetings the record is refused ({@link OwnSymbol}). The date is read from the record
 * or {@code --date}.
 */
final class MeetingRecordImporter implements Importer {
    /** More speeches are refused (decision 0032): each is stored with its proposed positions. */
    static final int MAX_SPEECHES = 2_000;
    // [ \t]* rather than \s*, which crosses line ends: on a file of blank lines \s* made the search quadratic.
    private static final Pattern LABEL = Pattern.compile(
            "(?m)^[ \\t]*(?:The President|Mr\\.|Ms\\.|Mrs\\.)[^:\\n]{0,120}:\\s");

    @Override
    public String id() {
        return "meeting-record";
    }

    @Override
    public String description() {
        return "Security Council meeting record (S/PV.…): one statement per speech";
    }

    @Override
    public boolean canRead(SourceText text) {
        return LABEL.matcher(text.text()).find();
    }

    @Override
    public ParsedImport read(SourceText source, ImportOptions options, ImportContext context) throws AppException {
        SpeechSplitter splitter = new SpeechSplitter(org.councilbrief.council.StateNames.shipped(),
                context.membership());
        List<Speech> first = splitter.split(source, null); // is it a meeting record at all?
        String symbol = OwnSymbol.of(source, Series.SC_MEETING, options.symbol(), first.get(0).line() - 1)
                .orElseThrow(() -> new InputException(source.name(), 0,
                        "the record does not print its symbol; give it with --symbol"))
                .canonical();
        LocalDate date = options.date() != null ? options.date() : SpeechSplitter.dateOf(source).orElseThrow(
                () -> new InputException(source.name(), 0, "the record does not print its date; give it with --date"));
        List<Speech> speeches = splitter.split(source, date);
        if (speeches.size() > MAX_SPEECHES) {
            throw new InputException(source.name(), 0, String.format(java.util.Locale.ROOT, "%,d speeches: a meeting"
                    + " record has at most %,d here; is it several records in one"
                    + " file?", speeches.size(), MAX_SPEECHES));
        }
        List<Statement> statements = new ArrayList<>();
        for (Speech s : speeches) {
            String onBehalf = s.onBehalfOf().isEmpty() ? null : String.join(";", s.onBehalfOf());
            String speaker = s.speaker().length() <= 300 ? s.speaker() : s.speaker().substring(0, 300);
            statements.add(new Statement(symbol, s.index(), speaker, s.countryCode(), onBehalf, s.language(),
                    s.text()));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("speeches", statements.size());
        counts.put("withState", (int) statements.stream().filter(s -> s.stateCode() != null).count());
        return new ParsedImport.MeetingRecord(new Meeting(symbol, options.situation(), date, null, null), statements,
                counts, List.of());
    }
}
