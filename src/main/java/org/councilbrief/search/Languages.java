package org.councilbrief.search;

import java.util.Set;

/**
 * Whether a text is French rather than English, by the common words it uses: quick enough for a few hundred thousand
 * texts, and sure on a paragraph, where the theme package's statistical detector is kept for single sentences.
 */
final class Languages {
    private static final Set<String> ENGLISH = Set.of("the", "of", "and", "to", "in", "is", "that", "for", "on",
            "with", "as", "by", "be", "are", "it", "this", "was", "has", "have", "we", "its", "their", "from", "which",
            "all", "should", "must", "an");
    private static final Set<String> FRENCH = Set.of("le", "la", "les", "de", "des", "du", "et", "est", "que", "qui",
            "dans", "pour", "sur", "une", "un", "au", "aux", "nous", "pas", "par", "ce", "cette", "il", "sont", "ont",
            "leur", "leurs", "doit", "avec", "été");

    private Languages() {
    }

    /** Whether {@code text} shows more French common words than English ones. */
    static boolean french(String text) {
        int en = 0;
        int fr = 0;
        int start = -1;
        int n = Math.min(text.length(), 4000);
        for (int i = 0; i <= n; i++) {
            boolean letter = i < n && Character.isLetter(text.charAt(i));
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                if (i - start <= 6) {
                    String word = text.substring(start, i).toLowerCase(java.util.Locale.ROOT);
                    if (ENGLISH.contains(word)) {
                        en++;
                    } else if (FRENCH.contains(word)) {
                        fr++;
                    }
                }
                start = -1;
            }
        }
        return fr > en;
    }
}
