package org.councilbrief.upr;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.councilbrief.council.StateNames;
import org.councilbrief.document.InputException;
import org.councilbrief.document.Ordinals;
import org.councilbrief.document.PageFurniture;
import org.councilbrief.document.SourceText;

/**
 * Reads the recommendations out of a UPR Working Group report: the numbered items of its "Conclusions and/or
 * recommendations" section, in the layouts of all four cycles.
 * <ul>
 * <li>From 2011 on, each recommendation has its own number, "101.3 Ratify … (France) (Iraq);".</li>
 * <li>The oldest reports number items 1., 2., … inside one paragraph (56.) and group them by the answer: enjoys the
 * support, will be examined, did not enjoy the support. The item numbers restart in each paragraph, and a paragraph's
 * number can equal an item's, so an ambiguous number is read as an item when its text ends with recommending states.
 * </li>
 * </ul>
 * Lines are joined across line and page breaks once the running headers and footers are gone; the recommending states
 * are the bracketed state names that end the item: "(France) (Iraq) (Poland)", "(Brazil, Chile)", "(Bolivia
 * (Plurinational State of))".
 */
public final class UprReportParser {
    private static final Pattern HEADING = Pattern.compile(
            "^\\s*(?:[IVX]+\\.?\\s*)?conclusions?\\s+and\\s*/\\s*or\\s+recommendations?\\W*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FALLBACK_START = Pattern.compile(
            "recommendations?\\s+(?:listed below|formulated during|made during|below)|following recommendations",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SECTION_END = Pattern.compile(
            "^\\s*(?:\\d{1,3}\\.\\s*)?(?:All conclusions and/or recommendations|Annex(?:es)?\\s*$|Composition of the delegation)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DOTTED = Pattern.compile("^\\s*(\\d{1,3})\\.(\\d{1,3})\\.?(?=\\s|$)\\s*(.*)$");
    private static final Pattern PLAIN = Pattern.compile("^\\s*(\\d{1,3})\\.(?=\\s|$)\\s*(.*)$");
    private static final Pattern FOOTNOTE = Pattern.compile(
            "^\\s*(?:(?:The|This) recommendation (?:as read|was read|read)|\\d{1,2}\\s*\\t\\s*\\S|\\d{1,2}\\s+(?:The|This|See|Available|As read|Recommendation|A/HRC|CRC/|CCPR/|E/C\\.)"
                    + "|\\*{1,3}\\s*(?:The|This|Late|Reissued|Conclusions|Previously|Circulated)\\b)");
    private static final Pattern SYMBOL = Pattern.compile("A/HRC/\\d{1,2}/\\d{1,3}(?!\\d)");
    private static final Pattern REVIEW_OF = Pattern.compile(
            "review of (?:the )?(.{3,80}?) (?:was held|took place) at the \\w+(?:[- ]\\w+)? meeting,? (?:held )?on"
                    + " (\\d{1,2} \\p{L}+ \\d{4})");
    private static final Pattern SESSION = Pattern.compile(
            "held its ([\\w-]+) session", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_SUPPORTED = Pattern.compile(
            "did not (?:enjoy|receive) the support|not (?:be )?supported|do(?:es)? not (?:accept|support)|rejected"
                    + "|(?:was|were|are|is) noted|takes? note|not accepted|cannot accept|could not accept"
                    + "|will not be (?:supported|accepted)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PENDING = Pattern.compile(
            "will be examined|will examine|will be considered|will consider|will provide (?:its )?responses"
                    + "|responses? .{0,40}in due|(?:further|additional) consideration|under consideration",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SUPPORTED = Pattern.compile(
            "enjoys? the support|enjoyed the support|accepts?\\b|accepted|supports?\\b|supported|already implemented",
            Pattern.CASE_INSENSITIVE);

    private final StateNames stateNames;

    public UprReportParser(StateNames stateNames) {
        this.stateNames = stateNames;
    }

    public UprReportParser() {
        this(StateNames.shipped());
    }

    private record Line(int number, String text) {
    }

    /** A numbered block of the section: a paragraph ("69. The recommendations …") or an item. */
    private static final class Unit {
        final int major;
        final int minor; // -1 for a plain number
        final int line;
        final StringBuilder text = new StringBuilder();

        Unit(int major, int minor, int line, String first) {
            this.major = major;
            this.minor = minor;
            this.line = line;
            append(first);
        }

        void append(String piece) {
            String p = piece.strip();
            if (p.isEmpty()) {
                return;
            }
            if (!text.isEmpty()) {
                char last = text.charAt(text.length() - 1);
                boolean hyphen = last == '-' && text.length() > 1 && Character.isLetter(text.charAt(text.length() - 2));
                if (!hyphen) {
                    text.append(' ');
                }
            }
            text.append(p);
        }

        String text() {
            return text.toString().replaceAll("\\s+", " ").strip();
        }
    }

    public UprReport parse(SourceText source) throws InputException {
        List<Line> lines = clean(source.lines());
        int start = sectionStart(lines, source.name());
        List<Unit> units = new ArrayList<>();
        Unit current = null;
        for (int i = start + 1; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (SECTION_END.matcher(line.text()).find()) {
                break;
            }
            Matcher dotted = DOTTED.matcher(line.text());
            Matcher plain = PLAIN.matcher(line.text());
            if (dotted.matches()) {
                current = new Unit(Integer.parseInt(dotted.group(1)), Integer.parseInt(dotted.group(2)),
                        line.number(), dotted.group(3));
                units.add(current);
            } else if (plain.matches()) {
                current = new Unit(Integer.parseInt(plain.group(1)), -1, line.number(), plain.group(2));
                units.add(current);
            } else if (current != null) {
                current.append(line.text());
            } else if (!line.text().isBlank()) {
                current = new Unit(-1, -1, line.number(), line.text());
                units.add(current);
            }
        }
        List<String> warnings = new ArrayList<>();
        List<ExtractedRecommendation> recommendations = interpret(units, warnings);
        if (recommendations.isEmpty()) {
            throw new InputException(source.name(), lines.get(Math.max(start, 0)).number(),
                    "no numbered recommendations in the 'Conclusions and/or recommendations' section");
        }
        String head = headText(source.lines());
        String symbol = find(SYMBOL, head).orElse(null);
        String stateUnderReview = null;
        LocalDate date = null;
        Matcher review = REVIEW_OF.matcher(head);
        if (review.find()) {
            stateUnderReview = stateNames.parse(review.group(1)).filter(l -> l.size() == 1)
                    .map(l -> l.get(0).state().code()).orElse(null);
            date = parseDate(review.group(2));
        }
        int session = find(SESSION, head).flatMap(Ordinals::parse).orElse(0);
        return new UprReport(source.name(), symbol, stateUnderReview, session, date, recommendations, warnings);
    }

    /**
     * The lines that carry text: blank lines, running headers and footers go, and so do footnotes, which run from
     * their number ("3 The recommendation as read …", "* The annex …") to the next numbered item, the next footnote
     * or the end of the page.
     */
    private static List<Line> clean(List<String> raw) {
        List<Line> lines = new ArrayList<>(raw.size());
        PageFurniture furniture = PageFurniture.of(raw);
        boolean footnote = false;
        for (int i = 0; i < raw.size(); i++) {
            String original = raw.get(i);
            if (original.indexOf('\f') >= 0) {
                footnote = false;
            }
            String text = original.replace('\f', ' ').replace('\u00A0', ' ').replace('\t', ' ');
            if (text.isBlank()) {
                continue;
            }
            if (furniture.isFurniture(i)) {
                footnote = false;
                continue;
            }
            if (FOOTNOTE.matcher(original).find()) {
                footnote = true;
                continue;
            }
            if (footnote && (DOTTED.matcher(text).matches() || PLAIN.matcher(text).matches())) {
                footnote = false;
            }
            if (!footnote) {
                lines.add(new Line(i + 1, text));
            }
        }
        return lines;
    }

    private static int sectionStart(List<Line> lines, String name) throws InputException {
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).text();
            if (HEADING.matcher(text).matches() && !text.contains("..") && !text.contains("…")) {
                return i;
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            if (PLAIN.matcher(lines.get(i).text()).matches() && FALLBACK_START.matcher(lines.get(i).text()).find()) {
                return i - 1;
            }
        }
        throw new InputException(name, 0,
                "no 'Conclusions and/or recommendations' section: this does not look like a UPR Working Group report");
    }

    private List<ExtractedRecommendation> interpret(List<Unit> units, List<String> warnings) {
        List<ExtractedRecommendation> out = new ArrayList<>();
        int paragraph = -1;
        int lastItem = 0;
        String response = null;
        for (int u = 0; u < units.size(); u++) {
            Unit unit = units.get(u);
            if (unit.major < 0) {
                continue;
            }
            if (unit.minor >= 0) {
                if (unit.major != paragraph) {
                    paragraph = unit.major;
                    lastItem = 0;
                }
                item(unit, unit.major + "." + unit.minor, response, out, warnings);
                continue;
            }
            String text = unit.text();
            boolean nextParagraph = paragraph < 0 || unit.major == paragraph + 1;
            boolean nextItem = paragraph >= 0 && unit.major == lastItem + 1;
            boolean asItem;
            if (nextItem && !nextParagraph) {
                asItem = true;
            } else if (nextParagraph && !nextItem) {
                asItem = false;
            } else if (nextItem) {
                asItem = trailingStates(text).isPresent() && !looksLikeParagraphOpening(text);
            } else {
                asItem = paragraph >= 0 && lastItem > 0 && trailingStates(text).isPresent()
                        && !looksLikeParagraphOpening(text);
                if (asItem) {
                    warnings.add("line " + unit.line + ": item " + unit.major + " follows item " + lastItem
                            + " in paragraph " + paragraph);
                } else if (unit.major <= paragraph) {
                    // A number that continues neither the paragraphs nor the items: part of the previous text.
                    continue;
                }
            }
            if (asItem) {
                lastItem = unit.major;
                item(unit, paragraph + "." + unit.major, response, out, warnings);
            } else {
                paragraph = unit.major;
                lastItem = 0;
                response = responseOf(text);
                if (trailingStates(text).isPresent() && !FALLBACK_START.matcher(text).find()) {
                    // A paragraph that is itself one recommendation (some 2008 reports).
                    item(unit, String.valueOf(unit.major), response, out, warnings);
                }
            }
        }
        return out;
    }

    private static boolean looksLikeParagraphOpening(String text) {
        return FALLBACK_START.matcher(text).find() || text.startsWith("All conclusions");
    }

    static String responseOf(String intro) {
        if (NOT_SUPPORTED.matcher(intro).find()) {
            return "noted";
        }
        if (PENDING.matcher(intro).find()) {
            return "pending";
        }
        if (SUPPORTED.matcher(intro).find()) {
            return "supported";
        }
        return null;
    }

    private void item(Unit unit, String number, String response, List<ExtractedRecommendation> out,
            List<String> warnings) {
        String text = unit.text();
        Optional<Trailing> trailing = trailingStates(text);
        if (trailing.isEmpty()) {
            warnings.add("line " + unit.line + ": recommendation " + number + " names no recommending state");
            out.add(new ExtractedRecommendation(number, trimEnd(text), List.of(), List.of(), response, unit.line));
            return;
        }
        Trailing t = trailing.get();
        out.add(new ExtractedRecommendation(number, trimEnd(text.substring(0, t.start())), t.written(), t.codes(),
                response, unit.line));
    }

    private static String trimEnd(String text) {
        String t = text.strip();
        while (!t.isEmpty() && ";.,:".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }

    /** The recommending states that close a recommendation, and where they begin. */
    record Trailing(int start, int end, List<String> written, List<String> codes) {
    }

    private record Group(int start, int end, List<StateNames.Named> states) {
    }

    /**
     * The last run of bracketed state lists that ends the text or is followed by a new sentence. Earlier runs that
     * close a clause ("…(France); ratify …(Spain)") add their states in order.
     */
    Optional<Trailing> trailingStates(String text) {
        // Matched from the end when a "(" earlier on is never closed ("(such as … (2007) (Switzerland)").
        List<Group> groups = groups(text, unclosed(text));
        List<List<Group>> runs = new ArrayList<>();
        List<Group> run = null;
        for (Group g : groups) {
            if (g.states() == null) {
                run = null;
                continue;
            }
            if (run != null && text.substring(run.get(run.size() - 1).end(), g.start()).isBlank()) {
                run.add(g);
            } else {
                run = new ArrayList<>(List.of(g));
                runs.add(run);
            }
        }
        Trailing found = null;
        for (List<Group> r : runs) {
            int end = r.get(r.size() - 1).end();
            String after = text.substring(end);
            if (after.matches("(?s)\\d{0,2}\\s*[;.,:]?\\s*\\d{0,2}\\s*(?:$|[A-Z\"“(*].*)")) {
                found = new Trailing(r.get(0).start(), end, List.of(), List.of());
            }
        }
        if (found == null) {
            // Text after the states that is not a new sentence: a word that the PDF's reading order moved
            // ("(Canada); not to"). The last states that close a clause still end the recommendation.
            for (List<Group> r : runs) {
                int end = r.get(r.size() - 1).end();
                if (text.substring(end).matches("(?s)\\d{0,2}\\s*[;.].*")) {
                    found = new Trailing(r.get(0).start(), end, List.of(), List.of());
                }
            }
        }
        if (found == null) {
            return Optional.empty();
        }
        // Every state named in brackets before the end recommends part of the item: "Ratify the Convention (Algeria,
        // Austria) and its Optional Protocol (Austria, Ukraine)".
        List<String> written = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (Group g : groups) {
            if (g.states() == null || g.end() > found.end()) {
                continue;
            }
            for (StateNames.Named n : g.states()) {
                if (!codes.contains(n.state().code())) {
                    written.add(n.written());
                    codes.add(n.state().code());
                }
            }
        }
        found = new Trailing(found.start(), found.end(), written, codes);
        return Optional.ofNullable(found);
    }

    /** The top-level bracket groups of a text, each with the states it names or null, matched from either end. */
    private List<Group> groups(String text, boolean fromTheEnd) {
        List<Group> groups = new ArrayList<>();
        char opening = fromTheEnd ? ')' : '(';
        char closing = fromTheEnd ? '(' : ')';
        int depth = 0;
        int mark = -1;
        for (int k = 0; k < text.length(); k++) {
            int i = fromTheEnd ? text.length() - 1 - k : k;
            char c = text.charAt(i);
            if (c == opening) {
                if (depth == 0) {
                    mark = i;
                }
                depth++;
            } else if (c == closing && depth > 0 && --depth == 0) {
                int start = Math.min(mark, i);
                int end = Math.max(mark, i);
                String inner = text.substring(start + 1, end);
                List<StateNames.Named> states = inner.length() < 2 ? null : stateNames.parse(inner).orElse(null);
                groups.add(fromTheEnd ? 0 : groups.size(), new Group(start, end + 1, states));
            }
        }
        return groups;
    }

    private static boolean unclosed(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            }
        }
        return depth > 0;
    }

    private static String headText(List<String> lines) {
        StringBuilder head = new StringBuilder();
        for (int i = 0; i < Math.min(lines.size(), 400); i++) {
            head.append(lines.get(i).strip()).append(' ');
        }
        return head.toString().replaceAll("\\s+", " ");
    }

    private static Optional<String> find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.groupCount() > 0 ? m.group(1) : m.group()) : Optional.empty();
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text, DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
