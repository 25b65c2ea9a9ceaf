package org.councilbrief.ingest;

import static org.councilbrief.Forms.excerpt;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.councilbrief.AppException;

/** The importers councilbrief has, in the order help texts and the import page list them. */
public final class Importers {
    private static final List<Importer> ALL = List.of(
            new UprReportImporter(),
            new MeetingRecordImporter(),
            new PressReleaseImporter(),
            new ResolutionImporter(),
            new UprCsvImporter());

    private Importers() {
    }

    public static List<Importer> all() {
        return ALL;
    }

    public static Importer byId(String id) throws AppException {
        String key = id.strip().toLowerCase(Locale.ROOT);
        for (Importer importer : ALL) {
            if (importer.id().equals(key)) {
                return importer;
            }
        }
        throw new AppException("unknown kind '" + excerpt(id) + "'; expected one of "
                + ALL.stream().map(Importer::id).collect(Collectors.joining(", ")));
    }
}
