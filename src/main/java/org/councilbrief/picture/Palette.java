package org.councilbrief.picture;

import java.util.List;

/**
 * Colours every picture draws with: the Okabe-Ito palette, told apart by readers with any common colour blindness,
 * and never the only sign: each act also has its own shape and letter, each series its own pattern of position, so a
 * picture printed in grey says the same.
 */
public final class Palette {
    /** Ink for text and rules. */
    public static final String INK = "#1d2733";
    /** Grey for grid lines and empty cells. */
    public static final String RULE = "#d5dbe3";
    /** Okabe-Ito, in the order series take them. */
    public static final List<String> SERIES = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9",
            "#D55E00", "#F0E442", "#000000");

    private Palette() {
    }

    /** How an act is drawn: colour, a one-letter mark readable in grey, and the words for the key. */
    public record Mark(String colour, String letter, String words) {
    }

    /** The mark of an act by its id (DESIGN.md's vocabulary); an unknown id gets a neutral mark. */
    public static Mark act(String actId) {
        return switch (actId) {
            case "calls-for" -> new Mark("#0072B2", "C", "called for");
            case "condemns" -> new Mark("#D55E00", "X", "condemned");
            case "welcomes" -> new Mark("#009E73", "W", "welcomed");
            case "expresses-concern" -> new Mark("#E69F00", "!", "expressed concern");
            case "rejects" -> new Mark("#CC79A7", "R", "rejected");
            case "notes" -> new Mark("#56B4E9", "N", "noted");
            default -> new Mark("#55606e", "?", actId);
        };
    }

    /** The colour of the {@code i}-th series. */
    public static String series(int i) {
        return SERIES.get(Math.floorMod(i, SERIES.size()));
    }

    /** The relative luminance of a colour "#rrggbb" (WCAG 2): 0 for black, 1 for white; what a grey print keeps. */
    public static double luminance(String colour) {
        if (!colour.matches("#[0-9A-Fa-f]{6}")) {
            throw new IllegalArgumentException("not a colour #rrggbb: " + colour);
        }
        double l = 0;
        double[] weights = {0.2126, 0.7152, 0.0722};
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(colour.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            l += weights[i] * (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
        return l;
    }

    /** The contrast ratio of two colours (WCAG 2), from 1 to 21. */
    public static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** The text colour to write on a fill: white or ink, whichever stands out more. */
    public static String textOn(String fill) {
        return contrast(fill, "#ffffff") >= contrast(fill, INK) ? "#ffffff" : INK;
    }
}
