package org.councilbrief.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.councilbrief.document.ParagraphRef;
import org.councilbrief.document.Resolution;
import org.councilbrief.document.ResolutionParagraph;
import org.councilbrief.situation.PlannedMeeting;
import org.junit.jupiter.api.Test;

/** The calendar built from resolutions, planned meetings and UPR reviews. */
class CalendarTest {
    private static final CalendarRepository.Place MALI = new CalendarRepository.Place("mali", "Mali", "MLI",
            List.of("Mali"));
    private static final CalendarRepository.Place SUDAN = new CalendarRepository.Place("sudan", "Sudan", "SDN",
            List.of("Sudan"));
    private static final CalendarRepository.Place SOUTH_SUDAN = new CalendarRepository.Place("south-sudan",
            "South Sudan", "SSD", List.of("South Sudan"));

    private static Resolution resolution(String symbol, String... operative) {
        List<ResolutionParagraph> paragraphs = new java.util.ArrayList<>(List.of(new ResolutionParagraph(
                ParagraphRef.Kind.PP, 1, "", "Recalling its previous resolutions on the situation in Mali,"),
                new ResolutionParagraph(ParagraphRef.Kind.PP, 2, "", "Reaffirming the sovereignty of Mali,")));
        for (int i = 0; i < operative.length; i++) {
            paragraphs.add(new ResolutionParagraph(ParagraphRef.Kind.OP, i + 1, "", operative[i]));
        }
        return new Resolution(symbol, null, paragraphs, null);
    }

    @Test
    void aLaterResolutionReplacesTheDayAndEveryEventSaysItsSource() {
        Calendar calendar = Calendar.build(List.of(MALI), List.of(
                resolution("S/RES/2640 (2022)", "Decides to extend the mandate of MINUSMA until 30 June 2023;"),
                resolution("S/RES/2584 (2021)", "Decides to extend the mandate of MINUSMA until 30 June 2022;")),
                List.of(new PlannedMeeting(7, "mali", LocalDate.of(2023, 6, 16), "Briefing on MINUSMA", "S/PV.9350")),
                List.of(new CalendarRepository.Review("MLI-S43", "MLI", 43, LocalDate.of(2023, 5, 2), "A/HRC/54/8")));
        assertThat(calendar.events()).extracting(CalendarEvent::start, CalendarEvent::kind, CalendarEvent::title)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2023, 5, 2), "upr",
                                "Mali: UPR review (Working Group, session 43)"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2023, 6, 16), "meeting",
                                "Mali: Briefing on MINUSMA"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2023, 6, 30), "deadline",
                                "Mali: The mandate of MINUSMA ends unless renewed"));
        CalendarEvent deadline = calendar.events().get(2);
        assertThat(deadline.source()).isEqualTo("S/RES/2640 (2022), OP1");
        assertThat(deadline.href()).isEqualTo("https://undocs.org/S/RES/2640(2022)");
        assertThat(calendar.events().get(1).href()).isEqualTo("https://undocs.org/S/PV.9350");
        // Session 43 + 14 = 57, whose days are not in the list of sessions yet.
        assertThat(calendar.unscheduled()).containsExactly(new Calendar.Expected("mali", "Mali", 57));
        assertThat(calendar.between(LocalDate.of(2023, 6, 1), LocalDate.of(2023, 6, 20))).hasSize(1);
    }

    @Test
    void theNextReviewIsDatedWhenItsSessionIs() {
        Calendar calendar = Calendar.build(List.of(MALI), List.of(), List.of(),
                List.of(new CalendarRepository.Review("MLI-S29", "MLI", 29, LocalDate.of(2018, 1, 22), null)));
        assertThat(calendar.events()).filteredOn(e -> e.kind().equals("upr-expected")).singleElement()
                .satisfies(e -> {
                    assertThat(e.start()).isEqualTo(LocalDate.of(2023, 5, 1)); // session 43
                    assertThat(e.end()).isAfter(e.start());
                });
    }

    @Test
    void aResolutionIsOnTheSituationItNamesMostNotOneWhoseNameIsInsideAnother() {
        Resolution r = new Resolution("S/RES/2683 (2023)", null, List.of(
                new ResolutionParagraph(ParagraphRef.Kind.PP, 1, "", "Recalling its resolutions on South Sudan and"
                        + " on the Sudan,"),
                new ResolutionParagraph(ParagraphRef.Kind.OP, 1, "", "Decides to renew the measures on South Sudan"
                        + " until 31 May 2024;"),
                new ResolutionParagraph(ParagraphRef.Kind.OP, 2, "", "Urges South Sudan to cooperate;")), null);
        assertThat(Calendar.situationsOf(r, List.of(SUDAN, SOUTH_SUDAN, MALI))).containsExactly("south-sudan");
        assertThat(Calendar.situationsOf(resolution("S/RES/1 (2020)", "Decides to remain seized."), List.of(SUDAN)))
                .isEmpty();
    }
}
