package org.councilbrief.document;

import java.net.URI;

/**
 * A UN document symbol in canonical form. Build one with {@link Symbols#parse}; {@link #toString()} prints the
 * canonical form, which parses back to an equal symbol.
 *
 * @param series the document series
 * @param number the document's number in its series (resolution number, meeting number, document number)
 * @param year the year for series numbered per year (S/RES, S/YYYY, S/PRST), else 0
 * @param session the Council or Assembly session for A/HRC and A/RES series, else 0
 * @param part resumption of a meeting record, or addendum of an S/ or A/HRC/ document; 0 for none
 */
public record Symbol(Series series, int number, int year, int session, int part) {

    public String canonical() {
        return switch (series) {
            case SC_RESOLUTION -> "S/RES/" + number + " (" + year + ")";
            case SC_DOCUMENT -> "S/" + year + "/" + number + addendum();
            case SC_MEETING -> "S/PV." + number + (part > 0 ? " (Resumption " + part + ")" : "");
            case SC_PRESIDENTIAL_STATEMENT -> "S/PRST/" + year + "/" + number;
            case HRC_DOCUMENT -> "A/HRC/" + session + "/" + number + addendum();
            case HRC_RESOLUTION -> "A/HRC/RES/" + session + "/" + number;
            case GA_RESOLUTION -> "A/RES/" + session + "/" + number;
            case SC_PRESS_RELEASE -> "SC/" + number;
        };
    }

    private String addendum() {
        return part > 0 ? "/Add." + part : "";
    }

    /**
     * The document's public address. Documents resolve through the UN's permanent links (undocs.org, which forwards to
     * the Official Document System); a meeting record's resumption is a separate document with its own symbol, so the
     * link names it. Press releases are not in the Official Document System; they link to the UN's press site search.
     */
    public URI url() {
        return switch (series) {
            case SC_RESOLUTION -> URI.create("https://undocs.org/S/RES/" + number + "(" + year + ")");
            case SC_MEETING -> URI.create("https://undocs.org/S/PV." + number + (part > 0 ? "(Resumption" + part + ")" : ""));
            case SC_PRESS_RELEASE -> URI.create("https://press.un.org/en/search/node?keys=SC%2F" + number);
            default -> URI.create("https://undocs.org/" + canonical());
        };
    }

    @Override
    public String toString() {
        return canonical();
    }
}
