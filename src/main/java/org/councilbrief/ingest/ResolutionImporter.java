package org.councilbrief.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.councilbrief.AppException;
import org.councilbrief.document.InputException;
import org.councilbrief.document.ParagraphRef;
import org.councilbrief.document.Resolution;
import org.councilbrief.document.ResolutionParser;
import org.councilbrief.document.Series;
import org.councilbrief.document.SourceText;
import org.councilbrief.document.Symbol;
import org.councilbrief.document.Symbols;

/** A Security Council resolution: its preambular and operative paragraphs, so that citations resolve to text. */
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
        String symbolText = options.symbol() != null ? options.symbol() : resolution.symbol();
        if (symbolText == null) {
            throw new InputException(source.name(), 0, "the resolution does not print its symbol; give it with --symbol");
        }
        Symbol symbol = Symbols.parse(symbolText);
        if (symbol.series() != Series.SC_RESOLUTION) {
            throw new AppException("'" + symbolText + "' is not the symbol of a resolution (S/RES/nnnn (yyyy))");
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("preambular", (int) resolution.paragraphs().stream()
                .filter(p -> p.kind() == ParagraphRef.Kind.PP).count());
        counts.put("operative", (int) resolution.paragraphs().stream()
                .filter(p -> p.kind() == ParagraphRef.Kind.OP && p.sub().isEmpty()).count());
        return new ParsedImport.ResolutionText(symbol, resolution, counts, List.of());
    }
}
