package org.councilbrief.document;

import static org.councilbrief.Forms.excerpt;

import java.time.Year;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.councilbrief.AppException;

/**
 * Parses document symbols as they are written in briefs and UN documents, tolerant of the spacing and case that
 * published texts vary in ({@code S/RES/2374(2017)}, {@code s/pv.9350}), and rejects what cannot be a symbol with a
 * message that says why.
 */
public final class Symbols {
    private Symbols() {
    }

    /** The first resolutions, meetings and documents are of 1946; nothing is numbered before the United Nations. */
    static final int FIRST_YEAR = 1946;

    private record Form(Series series, Pattern pattern) {
    }

    private static final List<Form> FORMS = List.of(
            new Form(Series.SC_RESOLUTION, Pattern.compile("S/RES/(\\d+)\\s*\\((\\d{4})\\)")),
            new Form(Series.SC_PRESIDENTIAL_STATEMENT, Pattern.compile("S/PRST/(\\d{4})/(\\d+)")),
            new Form(Series.SC_MEETING,
                    Pattern.compile("S/PV\\.\\s*(\\d+)(?:\\s*\\(\\s*RESUMPTION\\s*(\\d+)\\s*\\))?")),
            new Form(Series.SC_DOCUMENT, Pattern.compile("S/(\\d{4})/(\\d+)(?:/ADD\\.\\s*(\\d+))?")),
            new Form(Series.HRC_RESOLUTION, Pattern.compile("A/HRC/RES/(\\d+)/(\\d+)")),
            new Form(Series.HRC_DOCUMENT, Pattern.compile("A/HRC/(\\d+)/(\\d+)(?:/ADD\\.\\s*(\\d+))?")),
            new Form(Series.GA_RESOLUTION, Pattern.compile("A/RES/(\\d+)/(\\d+)")),
            new Form(Series.SC_PRESS_RELEASE, Pattern.compile("SC/(\\d+)")));

    /** Parses a symbol, or says why the text is not one. */
    public static Symbol parse(String text) throws AppException {
        if (text == null || text.isBlank()) {
            throw new AppException("empty document symbol");
        }
        String s = text.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        for (Form form : FORMS) {
            Matcher m = form.pattern().matcher(s);
            if (m.matches()) {
                return build(text, form.series(), m);
            }
        }
        throw new AppException("'" + excerpt(text) + "' is not a document symbol councilbrief knows; expected one of "
                + "S/RES/2690 (2023), S/2023/402, S/PV.9350, S/PRST/2023/1, A/HRC/54/9, A/HRC/RES/52/2, A/RES/77/1, "
                + "SC/15341");
    }

    /** Parses a symbol, or returns empty if the text is not one. */
    public static Optional<Symbol> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (AppException e) {
            return Optional.empty();
        }
    }

    private static Symbol build(String text, Series series, Matcher m) throws AppException {
        return switch (series) {
            case SC_RESOLUTION -> new Symbol(series, number(text, m.group(1)), year(text, m.group(2)), 0, 0);
            case SC_PRESIDENTIAL_STATEMENT, SC_DOCUMENT ->
                new Symbol(series, number(text, m.group(2)), year(text, m.group(1)), 0,
                        m.groupCount() >= 3 && m.group(3) != null ? number(text, m.group(3)) : 0);
            case SC_MEETING -> new Symbol(series, number(text, m.group(1)), 0, 0,
                    m.group(2) != null ? number(text, m.group(2)) : 0);
            case HRC_DOCUMENT -> new Symbol(series, number(text, m.group(2)), 0, number(text, m.group(1)),
                    m.group(3) != null ? number(text, m.group(3)) : 0);
            case HRC_RESOLUTION, GA_RESOLUTION ->
                new Symbol(series, number(text, m.group(2)), 0, number(text, m.group(1)), 0);
            case SC_PRESS_RELEASE -> new Symbol(series, number(text, m.group(1)), 0, 0, 0);
        };
    }

    private static int number(String text, String digits) throws AppException {
        if (digits.length() > 6) {
            throw new AppException("'" + excerpt(text) + "': the number " + digits + " is too large for a symbol");
        }
        int n = Integer.parseInt(digits);
        if (n == 0) {
            throw new AppException("'" + excerpt(text) + "': numbers in symbols start at 1");
        }
        return n;
    }

    private static int year(String text, String digits) throws AppException {
        int year = Integer.parseInt(digits);
        int last = Year.now().getValue() + 1;
        if (year < FIRST_YEAR || year > last) {
            throw new AppException("'" + excerpt(text) + "': the year " + year + " is not between " + FIRST_YEAR
                    + " and " + last);
        }
        return year;
    }
}
