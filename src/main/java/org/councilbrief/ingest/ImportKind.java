package org.councilbrief.ingest;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.councilbrief.AppException;

/** What a file given to {@code councilbrief import} is said to be. */
public enum ImportKind {
    UPR_REPORT("upr-report"),
    MEETING_RECORD("meeting-record"),
    PRESS_RELEASE("press-release"),
    RESOLUTION("resolution"),
    UPR_CSV("upr-csv");

    private final String id;

    ImportKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static ImportKind of(String id) throws AppException {
        for (ImportKind kind : values()) {
            if (kind.id.equals(id.strip().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new AppException("unknown kind '" + id + "'; expected one of "
                + Arrays.stream(values()).map(ImportKind::id).collect(Collectors.joining(", ")));
    }
}
