package org.councilbrief.brief;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.councilbrief.upr.UprReview;

/**
 * A brief as structure: for one situation, as of one date, its intro and four sections of items, and the UPR reviews
 * its items draw on. Word counts, key topics and member lists are not stored; {@link BriefComposer} computes them.
 *
 * @param situation id of the situation ("mali")
 * @param situationName the situation as a heading names it ("Mali")
 * @param asOf the brief's date: the Council's composition on this date decides which members' UPR recommendations show
 * @param updated the "Updated" line
 * @param intro the introduction's paragraphs
 * @param sections the four sections, in order
 * @param uprReviews the reviews that items refer to by id
 */
public record Brief(String situation, String situationName, LocalDate asOf, Updated updated, List<String> intro,
        List<Section> sections, List<UprReview> uprReviews) {
    public Brief {
        intro = List.copyOf(intro);
        sections = List.copyOf(sections);
        uprReviews = List.copyOf(uprReviews);
    }

    public Optional<UprReview> uprReview(String id) {
        return uprReviews.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public Section section(SectionKind kind) {
        return sections.stream().filter(s -> s.kind() == kind).findFirst().orElse(new Section(kind, List.of()));
    }
}
