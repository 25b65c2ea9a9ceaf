package org.councilbrief.document;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * RFC 4180 CSV, read with Apache Commons CSV (decision 0033): fields separated by commas (or semicolons, when the
 * header has more of those), quoted with double quotes, quotes doubled inside quotes, line ends inside quoted fields.
 * Fields are read from the file's own text, so a carriage return inside a quoted field is kept as it is. Each record
 * remembers the line it starts on, so that errors can name it. A header that names a column twice is refused, since
 * a reader could not tell which of the two it was given; blank column names are allowed (nothing looks them up).
 */
public final class CsvReader {
    /** Header names and field excerpts quoted in messages are cut to this many characters. */
    private static final int EXCERPT = 60;

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

        /**
         * The first header among {@code names} (compared without case, spaces or punctuation; names without a Latin
         * letter or digit are compared whole, without case), or null.
         */
        public String column(String... names) {
            for (String name : names) {
                for (String h : header) {
                    if (!h.isEmpty() && sameName(h, name)) {
                        return h;
                    }
                }
            }
            return null;
        }
    }

    private CsvReader() {
    }

    public static Table read(SourceText source) throws InputException {
        String text = source.original();
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        LineIndex lines = new LineIndex(text);
        int firstLineEnd = lines.endOfFirstLine();
        String firstLine = text.substring(0, firstLineEnd);
        char separator = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreEmptyLines(true).get();
        List<List<String>> records = new ArrayList<>();
        List<Integer> recordLines = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            var iterator = parser.iterator();
            while (true) {
                long linesBefore = parser.getCurrentLineNumber();
                try {
                    if (!iterator.hasNext()) {
                        break;
                    }
                    CSVRecord record = iterator.next();
                    records.add(record.toList());
                    // The position is where the parser was, before the blank lines it skips to reach the record.
                    recordLines.add(lines.firstNonBlankLineAfter(lines.lineAt(record.getCharacterPosition()) - 1L));
                } catch (UncheckedIOException e) {
                    int line = lines.firstNonBlankLineAfter(linesBefore);
                    throw new InputException(source.name(), line, reason(e.getCause()), e);
                }
            }
        } catch (IOException e) {
            throw new InputException(source.name(), 0, "cannot be read as CSV (" + e.getMessage() + ")", e);
        }
        if (records.isEmpty()) {
            throw new InputException(source.name(), 0, "the CSV file is empty");
        }
        List<String> header = records.get(0).stream().map(String::strip).toList();
        checkNamesOnce(source.name(), header);
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> values = records.get(r);
            Map<String, String> fields = new LinkedHashMap<>();
            for (int k = 0; k < Math.min(header.size(), values.size()); k++) {
                fields.put(header.get(k), values.get(k));
            }
            rows.add(new Row(recordLines.get(r), fields, values.size()));
        }
        return new Table(source.name(), header, rows);
    }

    /** Commons CSV says what is wrong in its own words and with its own positions; ours name the record's line. */
    private static String reason(IOException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "a quoted field is not closed before the end of the file";
        }
        if (message.contains("Invalid character between encapsulated token and delimiter")
                || message.contains("Invalid char between encapsulated token and delimiter")) {
            return "a quoted field is followed by other characters before the next separator (a quote inside a"
                    + " quoted field must be doubled)";
        }
        return "cannot be read as CSV (" + excerpt(message) + ")";
    }

    /**
     * Two columns whose names are the same once case, spaces and punctuation are set aside would be one column to
     * {@link Table#column}, and a map by name keeps only one of them: the file is refused, naming both.
     */
    private static void checkNamesOnce(String source, List<String> header) throws InputException {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isEmpty()) {
                continue;
            }
            Integer first = seen.putIfAbsent(key(name), i);
            if (first != null) {
                String what = header.get(first).equals(name) ? "the column '" + excerpt(name) + "' appears twice"
                        : "the columns '" + excerpt(header.get(first)) + "' and '" + excerpt(name)
                        + "' have the same name";
                throw new InputException(source, 1, what + " in the header (columns " + (first + 1) + " and "
                        + (i + 1) + "); give each column its own name");
            }
        }
    }

    private static String key(String name) {
        String key = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return key.isEmpty() ? name.strip().toLowerCase(Locale.ROOT) : key;
    }

    private static boolean sameName(String a, String b) {
        return key(a).equals(key(b));
    }

    private static String excerpt(String text) {
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "…";
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

    /**
     * Where each line of the text starts, counting line ends as Commons CSV does (LF, CR or CRLF each end one line),
     * which is also how {@link SourceText#lines()} numbers them.
     */
    private static final class LineIndex {
        private final String text;
        private long[] starts = new long[64];
        private int count;

        LineIndex(String text) {
            this.text = text;
            add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                    add(i + 1);
                }
            }
        }

        private void add(long start) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = start;
        }

        int endOfFirstLine() {
            int end = 0;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            return end;
        }

        /** The line (from 1) holding the character at {@code position}. */
        int lineAt(long position) {
            int i = Arrays.binarySearch(starts, 0, count, position);
            return (i >= 0 ? i : -i - 2) + 1;
        }

        /** The first line after the first {@code done} lines that has something on it (where a record starts). */
        int firstNonBlankLineAfter(long done) {
            int line = (int) Math.min(done, count - 1L);
            while (line < count - 1 && isBlank(line)) {
                line++;
            }
            return line + 1;
        }

        private boolean isBlank(int line) {
            int start = (int) starts[line];
            return start >= text.length() || text.charAt(start) == '\n' || text.charAt(start) == '\r';
        }
    }
}
