package org.councilbrief.export;

import java.util.List;
import java.util.Locale;
import org.councilbrief.AppException;
import org.councilbrief.council.States;
import org.councilbrief.theme.Taxonomy;

/**
 * Which rows an export or a page of the API takes, as the search page's facets name them; each is optional and all that
 * are given must hold. Made by {@link #of} from what the user typed, which says what is wrong with a value.
 *
 * @param words every word the text must contain, lower case, none blank (empty: any text)
 * @param situation a situation's id: its meetings; for recommendations, the reviews of its state
 * @param member a state's ISO code: the recommendations it made, its positions and statements
 * @param theme a Council theme id: positions on it, statements with an accepted position on it, recommendations that
 *     the crosswalk of the Geneva–New York view puts on it
 * @param year the year of the meeting or of the review
 */
public record ExportFilter(List<String> words, String situation, String member, String theme, Integer year) {
    /** The longest text query taken, in characters, and its most words. */
    static final int MAX_QUERY = 500;
    static final int MAX_WORDS = 20;

    public ExportFilter {
        words = List.copyOf(words);
    }

    public static ExportFilter none() {
        return new ExportFilter(List.of(), null, null, null, null);
    }

    /**
     * The filter from text as typed (each may be null or blank: no condition). A member is its ISO code or a name; an
     * unknown state, theme or year is refused with a message in words. Whether the situation exists is for
     * {@link Exports#filter} to check, which asks the database.
     */
    public static ExportFilter of(String q, String situation, String member, String theme, String year)
            throws AppException {
        List<String> words = List.of();
        String query = blank(q);
        if (query != null) {
            if (query.length() > MAX_QUERY) {
                throw new AppException("the text to look for is longer than " + MAX_QUERY + " characters");
            }
            words = java.util.Arrays.stream(query.toLowerCase(Locale.ROOT).split("[\\s\\p{Cntrl}]+"))
                    .filter(w -> !w.isEmpty()).distinct().toList();
            if (words.size() > MAX_WORDS) {
                throw new AppException("the text to look for has more than " + MAX_WORDS + " words");
            }
        }
        String code = null;
        if (blank(member) != null) {
            String name = blank(member);
            code = States.shipped().byCode(name.toUpperCase(Locale.ROOT)).or(() -> States.shipped().byName(name))
                    .map(s -> s.code()).orElseThrow(() -> new AppException("'" + excerpt(name)
                            + "' is not a state: give its ISO code (such as FRA) or its name"));
        }
        String themeId = blank(theme);
        if (themeId != null && Taxonomy.council().labels().stream().noneMatch(l -> l.id().equals(themeId))) {
            throw new AppException("'" + excerpt(themeId) + "' is not a theme; the themes are: " + String.join(", ",
                    Taxonomy.council().labels().stream().map(l -> l.id()).toList()));
        }
        Integer y = null;
        if (blank(year) != null) {
            if (!blank(year).matches("\\d{4}") || Integer.parseInt(blank(year)) < 1946) {
                throw new AppException("'" + excerpt(blank(year)) + "' is not a year such as 2023");
            }
            y = Integer.parseInt(blank(year));
        }
        String s = blank(situation);
        if (s != null && s.length() > 80) {
            throw new AppException("'" + excerpt(s) + "' is not a situation");
        }
        return new ExportFilter(words, s, code, themeId, y);
    }

    private static String blank(String value) {
        return org.councilbrief.Forms.blank(value);
    }

    private static String excerpt(String value) {
        return org.councilbrief.Forms.excerpt(value);
    }
}
