package org.councilbrief.ingest;

import static org.councilbrief.Forms.excerpt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.councilbrief.AppException;
import org.councilbrief.document.InputException;
import org.councilbrief.document.OwnSymbol;
import org.councilbrief.document.ParagraphRef;
import org.councilbrief.document.Resolution;
import org.councilbrief.document.ResolutionParser;
import org.councilbrief.document.Series;
import org.councilbrief.document.SourceText;
import org.councilbrief.document.Symbol;

/**
 * A Security Council resolution: its preambular and operative paragraphs, so that citations resolve to text. Its symbol
 * is its own, read from the lines above "The Security Council,", the file's name or {@code --symbol}, never from the
 * resolutions its preamble recalls ({@link OwnSymbol}).
 */
final class ResolutionImporter implements Importer {
    // [ \t]* rather than \s*, which crosses line ends: on a file of blank lines \s* made the search quadratic.
    private static final Pattern LOOKS_LIKE = Pattern.compile(
            "(?m)^[ \\t]*The Security Council[ \\t]*[,;:]?[ \\t]*$");

    @Override
    public String id() {
        return "resolution";
    }

    @Override
    public String description() {
        return "Security Council resolution (S/RES/…): preambular and operative paragraphs";
    }

    @Override
    public boolean canRead(SourceText text) {
        return LOOKS_LIKE.matcher(text.text()).find();
    }

    @Override
    public ParsedImport read(SourceText source, ImportOptions options, ImportContext context) throws AppException {
        Resolution resolution = ResolutionParser.parse(source, null);
        Symbol symbol = OwnSymbol.of(source, Series.SC_RESOLUTION, options.symbol(), preamble(source))
                .orElseThrow(() -> new InputException(source.name(), 0,
                        "the resolution does not print its symbol; give it with --symbol"));
        resolution = new Resolution(symbol.canonical(), resolution.title(), resolution.paragraphs(),
                resolution.adopted());
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("preambular", (int) resolution.paragraphs().stream()
                .filter(p -> p.kind() == ParagraphRef.Kind.PP).count());
        counts.put("operative", (int) resolution.paragraphs().stream()
                .filter(p -> p.kind() == ParagraphRef.Kind.OP && p.sub().isEmpty()).count());
        return new ParsedImport.ResolutionText(symbol, resolution, counts, List.of());
    }

    /** The line "The Security Council," that opens the preamble: the header is above it. */
    private static int preamble(SourceText source) {
        List<String> lines = source.lines();
        for (int i = 0; i < lines.size(); i++) {
            if (LOOKS_LIKE.matcher(lines.get(i)).matches()) {
                return i;
            }
        }
        return lines.size();
    }
}
