package org.councilbrief.document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the lines a printed document repeats on its pages and that are not part of its text: running headers and
 * footers, whatever their wording ("S/PV.8706 The situation in Mali 21/01/2020", "GE.25-02819", "- 3 -", "Page 4").
 * They are recognised by their repetition, not by what they say: a line near the top or the foot of a page is
 * furniture when a line of the same words stands near the top or foot of other pages, the words compared
 * <ul>
 * <li>in any order, so that a header mirrored on even pages ("21/01/2020 … S/PV.8706") is the same as on odd
 * ones;</li>
 * <li>with every number counted as the same word, so that page numbers and dates in figures do not tell pages
 * apart, and month and weekday names likewise, so that dates written out do not either.</li>
 * </ul>
 * A line at a page's edge that is made only of the distinctive words of that furniture (a job number, a symbol)
 * and short marks is furniture too, even if it is printed once: the first page's "20-00789 (E)" and its bar code
 * "*2000789*". Pages are divided by form feeds; a text without them (pages lost in conversion) has as furniture the
 * short lines, not ending a sentence, that recur at least three times. Removing furniture is what lets a sentence
 * broken across a page be read as one.
 */
public final class PageFurniture {
    /** How many non-blank lines at the top and at the foot of a page may be furniture. */
    static final int EDGE = 3;
    /** Longer lines are text: a running header or footer fits on a line of print. */
    static final int MAX_LENGTH = 160;
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Set<String> NAMES = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "janvier", "février", "mars", "avril", "mai",
            "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre", "monday", "tuesday",
            "wednesday", "thursday", "friday", "saturday", "sunday", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
            "samedi", "dimanche");
    private static final Pattern BARE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}/.\\-]*[\\p{L}\\p{N}]");
    private static final Pattern SENTENCE_END = Pattern.compile("[.:;,?!]\\s*$");

    private final BitSet lines;

    private PageFurniture(BitSet lines) {
        this.lines = lines;
    }

    /** The furniture of a text given as its lines (form feeds marking where pages begin). */
    public static PageFurniture of(List<String> lines) {
        List<int[]> pages = pages(lines);
        BitSet furniture = paged(lines, pages);
        if (pages.size() <= 1) {
            furniture.or(unpaged(lines));
        }
        return new PageFurniture(furniture);
    }

    public static PageFurniture of(SourceText source) {
        return of(source.lines());
    }

    /** Whether line {@code index} (0-based, as in {@link SourceText#lines()}) is a running header or footer. */
    public boolean isFurniture(int index) {
        return lines.get(index);
    }

    /** The 0-based indexes of the furniture lines, in order. */
    public List<Integer> indexes() {
        return lines.stream().boxed().toList();
    }

    /** Pages as [first line, last line + 1]; a line with a form feed begins a page. */
    private static List<int[]> pages(List<String> lines) {
        List<int[]> pages = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (i > start && lines.get(i).indexOf('\f') >= 0) {
                pages.add(new int[] {start, i});
                start = i;
            }
        }
        if (start < lines.size()) {
            pages.add(new int[] {start, lines.size()});
        }
        pages.removeIf(p -> java.util.stream.IntStream.range(p[0], p[1]).allMatch(i -> clean(lines.get(i))
                .isBlank()));
        return pages;
    }

    private static BitSet paged(List<String> lines, List<int[]> pages) {
        // The lines near each page's edges, and on how many pages each key stands there.
        List<List<Integer>> edges = new ArrayList<>();
        Map<String, Set<Integer>> pagesOf = new HashMap<>();
        for (int p = 0; p < pages.size(); p++) {
            List<Integer> edge = edge(lines, pages.get(p));
            edges.add(edge);
            for (int i : edge) {
                pagesOf.computeIfAbsent(key(lines.get(i)), k -> new HashSet<>()).add(p);
            }
        }
        int needed = pages.size() <= 8 ? 2 : 3;
        BitSet furniture = new BitSet(lines.size());
        Set<String> words = new HashSet<>();
        Map<String, Integer> edgeLinesOf = new HashMap<>();
        Map<String, Set<Integer>> framingPagesOf = new HashMap<>();
        for (int p = 0; p < pages.size(); p++) {
            for (int i : edges.get(p)) {
                for (String word : framing(lines.get(i))) {
                    framingPagesOf.computeIfAbsent(word, k -> new HashSet<>()).add(p);
                }
                Set<String> inLine = new HashSet<>();
                for (String token : tokens(lines.get(i))) {
                    String word = distinctive(token);
                    if (word != null && inLine.add(word)) {
                        edgeLinesOf.merge(word, 1, Integer::sum);
                    }
                }
                String key = key(lines.get(i));
                if (!key.isEmpty() && pagesOf.get(key).size() >= needed) {
                    furniture.set(i);
                    words.addAll(inLine);
                }
            }
        }
        // A job number or symbol that stands at the edges of two lines or more, whatever else those lines say.
        edgeLinesOf.forEach((word, n) -> {
            if (n >= 2) {
                words.add(word);
            }
        });
        Set<String> framing = new HashSet<>();
        framingPagesOf.forEach((word, on) -> {
            if (on.size() >= 2) {
                framing.add(word);
            }
        });
        for (int p = 0; p < pages.size(); p++) {
            for (int i : edges.get(p)) {
                boolean top = i == firstLine(lines, pages.get(p));
                if (!furniture.get(i) && (madeOf(lines.get(i), words) || pageNumber(lines.get(i), p + 1)
                        || top && framing(lines.get(i)).stream().anyMatch(framing::contains))) {
                    furniture.set(i);
                }
            }
        }
        return furniture;
    }

    private static int firstLine(List<String> lines, int[] page) {
        for (int i = page[0]; i < page[1]; i++) {
            if (!clean(lines.get(i)).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    /** The first and last {@link #EDGE} non-blank lines of a page, those longer than a header's left out. */
    private static List<Integer> edge(List<String> lines, int[] page) {
        List<Integer> top = new ArrayList<>();
        int seen = 0;
        for (int i = page[0]; i < page[1] && seen < EDGE; i++) {
            if (!clean(lines.get(i)).isBlank()) {
                seen++;
                if (lines.get(i).length() <= MAX_LENGTH) {
                    top.add(i);
                }
            }
        }
        int last = top.isEmpty() ? page[0] - 1 : top.get(top.size() - 1);
        List<Integer> bottom = new ArrayList<>();
        seen = 0;
        for (int i = page[1] - 1; i > last && seen < EDGE; i--) {
            if (!clean(lines.get(i)).isBlank()) {
                seen++;
                if (lines.get(i).length() <= MAX_LENGTH) {
                    bottom.add(i);
                }
            }
        }
        top.addAll(bottom);
        return top;
    }

    private static BitSet unpaged(List<String> lines) {
        Map<String, Integer> counts = new HashMap<>();
        String[] keys = new String[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String line = clean(lines.get(i));
            if (line.isBlank() || line.length() > 120 || SENTENCE_END.matcher(line).find()) {
                continue;
            }
            keys[i] = key(line);
            counts.merge(keys[i], 1, Integer::sum);
        }
        BitSet furniture = new BitSet(lines.size());
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null && !keys[i].isEmpty() && counts.get(keys[i]) >= 3) {
                furniture.set(i);
            }
        }
        return furniture;
    }

    /** A line's words in order of the alphabet, numbers as "#", month and weekday names as "@". */
    static String key(String line) {
        String[] tokens = tokens(line);
        for (int i = 0; i < tokens.length; i++) {
            String t = NUMBER.matcher(tokens[i].toLowerCase(Locale.ROOT)).replaceAll("#");
            String bare = t.replaceAll("[^\\p{L}]", "");
            tokens[i] = NAMES.contains(bare) ? t.replace(bare, "@") : t;
        }
        Arrays.sort(tokens);
        return String.join(" ", tokens);
    }

    private static String[] tokens(String line) {
        String text = clean(line).strip();
        return text.isEmpty() ? new String[0] : text.split("\\s+");
    }

    private static String clean(String line) {
        return line.replace('\f', ' ').replace('\u00A0', ' ').replace('\t', ' ');
    }

    /** A token's letters and digits if it holds a digit and five of them at least (a job number, a symbol). */
    private static String distinctive(String token) {
        String alnum = token.replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase(Locale.ROOT);
        return alnum.length() >= 5 && alnum.chars().anyMatch(Character::isDigit) ? alnum : null;
    }

    /**
     * A line that gives the page's own number and nothing longer than three letters or digits beside it, or the word
     * "page": "1", "- 1 -", "Page 1", "1/3"; so that the page number of a document of one page is found too.
     */
    private static boolean pageNumber(String line, int page) {
        boolean own = false;
        boolean ofPages = false;
        boolean codes = false;
        for (String token : tokens(line)) {
            String alnum = token.replaceAll("[^\\p{L}\\p{N}]", "");
            String digits = token.replaceAll("[^0-9/]", "");
            boolean number = !digits.isEmpty() && !token.matches(".*[.),;:]") && (digits.equals(String.valueOf(page))
                    || digits.startsWith(page + "/"));
            if (number) {
                own = true;
                ofPages |= digits.startsWith(page + "/");
            } else if (!alnum.isEmpty() && alnum.chars().allMatch(Character::isDigit) && alnum.length() > 3) {
                codes = true; // a job number beside "1/4"
            } else if (alnum.length() > 3 && !alnum.equalsIgnoreCase("page")) {
                return false;
            }
        }
        return own && (ofPages || !codes);
    }

    /**
     * The distinctive words a line begins or ends with, written bare (not "(S/2020/123),"). A page whose first line
     * begins or ends with such a word that also frames an edge line of another page begins with its running header,
     * even in a record too short for the header to repeat ("28/02/2020 The situation in Guinea-Bissau S/PV.8736" under
     * a cover page that prints "United Nations S/PV.8736").
     */
    private static List<String> framing(String line) {
        String[] tokens = tokens(line);
        if (tokens.length < 2) {
            return List.of();
        }
        List<String> out = new ArrayList<>(2);
        for (String token : new String[] {tokens[0], tokens[tokens.length - 1]}) {
            String word = distinctive(token);
            if (word != null && BARE.matcher(token).matches()) {
                out.add(word);
            }
        }
        return out;
    }

    /** "(E)", "-", "3/24", "(2017)": at most three letters or digits, or a number of four digits at most. */
    private static boolean shortMark(String token) {
        String alnum = token.replaceAll("[^\\p{L}\\p{N}]", "");
        return alnum.length() <= 3 || alnum.length() <= 4 && alnum.chars().allMatch(Character::isDigit);
    }

    /** A line of furniture's distinctive words and marks of at most three letters or digits ("(E)"). */
    private static boolean madeOf(String line, Set<String> words) {
        boolean any = false;
        for (String token : tokens(line)) {
            String word = distinctive(token);
            if (word != null && words.contains(word)) {
                any = true;
            } else if (!shortMark(token)) {
                return false;
            }
        }
        return any;
    }
}
