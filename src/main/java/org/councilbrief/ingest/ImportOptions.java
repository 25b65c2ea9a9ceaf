package org.councilbrief.ingest;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What the person importing says about the file where the file may not say it.
 *
 * @param situation the situation the document belongs to (its id, e.g. mali), or null
 * @param symbol the document's symbol (S/PV.9350, A/HRC/54/9, S/RES/2690 (2023), SC/15341), or null to read it from
 *     the file
 * @param date the meeting's date for a meeting record that does not print it, or null
 * @param responses for a UPR report, its addendum or OHCHR's thematic list with the supported / noted answers, or
 *     null
 */
public record ImportOptions(String situation, String symbol, LocalDate date, Path responses) {
    /** What was typed, as every field of councilbrief is taken: control characters removed, blank as none. */
    public ImportOptions {
        situation = org.councilbrief.Forms.blank(situation);
        symbol = org.councilbrief.Forms.blank(symbol);
    }

    public ImportOptions(String situation, String symbol, LocalDate date) {
        this(situation, symbol, date, null);
    }

    public static ImportOptions none() {
        return new ImportOptions(null, null, null, null);
    }
}
