package org.councilbrief.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes RFC 4180 CSV with Apache Commons CSV (decision 0033): a field is quoted when it holds a separator, a quote or
 * a line end, quotes doubled inside, records ended by {@code \n}. A field that a spreadsheet would take for a formula
 * (it starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) is written with a {@code '}
 * before it, as OWASP recommends against CSV injection, so that opening the file runs nothing.
 */
public final class CsvWriter {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private CsvWriter() {
    }

    public static String line(List<String> fields) {
        List<String> safe = new ArrayList<>(fields.size());
        for (String field : fields) {
            safe.add(cell(field));
        }
        StringBuilder out = new StringBuilder();
        try {
            new CSVPrinter(out, FORMAT).printRecord(safe);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return out.toString();
    }

    /**
     * Writes records to one output, each as {@link #line} writes it, through one printer: for a file of any length
     * (an export), without a printer per line.
     */
    public static Records to(Appendable out) {
        try {
            return new Records(new CSVPrinter(out, FORMAT));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // CSVPrinter writes nothing before the first record
        }
    }

    /** Records written one after the other to one output, formula cells escaped. */
    public static final class Records {
        private final CSVPrinter printer;

        private Records(CSVPrinter printer) {
            this.printer = printer;
        }

        public void write(List<String> fields) throws IOException {
            for (String field : fields) {
                printer.print(cell(field));
            }
            printer.println();
        }
    }

    /** The field as a spreadsheet should show it: formula-like text gets a leading {@code '}. */
    static String cell(String field) {
        if (field == null || field.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(field.charAt(0)) >= 0 ? "'" + field : field;
    }
}
