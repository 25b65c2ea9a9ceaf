package org.councilbrief.theme;

import java.util.ArrayList;
import java.util.List;

/**
 * Tags by the cue phrases shipped with each scheme: a text gets a theme when one of the theme's cues occurs in it as a
 * sequence of words ("optional protocol"), a cue word ending in "*" matching any word it begins ("ratif*"). A cue
 * starting with "-" is an exception: the theme's other cues do not count where it occurs ("-transition government*"
 * keeps "the transition government's decision" from naming the transition). English cues are used for English texts,
 * French cues for French ones, both when the language is not known.
 */
public final class RuleTagger implements Tagger {
    private record Cue(String[] words, boolean[] prefix, boolean exception) {
    }

    private final Taxonomy taxonomy;
    private final List<List<Cue>> english = new ArrayList<>();
    private final List<List<Cue>> french = new ArrayList<>();

    public RuleTagger(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        for (ThemeLabel label : taxonomy.labels()) {
            english.add(label.cuesEn().stream().map(RuleTagger::cue).toList());
            french.add(label.cuesFr().stream().map(RuleTagger::cue).toList());
        }
    }

    private static Cue cue(String phrase) {
        List<String> words = new ArrayList<>();
        List<Boolean> prefix = new ArrayList<>();
        String stripped = phrase.strip();
        boolean exception = stripped.startsWith("-");
        for (String part : (exception ? stripped.substring(1) : stripped).strip().split("\\s+")) {
            boolean star = part.endsWith("*");
            List<String> normalized = Words.of(star ? part.substring(0, part.length() - 1) : part);
            for (int i = 0; i < normalized.size(); i++) {
                words.add(normalized.get(i));
                prefix.add(star && i == normalized.size() - 1);
            }
        }
        boolean[] p = new boolean[prefix.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = prefix.get(i);
        }
        return new Cue(words.toArray(String[]::new), p, exception);
    }

    @Override
    public Taxonomy taxonomy() {
        return taxonomy;
    }

    @Override
    public double[] scores(String text) {
        return scores(text, Language.UNKNOWN);
    }

    /** 1 for each label one of whose cues in that language occurs in the text, else 0. */
    public double[] scores(String text, Language language) {
        String[] words = Words.of(text).toArray(String[]::new);
        double[] scores = new double[taxonomy.size()];
        for (int l = 0; l < scores.length; l++) {
            boolean hit = false;
            if (language != Language.FRENCH) {
                hit = matchesAny(english.get(l), words);
            }
            if (!hit && language != Language.ENGLISH) {
                hit = matchesAny(french.get(l), words);
            }
            scores[l] = hit ? 1 : 0;
        }
        return scores;
    }

    /** The words covered by the exceptions among {@code cues}, or null when none occurs (the usual case). */
    private static boolean[] excepted(List<Cue> cues, String[] words) {
        boolean[] out = null;
        for (Cue cue : cues) {
            if (!cue.exception()) {
                continue;
            }
            for (int i = 0; i + cue.words().length <= words.length; i++) {
                if (matchesAt(cue, words, i)) {
                    if (out == null) {
                        out = new boolean[words.length];
                    }
                    java.util.Arrays.fill(out, i, i + cue.words().length, true);
                }
            }
        }
        return out;
    }

    /** Where a cue of a label occurs: the label's index in the taxonomy and the word the cue starts at. */
    public record Hit(int label, int word) {
    }

    /** Every place a cue occurs in the text's words ({@link Words}), in the order of the text. */
    public List<Hit> hits(String text, Language language) {
        String[] words = Words.of(text).toArray(String[]::new);
        List<Hit> hits = new ArrayList<>();
        for (int l = 0; l < taxonomy.size(); l++) {
            List<Cue> cues = new ArrayList<>();
            if (language != Language.FRENCH) {
                cues.addAll(english.get(l));
            }
            if (language != Language.ENGLISH) {
                cues.addAll(french.get(l));
            }
            int label = l;
            scan(cues, words, i -> hits.add(new Hit(label, i)));
        }
        hits.sort(java.util.Comparator.comparingInt(Hit::word));
        return hits;
    }

    /** The number of words before a character offset of the text, as {@link #hits} counts them. */
    public static int wordIndex(String text, int offset) {
        return Words.of(text.substring(0, Math.min(offset, text.length()))).size();
    }

    private static boolean matchesAt(Cue cue, String[] words, int i) {
        int n = cue.words().length;
        if (n == 0) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            String w = words[i + k];
            String c = cue.words()[k];
            if (cue.prefix()[k] ? !w.startsWith(c) : !w.equals(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesAny(List<Cue> cues, String[] words) {
        return scan(cues, words, i -> false);
    }

    /**
     * Offers {@code found} the word of each place a cue occurs, leaving out the words an exception covers, until it
     * answers false; returns whether any place was found.
     */
    private static boolean scan(List<Cue> cues, String[] words, java.util.function.IntPredicate found) {
        boolean[] excepted = excepted(cues, words);
        boolean any = false;
        for (Cue cue : cues) {
            if (cue.exception()) {
                continue;
            }
            for (int i = 0; i + cue.words().length <= words.length; i++) {
                if (matchesAt(cue, words, i) && (excepted == null || !excepted[i])) {
                    any = true;
                    if (!found.test(i)) {
                        return true;
                    }
                }
            }
        }
        return any;
    }

    @Override
    public List<ThemeLabel> tag(String text) {
        return Tagging.labels(taxonomy, scores(text), 0.5, false);
    }

    public List<ThemeLabel> tag(String text, Language language) {
        return Tagging.labels(taxonomy, scores(text, language), 0.5, false);
    }
}
