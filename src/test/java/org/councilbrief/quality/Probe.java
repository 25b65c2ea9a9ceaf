package org.councilbrief.quality;

import java.util.Set;
import org.councilbrief.statement.PositionExtractor;
import org.councilbrief.theme.Language;
import org.councilbrief.theme.RuleTagger;
import org.councilbrief.theme.Sentences;
import org.councilbrief.theme.Taxonomy;

/** Scratch: what the extractor reads in given statements. */
public final class Probe {
    public static void main(String[] args) {
        Set<String> ids = Set.of(args);
        RuleTagger rules = new RuleTagger(Taxonomy.council());
        for (PositionQuality.Item item : PositionQuality.items()) {
            if (!ids.contains(item.id())) {
                continue;
            }
            System.out.println(item.id() + " gold " + item.gold());
            System.out.println("   got " + PositionQuality.predicted(new PositionExtractor(), item));
            for (String s : Sentences.of(item.text(), Language.ENGLISH)) {
                System.out.println("   | " + s);
                rules.hits(s, Language.ENGLISH).forEach(h -> System.out.println("       " + Taxonomy.council().labels()
                        .get(h.label()).id() + " @" + h.word()));
            }
        }
    }
}
