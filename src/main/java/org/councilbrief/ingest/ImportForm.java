package org.councilbrief.ingest;

import static org.councilbrief.Forms.blank;

/**
 * The import page's fields as the editor typed them, kept as text so that a refused form comes back exactly as it was
 * sent (a date that is not a date included).
 *
 * @param kind the kind's id ({@code meeting-record}), or "" for none chosen
 * @param situation the situation's id, or ""
 * @param symbol the document's symbol, or ""
 * @param date the meeting's date as typed, or ""
 */
public record ImportForm(String kind, String situation, String symbol, String date) {
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
        return v == null ? "" : v;
    }
}
