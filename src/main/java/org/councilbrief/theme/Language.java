package org.councilbrief.theme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * The languages councilbrief reads statements and recommendations in, detected with OpenNLP's published language
 * model (103 languages; {@code opennlp-models-langdetect}).
 */
public enum Language {
    ENGLISH("eng"), FRENCH("fra"), OTHER("other"), UNKNOWN("unknown");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Texts shorter than this are too short to tell reliably. */
    static final int MIN_LETTERS = 12;

    private static final class Model {
        static final LanguageDetectorModel MODEL = load();

        private static LanguageDetectorModel load() {
            try (InputStream in = Language.class.getResourceAsStream("/langdetect-183.bin")) {
                if (in == null) {
                    throw new IllegalStateException("the OpenNLP language model is missing from the class path");
                }
                return new LanguageDetectorModel(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final java.util.Set<String> ENGLISH_WORDS = java.util.Set.of("the", "of", "and", "to", "in", "its",
            "for", "with", "on", "all", "that", "by", "as", "is", "are", "from", "this", "their", "an", "be");

    /** The verbs UPR recommendations open with ("Adopt initiatives to …", "Further implement …"). */
    private static final java.util.Set<String> ENGLISH_OPENINGS = java.util.Set.of("adopt", "further", "ensure",
            "continue", "take", "ratify", "consider", "strengthen", "implement", "establish", "accede", "promote",
            "intensify", "pursue", "guarantee", "develop", "improve", "step", "redouble", "enhance", "provide",
            "undertake", "carry", "bring", "seek", "make", "increase", "protect", "prohibit", "abolish", "combat",
            "criminalize", "criminalise", "sign", "withdraw", "extend", "issue", "enact", "amend", "review", "repeal");

    /**
     * The language of a text: English, French, another, or unknown when the text is empty or too short. Short UN
     * texts ("Improve conditions in prisons") fool a character model, so a text where at least one word in four is an
     * English function word, or that opens with a verb UPR recommendations open with, is English; OpenNLP's model
     * decides the rest.
     */
    public static Language detect(String text) {
        long letters = text.chars().filter(Character::isLetter).count();
        if (letters < MIN_LETTERS) {
            return UNKNOWN;
        }
        List<String> words = Words.of(text);
        long english = words.stream().filter(ENGLISH_WORDS::contains).count();
        if (english >= 1 && english * 4 >= words.size() || ENGLISH_OPENINGS.contains(words.get(0))) {
            return ENGLISH;
        }
        opennlp.tools.langdetect.Language[] ranked = new LanguageDetectorME(Model.MODEL).predictLanguages(text);
        String best = ranked[0].getLang();
        if (!best.equals("eng") && !best.equals("fra") && Words.of(text).size() < 8) {
            // A few words are too little for the character model: take English or French if it ranks them near the top.
            best = "unknown";
            for (int i = 1; i < Math.min(4, ranked.length); i++) {
                String lang = ranked[i].getLang();
                if (lang.equals("eng") || lang.equals("fra")) {
                    best = lang;
                    break;
                }
            }
        }
        return switch (best) {
            case "eng" -> ENGLISH;
            case "fra" -> FRENCH;
            case "unknown" -> UNKNOWN;
            default -> OTHER;
        };
    }
}
