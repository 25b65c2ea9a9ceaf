package org.councilbrief.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.councilbrief.AppException;

/**
 * A document's own symbol, as distinct from the symbols it cites. It is read from three places only, never from the
 * running text (a President's "(see S/PV.8745)" is a citation, not the record's name):
 * <ul>
 * <li><b>the header</b>: the lines before the document's body on its first page ("United Nations S/PV.8706",
 * "8706th meeting", "Resolution 2690 (2023)", "SC/15398") and its running headers, where the symbol stands on a line
 * of the header's own, outside parentheses;</li>
 * <li><b>the file name</b>: "S_PV.8765.txt", "SPV.8703.pdf", "S-RES-2690(2023).pdf", "res2690_2023.txt",
 * "SC_15398.txt";</li>
 * <li><b>the symbol the person importing gives</b>.</li>
 * </ul>
 * Those that name a symbol must name the same one; otherwise the import is refused, naming both and the file, so
 * that one meeting is never stored under another's symbol.
 */
public final class OwnSymbol {
    /** A header line is short: longer lines are the document's text. */
    private static final int HEADER_LINE = 110;
    /** How far into the first page the header may reach. */
    private static final int HEADER_LINES = 60;
    private static final Pattern NTH_MEETING = Pattern.compile("\\b(\\d{1,5})(?:st|nd|rd|th) [Mm]eeting\\b");
    private static final Pattern PV_IN_NAME = Pattern.compile(
            "(?<![A-Za-z])S[/_-]?PV[._-]?(\\d{1,5})(?:[ _-]*\\(?Resumption[ _-]*(\\d)\\)?)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern RES_IN_NAME = Pattern.compile(
            "(?<![A-Za-z])(?:S[/_-]?)?RES[/_-]?(\\d{1,5})[ _-]*\\(?((?:19|20)\\d{2})\\)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern SC_IN_NAME = Pattern.compile("(?<![A-Za-z])SC[/_-]?(\\d{4,6})(?!\\d)",
            Pattern.CASE_INSENSITIVE);
    private static final String GIVEN = "the symbol given";
    private static final Pattern RESOLUTION_TITLE = Pattern.compile("^\\s*Resolution (\\d{1,5}) \\((\\d{4})\\)");

    private OwnSymbol() {
    }

    /**
     * Where a symbol was read.
     *
     * @param symbol the symbol
     * @param from how a message names the place ("its header, line 1", "its file name", "the symbol given")
     * @param numberOnly the place cannot say which resumption of a meeting it is ("8706th meeting", a file name
     *     without one), so it agrees with any resumption of that meeting
     */
    public record Claim(Symbol symbol, String from, boolean numberOnly) {
        boolean agrees(Claim other) {
            Symbol a = symbol;
            Symbol b = other.symbol;
            return a.series() == b.series() && a.number() == b.number() && a.year() == b.year()
                    && a.session() == b.session() && (a.part() == b.part() || numberOnly || other.numberOnly);
        }
    }

    /**
     * The document's own symbol of {@code series}: from the symbol given, its header or its file name, all of which
     * that name one agreeing; empty when none does.
     *
     * @param bodyStart the 0-based line where the document's body begins (its first speech, its preamble, its first
     *     paragraph); the header is what comes before it on the first page, and the running headers
     * @throws AppException when the symbol given is not of the series, or two places name different symbols
     */
    public static Optional<Symbol> of(SourceText source, Series series, String given, int bodyStart)
            throws AppException {
        List<Claim> claims = new ArrayList<>();
        if (given != null && !given.isBlank()) {
            Symbol symbol = Symbols.parse(given);
            if (symbol.series() != series) {
                throw new AppException("'" + given.strip() + "' is not the symbol of " + kind(series));
            }
            claims.add(new Claim(symbol, GIVEN, false));
        }
        header(source, series, bodyStart).ifPresent(claims::add);
        inFileName(source.name(), series).ifPresent(claims::add);
        for (int i = 0; i < claims.size(); i++) {
            for (int j = i + 1; j < claims.size(); j++) {
                Claim a = claims.get(i);
                Claim b = claims.get(j);
                if (!a.agrees(b)) {
                    throw new InputException(source.name(), 0, a.from() + " says " + a.symbol() + " but " + b.from()
                            + " says " + b.symbol() + "; check which document this is, then "
                            + (a.from().equals(GIVEN) ? "correct the symbol" : "rename the file")
                            + " and import it again");
                }
            }
        }
        return claims.stream().filter(c -> !c.numberOnly()).findFirst().or(() -> claims.stream().findFirst())
                .map(Claim::symbol);
    }

    private static String kind(Series series) {
        return switch (series) {
            case SC_MEETING -> "a meeting record (S/PV.nnnn)";
            case SC_RESOLUTION -> "a resolution (S/RES/nnnn (yyyy))";
            case SC_PRESS_RELEASE -> "a press release (SC/nnnnn)";
            default -> "this kind of document";
        };
    }

    /** The symbol a file's name gives, if it gives one of {@code series}. */
    public static Optional<Claim> inFileName(String name, Series series) {
        String file = name.replace('\\', '/');
        file = file.substring(file.lastIndexOf('/') + 1);
        Matcher m = switch (series) {
            case SC_MEETING -> PV_IN_NAME.matcher(file);
            case SC_RESOLUTION -> RES_IN_NAME.matcher(file);
            case SC_PRESS_RELEASE -> SC_IN_NAME.matcher(file);
            default -> null;
        };
        if (m == null || !m.find()) {
            return Optional.empty();
        }
        String text = switch (series) {
            case SC_MEETING -> "S/PV." + m.group(1) + (m.group(2) != null ? " (Resumption " + m.group(2) + ")" : "");
            case SC_RESOLUTION -> "S/RES/" + m.group(1) + " (" + m.group(2) + ")";
            default -> "SC/" + m.group(1);
        };
        boolean numberOnly = series == Series.SC_MEETING && m.group(2) == null;
        return Symbols.tryParse(text).map(s -> new Claim(s, "its file name", numberOnly));
    }

    /** The first symbol of {@code series} the header prints: on the first page before the body, or running. */
    static Optional<Claim> header(SourceText source, Series series, int bodyStart) {
        List<String> lines = source.lines();
        List<Integer> candidates = new ArrayList<>();
        int end = Math.min(Math.min(bodyStart, lines.size()), HEADER_LINES);
        for (int i = 0; i < end; i++) {
            if (i > 0 && lines.get(i).indexOf('\f') >= 0) {
                break; // the first page ends
            }
            candidates.add(i);
        }
        for (int i : PageFurniture.of(lines).indexes()) {
            if (i >= end) {
                candidates.add(i);
            }
        }
        for (int i : candidates) {
            String line = lines.get(i).replace('\f', ' ').replace('\u00A0', ' ').strip();
            if (line.isEmpty() || line.length() > HEADER_LINE) {
                continue;
            }
            Optional<Claim> claim = inHeaderLine(line, series, "its header (line " + (i + 1) + ")");
            if (claim.isPresent()) {
                return claim;
            }
        }
        return Optional.empty();
    }

    private static Optional<Claim> inHeaderLine(String line, Series series, String from) {
        for (SymbolFinder.Found found : SymbolFinder.find(line)) {
            if (found.symbol().series() == series && !inParentheses(line, found.start())) {
                return Optional.of(new Claim(found.symbol(), from, false));
            }
        }
        if (series == Series.SC_MEETING) {
            Matcher m = NTH_MEETING.matcher(line);
            if (m.find() && !inParentheses(line, m.start())) {
                return Symbols.tryParse("S/PV." + m.group(1)).map(s -> new Claim(s, from, true));
            }
        }
        if (series == Series.SC_RESOLUTION) {
            Matcher m = RESOLUTION_TITLE.matcher(line);
            if (m.find()) {
                return Symbols.tryParse("S/RES/" + m.group(1) + " (" + m.group(2) + ")")
                        .map(s -> new Claim(s, from, false));
            }
        }
        return Optional.empty();
    }

    /** A symbol inside parentheses is cited ("(see S/PV.8745)", "(S/2023/402)"), not the document's own. */
    private static boolean inParentheses(String line, int at) {
        int depth = 0;
        for (int i = 0; i < at; i++) {
            char c = line.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            }
        }
        return depth > 0;
    }
}
