package org.councilbrief.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The calendar as an iCalendar file (RFC 5545): lines ended by CRLF and folded at 75 octets without splitting a
 * character, text escaped, every event all-day ({@code VALUE=DATE}, the end the day after the last), each with the
 * UID it keeps across runs.
 */
public final class ICalendar {
    public static final String CONTENT_TYPE = "text/calendar; charset=utf-8";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ICalendar() {
    }

    /**
     * @param stamp when the file is made (every event's DTSTAMP)
     * @param name the calendar's name, as a calendar program shows it
     */
    public static String write(List<CalendarEvent> events, Instant stamp, String name) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//councilbrief//Security Council calendar//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + text(name));
        for (CalendarEvent e : events) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + text(e.uid()));
            line(out, "DTSTAMP:" + STAMP.format(stamp));
            line(out, "DTSTART;VALUE=DATE:" + DAY.format(e.start()));
            line(out, "DTEND;VALUE=DATE:" + DAY.format(e.end().plusDays(1)));
            line(out, "SUMMARY:" + text(e.title()));
            StringBuilder description = new StringBuilder(e.what());
            if (e.source() != null) {
                description.append("\nSource: ").append(e.source());
            }
            if (e.detail() != null) {
                description.append("\n").append(e.detail());
            }
            line(out, "DESCRIPTION:" + text(description.toString()));
            line(out, "CATEGORIES:" + text(e.kind().toUpperCase(Locale.ROOT)));
            line(out, "TRANSP:TRANSPARENT");
            if (e.href() != null) {
                line(out, "URL:" + uri(e.href()));
            }
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** A TEXT value: backslash, semicolon, comma and line ends escaped; other control characters dropped. */
    static String text(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                case '\r' -> {
                    if (i + 1 >= value.length() || value.charAt(i + 1) != '\n') {
                        out.append("\\n");
                    }
                }
                default -> {
                    if (c == '\t' || c >= 0x20 && c != 0x7F) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A URI value: nothing to escape, but no spaces or control characters, which a URI cannot hold. */
    private static String uri(String href) {
        return href.replaceAll("[\\s\\p{Cntrl}]", "");
    }

    /** One content line, folded so that no line is longer than 75 octets, a character never split. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int i = 0;
        while (i < content.length()) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
