package org.councilbrief.brief;

/**
 * The word count a brief shows in each section title: whitespace-separated tokens of the section's body, sub-headings
 * and list text included, automatic list numbering excluded (DESIGN.md "The brief", rule 2).
 */
public final class WordCount {
    private WordCount() {
    }

    public static int of(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\u00a0';
            if (!space && !inWord) {
                count++;
            }
            inWord = !space;
        }
        return count;
    }
}
