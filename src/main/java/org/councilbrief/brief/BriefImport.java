package org.councilbrief.brief;

import java.util.List;

/** A brief read from a published text, with the gaps it was found to have (undated items, items without a source). */
public record BriefImport(Brief brief, List<String> warnings) {
    public BriefImport {
        warnings = List.copyOf(warnings);
    }
}
