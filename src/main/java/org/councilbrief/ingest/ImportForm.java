package org.councilbrief.ingest;

import static org.councilbrief.Forms.blank;

/**
 * The import page's fields as the editor typed them, kept as text so that a refused form comes back exactly as it was
 * sent (a date that is not a date included), cleaned of control characters; a field of more than {@link #KEPT}
 * characters (far over its limit, which the page checks on what was sent) is kept cut there, since the form is kept
 * with its upload for a while.
 *
 * @param kind the kind's id ({@code meeting-record}), or "" for none chosen
 * @param situation the situation's id, or ""
 * @param symbol the document's symbol, or ""
 * @param date the meeting's date as typed, or ""
 */
public record ImportForm(String kind, String situation, String symbol, String date) {
    /** The longest situation id the field takes: {@code situation.id varchar(80)}. */
    public static final int SITUATION = 80;
    /** The longest symbol the field takes: {@code document.symbol varchar(60)}. */
    public static final int SYMBOL = 60;
    /** The most characters of a field kept. */
    static final int KEPT = 1000;

    public ImportForm {
        kind = text(kind);
        situation = text(situation);
        symbol = text(symbol);
        date = text(date);
    }

    public static ImportForm empty() {
        return new ImportForm("", "", "", "");
    }

    private static String text(String value) {
        String v = blank(value);
        return v == null ? "" : v.length() > KEPT ? v.substring(0, KEPT) : v;
    }
}
