package org.councilbrief.theme;

import java.util.List;

/**
 * Tags one text as {@code themes tag} does: its language first (OpenNLP); an English text goes to the learnt model
 * when there is one and to the English cue phrases otherwise; a French text to the French cue phrases (the models
 * learn from English rows); a text too short to tell is tagged as English; an empty text or one in another language
 * gets no theme and a flag that says why.
 */
public final class ThemeTexts {
    /** The themes given, the language found, and why the text got none, if it did not. */
    public record Result(List<ThemeLabel> labels, Language language, String flag) {
    }

    private final RuleTagger rules;
    private final Tagger learnt;

    public ThemeTexts(RuleTagger rules, Tagger learnt) {
        this.rules = rules;
        this.learnt = learnt;
    }

    public Result tag(String text) {
        if (text == null || text.isBlank()) {
            return new Result(List.of(), Language.UNKNOWN, "empty text: no theme");
        }
        Language language = Language.detect(text);
        return switch (language) {
            case ENGLISH -> new Result(learnt != null ? learnt.tag(text) : rules.tag(text, Language.ENGLISH),
                    language, null);
            case FRENCH -> new Result(rules.tag(text, Language.FRENCH), language,
                    learnt != null ? "French text: tagged with the French cue phrases, not the model" : null);
            // Too short to tell ("Ratify CRPD"): UN texts are English or French, and the model knows the acronyms.
            case UNKNOWN -> new Result(learnt != null ? learnt.tag(text) : rules.tag(text, Language.UNKNOWN),
                    language, null);
            case OTHER -> new Result(List.of(), language, "not English or French: no theme");
        };
    }
}
