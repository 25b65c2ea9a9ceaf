package org.councilbrief.export;

import java.util.Optional;

/** The formats of an export: CSV (RFC 4180, a header line first) and JSON Lines (one object per line). */
public enum Format {
    CSV("csv", "text/csv; charset=utf-8"),
    JSONL("jsonl", "application/x-ndjson; charset=utf-8");

    private final String id;
    private final String contentType;

    Format(String id, String contentType) {
        this.id = id;
        this.contentType = contentType;
    }

    /** Its name on the command line and its file extension. */
    public String id() {
        return id;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<Format> byId(String id) {
        for (Format f : values()) {
            if (f.id.equals(id)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
