package org.councilbrief.theme;

import java.util.List;

/**
 * One theme of a scheme.
 *
 * @param id how files and the command line name it ("accountability"; for UPR Info, the issue's own name)
 * @param name how a brief writes it
 * @param definition what it covers, in one sentence
 * @param cuesEn English cue phrases of the rule tagger ("*" ends a stem)
 * @param cuesFr French cue phrases
 */
public record ThemeLabel(String id, String name, String definition, List<String> cuesEn, List<String> cuesFr) {
    public ThemeLabel {
        cuesEn = List.copyOf(cuesEn);
        cuesFr = List.copyOf(cuesFr);
    }
}
