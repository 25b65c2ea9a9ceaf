package org.councilbrief.compare;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.councilbrief.theme.Language;
import org.councilbrief.theme.RuleTagger;
import org.councilbrief.theme.Taxonomy;
import org.councilbrief.theme.ThemeLabel;

/**
 * Puts a UPR recommendation into the Council scheme, so that Geneva and New York can be compared theme by theme: the
 * Council themes whose cue phrases occur in its text, and those that its UPR Info issues stand for.
 */
public final class ThemeCrosswalk {
    /** UPR Info issues that mean a Council theme. */
    static final Map<String, String> ISSUES = Map.ofEntries(
            Map.entry("Impunity", "accountability"),
            Map.entry("International humanitarian law", "ihl-ihrl"),
            Map.entry("Rights of the Child", "children"),
            Map.entry("Detention", "detention-and-torture"),
            Map.entry("Torture and other CID treatment", "detention-and-torture"),
            Map.entry("Freedom of opinion and expression", "civic-space"),
            Map.entry("Freedom of the press", "civic-space"),
            Map.entry("Human rights defenders", "civic-space"),
            Map.entry("Civil society", "civic-space"),
            Map.entry("Freedom of association and peaceful assembly", "civic-space"),
            Map.entry("Extrajudicial executions", "extrajudicial-killings"),
            Map.entry("Elections", "elections-and-transition"),
            Map.entry("Special procedures", "cooperation-with-un"),
            Map.entry("Treaty bodies", "cooperation-with-un"),
            Map.entry("Internally displaced persons", "displacement"),
            Map.entry("Asylum-seekers - refugees", "displacement"),
            Map.entry("Counter-terrorism", "terrorism"));

    private final RuleTagger council = new RuleTagger(Taxonomy.council());

    public Set<String> themes(String text, List<String> issues) {
        Set<String> themes = new LinkedHashSet<>();
        for (ThemeLabel label : council.tag(text, Language.detect(text) == Language.FRENCH ? Language.FRENCH
                : Language.ENGLISH)) {
            themes.add(label.id());
        }
        for (String issue : issues) {
            String theme = ISSUES.get(issue);
            if (theme != null) {
                themes.add(theme);
            }
        }
        return themes;
    }
}
