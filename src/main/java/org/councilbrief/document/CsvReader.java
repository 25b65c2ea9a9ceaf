package org.councilbrief.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * RFC 4180 CSV: fields separated by commas (or semicolons, when the header has more of those), quoted with double
 * quotes, quotes doubled inside quotes, line ends inside quoted fields. Each record remembers the line it starts on,
 * so that errors can name it.
 */
public final class CsvReader {
    /** One record: its fields by header name, and the line of the file where it starts. */
    public record Row(int line, Map<String, String> fields, int fieldCount) {
        public String get(String column) {
            return fields.getOrDefault(column, "");
        }
    }

    /** The header and the records of a CSV text. */
    public record Table(String source, List<String> header, List<Row> rows) {
        /** Fails on the first record whose number of fields is not the header's. */
        public void checkShape() throws InputException {
            for (Row row : rows) {
                if (row.fieldCount() != header.size()) {
                    throw new InputException(source, row.line(), "has " + row.fieldCount() + " fields where the"
                            + " header has " + header.size());
                }
            }
        }

        /** The first header among {@code names} (compared without case or spaces), or null. */
        public String column(String... names) {
            for (String name : names) {
                for (String h : header) {
                    if (key(h).equals(key(name))) {
                        return h;
                    }
                }
            }
            return null;
        }

        private static String key(String name) {
            return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        }
    }

    private CsvReader() {
    }

    public static Table read(SourceText source) throws InputException {
        String text = source.text();
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        int firstLineEnd = text.indexOf('\n');
        String firstLine = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
        char separator = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                        // RFC 4180: a closing quote ends the field. Text after it means the quotes are broken (an
                        // unclosed quote that swallowed the next lines, up to another quote), not a field to guess.
                        if (i + 1 < text.length() && text.charAt(i + 1) != separator && text.charAt(i + 1) != '\n') {
                            throw new InputException(source.name(), line, "text after the closing quote of a field:"
                                    + " the quotes of this line or of one above are broken");
                        }
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty() && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == separator) {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\n') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
                if (!(record.size() == 1 && record.get(0).isEmpty())) {
                    records.add(record);
                    lines.add(recordLine);
                }
                record = new ArrayList<>();
                line++;
                recordLine = line;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new InputException(source.name(), recordLine, "a quoted field is not closed before the end of the file");
        }
        if (fieldStarted || !field.isEmpty() || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
            lines.add(recordLine);
        }
        if (records.isEmpty()) {
            throw new InputException(source.name(), 0, "the CSV file is empty");
        }
        List<String> header = records.get(0).stream().map(String::strip).toList();
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> values = records.get(r);
            Map<String, String> fields = new LinkedHashMap<>();
            for (int k = 0; k < Math.min(header.size(), values.size()); k++) {
                fields.put(header.get(k), values.get(k));
            }
            rows.add(new Row(lines.get(r), fields, values.size()));
        }
        return new Table(source.name(), header, rows);
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
