package org.councilbrief.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** The iCalendar file, read back by a real parser (ical4j) and checked line by line against RFC 5545's rules. */
class ICalendarTest {
    private static final String LONG = "Central African Republic: the sanctions measures (arms embargo): the measures"
            + " on arms imposed by paragraph 1 of resolution 2127 (2013); “quoted”, with a backslash \\ and é, ü, 中文"
            + " characters that take several octets\nand a second line";
    private static final List<CalendarEvent> EVENTS = List.of(
            new CalendarEvent(Calendar.uid("deadline", "S/RES/2640 (2022)|OP1"), LocalDate.of(2023, 6, 30),
                    LocalDate.of(2023, 6, 30), "deadline", "The mandate of MINUSMA ends unless renewed", "mali",
                    "Mali", "S/RES/2640 (2022), OP1", "https://undocs.org/S/RES/2640(2022)", "“until 30 June 2023”"),
            new CalendarEvent(Calendar.uid("upr-expected", "MLI-S57"), LocalDate.of(2025, 11, 3),
                    LocalDate.of(2025, 11, 14), "upr-expected", LONG, null, null, null, null, "a; b, c"));

    @Test
    void aRealParserReadsEveryEventWithItsUidDaysAndEscapedText() throws Exception {
        String ics = ICalendar.write(EVENTS, Instant.parse("2026-12-02T00:00:00Z"), "councilbrief, a test");
        net.fortuna.ical4j.model.Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        calendar.validate();
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(2);
        VEvent first = events.get(0);
        assertThat(first.<Property>getProperty(Property.UID).orElseThrow().getValue()).isEqualTo(EVENTS.get(0).uid());
        Property start = first.<Property>getProperty(Property.DTSTART).orElseThrow();
        assertThat(start.getValue()).isEqualTo("20230630");
        assertThat(start.<Parameter>getParameter(Parameter.VALUE).orElseThrow().getValue()).isEqualTo("DATE");
        assertThat(first.<Property>getProperty(Property.DTEND).orElseThrow().getValue()).isEqualTo("20230701");
        assertThat(first.<Property>getProperty(Property.SUMMARY).orElseThrow().getValue())
                .isEqualTo("Mali: The mandate of MINUSMA ends unless renewed");
        assertThat(first.<Property>getProperty(Property.DTSTAMP).orElseThrow().getValue())
                .isEqualTo("20261202T000000Z");
        VEvent second = events.get(1);
        // The long text comes back whole: unfolded, unescaped, its characters unsplit.
        assertThat(second.<Property>getProperty(Property.SUMMARY).orElseThrow().getValue()).isEqualTo(LONG);
        assertThat(second.<Property>getProperty(Property.DESCRIPTION).orElseThrow().getValue()).endsWith("a; b, c");
        assertThat(second.<Property>getProperty(Property.DTEND).orElseThrow().getValue()).isEqualTo("20251115");
    }

    @Test
    void everyLineEndsWithCrlfAndIsFoldedAt75Octets() {
        String ics = ICalendar.write(EVENTS, Instant.parse("2026-12-02T00:00:00Z"), "councilbrief");
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
        String[] lines = ics.split("\r\n");
        for (String line : lines) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        assertThat(ics).contains("\r\n ").contains("\\;").contains("\\,").contains("\\n").contains("\\\\");
        assertThat(ics).contains("VERSION:2.0\r\n").contains("PRODID:");
    }

    @Test
    void theSameEventHasTheSameUidOnEveryRun() {
        assertThat(Calendar.uid("deadline", "S/RES/2640 (2022)|OP1")).isEqualTo(Calendar.uid("deadline",
                "S/RES/2640 (2022)|OP1")).isNotEqualTo(Calendar.uid("deadline", "S/RES/2640 (2022)|OP2"))
                .endsWith("@councilbrief");
    }
}
