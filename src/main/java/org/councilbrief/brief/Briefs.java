package org.councilbrief.brief;

import java.time.LocalDate;
import java.util.List;

/** Operations on whole briefs. */
public final class Briefs {
    private Briefs() {
    }

    /** The brief as it stood on a date: that date's Council, and no item dated after it. */
    public static Brief asOf(Brief brief, LocalDate date) {
        List<Section> sections = brief.sections().stream().map(s -> new Section(s.kind(), s.items().stream()
                .filter(i -> i.date() == null || !i.date().isAfter(date)).toList())).toList();
        return new Brief(brief.situation(), brief.situationName(), date, brief.updated(), brief.intro(), sections,
                brief.uprReviews());
    }
}
