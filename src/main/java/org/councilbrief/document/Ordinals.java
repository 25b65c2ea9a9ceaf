package org.councilbrief.document;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** English ordinals as UN documents write session numbers: "first" to "ninety-ninth", or "12th". */
public final class Ordinals {
    private static final String[] UNITS = {"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
        "eighth", "ninth"};
    private static final String[] TEENS = {"tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
        "sixteenth", "seventeenth", "eighteenth", "nineteenth"};
    private static final String[] TENS = {"", "", "twent", "thirt", "fort", "fift", "sixt", "sevent", "eight", "ninet"};
    private static final Map<String, Integer> WORDS = new HashMap<>();

    static {
        for (int n = 1; n < 100; n++) {
            String word;
            if (n < 10) {
                word = UNITS[n];
            } else if (n < 20) {
                word = TEENS[n - 10];
            } else if (n % 10 == 0) {
                word = TENS[n / 10] + "ieth";
            } else {
                word = TENS[n / 10] + "y-" + UNITS[n % 10];
            }
            WORDS.put(word, n);
        }
    }

    private Ordinals() {
    }

    public static Optional<Integer> parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace('–', '-');
        Integer word = WORDS.get(t);
        if (word != null) {
            return Optional.of(word);
        }
        if (t.matches("\\d{1,3}(?:st|nd|rd|th)")) {
            return Optional.of(Integer.parseInt(t.replaceAll("\\D", "")));
        }
        return Optional.empty();
    }
}
