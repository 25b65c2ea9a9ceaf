package org.councilbrief.document;

import java.util.List;

/** Writes RFC 4180 CSV: a field is quoted when it holds a comma, a quote or a line end, quotes doubled inside. */
public final class CsvWriter {
    private CsvWriter() {
    }

    public static String line(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String f = fields.get(i) == null ? "" : fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                out.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                out.append(f);
            }
        }
        return out.append('\n').toString();
    }
}
