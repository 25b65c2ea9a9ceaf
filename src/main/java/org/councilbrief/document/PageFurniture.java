package org.councilbrief.document;

import java.util.regex.Pattern;

/**
 * Recognises the lines a printed UN document repeats on every page and that are not part of its text: the job number
 * ("GE.25-02819", "20-00789 (E)"), the document symbol alone or with a page number ("A/HRC/59/15", "S/PV.8703 The
 * situation in Mali 15/01/2020"), page numbers ("11", "3/24", "Page 4") and the Council's footer address lines.
 * Removing them is what lets a sentence broken across a page be read as one.
 */
public final class PageFurniture {
    private static final Pattern JOB_NUMBER = Pattern.compile(
            "^\\s*(?:GE\\.\\d{2}-\\d{4,6}(?:\\s*\\([A-Z]\\))?|\\d{2}-\\d{5}(?:\\s*\\([A-Z]\\))?)(?:\\s+\\d{1,3}(?:/\\d{1,3})?)?\\s*[*\\s]*$");
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^\\s*(?:(?:Page|page|p\\.)\\s*)?\\d{1,3}(?:\\s*/\\s*\\d{1,3}|\\s+of\\s+\\d{1,3})?\\s*$");
    private static final Pattern SYMBOL = Pattern.compile(
            "(?:A/HRC/(?:WG\\.6/)?\\d+/[A-Z0-9./]+|A/\\d+/[A-Z0-9./]+|S/PV\\.\\d+(?:\\s*\\(Resumption \\d+\\))?|S/RES/\\d+\\s*\\(\\d{4}\\)|S/\\d{4}/\\d+|SC/\\d+)");
    private static final Pattern SYMBOL_LINE = Pattern.compile(
            "^\\s*(?:\\d{1,3}\\s+)?" + SYMBOL.pattern() + "(?:\\s+\\d{1,3})?\\s*$");
    /** The S/PV running header: symbol, agenda item, date as dd/mm/yyyy. */
    private static final Pattern PV_HEADER = Pattern.compile(
            "^\\s*(?:\\d{2}/\\d{2}/\\d{4}\\s+.{0,120}\\s+S/PV\\.\\d+(?:\\s*\\(Resumption \\d+\\))?|S/PV\\.\\d+(?:\\s*\\(Resumption \\d+\\))?\\s+.{0,120}\\s+\\d{2}/\\d{2}/\\d{4})\\s*$");
    /** The S/PV footer: job number with the page, in either order. */
    private static final Pattern PV_FOOTER = Pattern.compile(
            "^\\s*(?:\\d{2}-\\d{5}\\s+\\d{1,3}/\\d{1,3}|\\d{1,3}/\\d{1,3}\\s+\\d{2}-\\d{5})\\s*$");

    private PageFurniture() {
    }

    public static boolean isFurniture(String line) {
        if (line.isBlank() || line.length() > 200) {
            return false;
        }
        return JOB_NUMBER.matcher(line).matches() || PAGE_NUMBER.matcher(line).matches()
                || SYMBOL_LINE.matcher(line).matches() || PV_HEADER.matcher(line).matches()
                || PV_FOOTER.matcher(line).matches();
    }
}
