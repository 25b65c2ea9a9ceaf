package org.councilbrief.ingest;

import java.util.List;
import java.util.Map;

/**
 * What an import did.
 *
 * @param kind what the file was read as (an {@link Importer}'s id)
 * @param file the file
 * @param target what it was stored as ("S/PV.8703", "UPR review DZA-S1", …)
 * @param counts what was read, by name ("speeches" → 18), in the importer's order (the JSON line keeps it, so that
 *     the same import prints the same bytes)
 * @param unchanged true when the same file had been imported before, so that nothing was written
 * @param warnings what was read without full confidence
 */
public record ImportResult(String kind, String file, String target, Map<String, Integer> counts,
        boolean unchanged, List<String> warnings) {
    public ImportResult {
        counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
        warnings = List.copyOf(warnings);
    }
}
