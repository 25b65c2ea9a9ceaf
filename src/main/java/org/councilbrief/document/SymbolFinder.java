package org.councilbrief.document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the document symbols cited in running text, including the way briefs name resolutions in prose
 * ("resolution 2690 (2023)"), and the paragraph reference that follows a symbol ("[S/RES/2374(2017), OP8]",
 * "(S/2023/402 …) … [para 19]").
 */
public final class SymbolFinder {
    private SymbolFinder() {
    }

    /**
     * A symbol found in text.
     *
     * @param start offset of the first character of the symbol as written
     * @param end offset after its last character
     * @param symbol the symbol in canonical form
     */
    public record Found(int start, int end, Symbol symbol) {
    }

    private static final Pattern SYMBOL = Pattern.compile(
            "S/RES/\\d{1,5}\\s?\\(\\d{4}\\)|S/PRST/\\d{4}/\\d{1,4}|S/PV\\.\\d{1,5}(?: \\(Resumption \\d\\))?"
                    + "|S/\\d{4}/\\d{1,5}(?:/Add\\.\\d{1,3})?|A/HRC/RES/\\d{1,3}/\\d{1,4}|A/HRC/\\d{1,3}/\\d{1,4}(?:/Add\\.\\d{1,3})?"
                    + "|A/RES/\\d{1,3}/\\d{1,4}|\\bSC/\\d{4,6}");
    private static final Pattern RESOLUTION_IN_PROSE = Pattern.compile("\\b[Rr]esolution (\\d{1,5}) \\((\\d{4})\\)");

    public static List<Found> find(String text) {
        List<Found> found = new ArrayList<>();
        Matcher m = SYMBOL.matcher(text);
        while (m.find()) {
            Symbols.tryParse(m.group()).ifPresent(s -> found.add(new Found(m.start(), m.end(), s)));
        }
        Matcher r = RESOLUTION_IN_PROSE.matcher(text);
        while (r.find()) {
            Symbols.tryParse("S/RES/" + r.group(1) + " (" + r.group(2) + ")")
                    .ifPresent(s -> found.add(new Found(r.start(), r.end(), s)));
        }
        found.sort(Comparator.comparingInt(Found::start));
        return found;
    }
}
