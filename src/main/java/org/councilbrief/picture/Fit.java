package org.councilbrief.picture;

import java.util.ArrayList;
import java.util.List;

/**
 * Fitting words into the room a picture has for them: lines broken between words, or a label cut short with an
 * ellipsis (the full words are always in the picture's table and in the mark's title).
 */
final class Fit {
    private Fit() {
    }

    /** The text broken between words into lines of at most {@code max} characters (a longer word stands alone). */
    static List<String> wrap(String text, int max) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > max) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * The text, or as much of it as fits in {@code max - 1} characters and an ellipsis when it is longer than
     * {@code max}: cut between words where a word ends in the second half, else inside the word.
     */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String head = text.substring(0, max - 1);
        int space = head.lastIndexOf(' ');
        return (space > max / 2 ? head.substring(0, space) : head).stripTrailing() + "…";
    }

    /** The text on at most {@code lines} lines of {@code max} characters, the last cut short if need be. */
    static List<String> lines(String text, int max, int lines) {
        List<String> all = wrap(text, max);
        if (all.size() <= lines) {
            return all;
        }
        List<String> out = new ArrayList<>(all.subList(0, lines - 1));
        out.add(cut(String.join(" ", all.subList(lines - 1, all.size())), max));
        return out;
    }
}
