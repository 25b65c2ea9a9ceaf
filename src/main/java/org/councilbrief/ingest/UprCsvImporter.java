package org.councilbrief.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.councilbrief.AppException;
import org.councilbrief.Progress;
import org.councilbrief.document.SourceText;
import org.councilbrief.upr.UprInfoCsv;

/** A UPR Info database export or a UHRI export (CSV): one review per state under review and session. */
final class UprCsvImporter implements Importer {
    @Override
    public String id() {
        return "upr-csv";
    }

    @Override
    public String description() {
        return "UPR Info or UHRI export (CSV): recommendations with their states, issues and responses";
    }

    @Override
    public boolean canRead(SourceText text) {
        int end = text.text().indexOf('\n');
        // The header's first 2,000 characters: enough for any export's, and the regular expression below stays cheap.
        String header = text.text().substring(0, Math.min(end < 0 ? text.text().length() : end, 2_000))
                .toLowerCase(java.util.Locale.ROOT);
        return (header.contains(",") || header.contains(";")) && header.contains("recommend")
                || header.matches(".*\\bto\\b.*\\bfrom\\b.*\\btext\\b.*");
    }

    @Override
    public ParsedImport read(SourceText source, ImportOptions options, ImportContext context) throws AppException {
        return read(source, options, context, Progress.none());
    }

    @Override
    public ParsedImport read(SourceText source, ImportOptions options, ImportContext context, Progress progress)
            throws AppException {
        UprInfoCsv.Result result = new UprInfoCsv().read(source, progress);
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("rows", result.rows());
        counts.put("reviews", result.reviews().size());
        counts.put("recommendations", result.reviews().stream().mapToInt(r -> r.recommendations().size()).sum());
        String target = result.reviews().size() == 1 ? "UPR review " + result.reviews().get(0).id()
                : result.reviews().size() + " UPR reviews";
        return new ParsedImport.Reviews(target, result.reviews(), counts, result.warnings());
    }
}
