package org.councilbrief.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.councilbrief.AppException;
import org.councilbrief.compare.ThemeCrosswalk;
import org.councilbrief.council.Membership;
import org.councilbrief.db.Database;
import org.councilbrief.document.CsvWriter;

/**
 * Every row of a dataset that matches a filter, written as CSV or JSON Lines while it is read: no cap, and memory that
 * does not grow with the rows (decision 0041). The same rows, page by page, are the API's collections. Public data
 * only: positions are those an editor accepted, taken by a state that sat on the Council on the meeting's day, as the
 * public site shows them.
 */
public final class Exports {
    private static final JsonFactory JSON = new JsonFactory();
    private final ExportRepository repository;
    private final Supplier<Membership> membership;

    public Exports(Database database, Supplier<Membership> membership) {
        this.repository = new ExportRepository(database.jdbi());
        this.membership = membership;
    }

    /** The filter from text as typed ({@link ExportFilter#of}), refused too when it names an unknown situation. */
    public ExportFilter filter(String q, String situation, String member, String theme, String year)
            throws AppException {
        ExportFilter filter = ExportFilter.of(q, situation, member, theme, year);
        if (filter.situation() != null && repository.situationState(filter.situation()) == null) {
            throw new AppException("there is no situation '" + org.councilbrief.Forms.excerpt(filter.situation())
                    + "'");
        }
        return filter;
    }

    /**
     * Hands on, in order of id, each row of {@code dataset} above {@code after} that matches the filter, until the sink
     * returns false.
     */
    public void rows(Dataset dataset, ExportFilter filter, long after, ExportRepository.Sink sink) throws IOException {
        String state = null;
        if (filter.situation() != null && dataset == Dataset.RECOMMENDATIONS) {
            Optional<String> found = repository.situationState(filter.situation());
            state = found == null ? null : found.orElse(null);
        }
        ExportRepository.Sink out = sink;
        if (dataset == Dataset.RECOMMENDATIONS && filter.theme() != null) {
            ThemeCrosswalk crosswalk = new ThemeCrosswalk();
            String theme = filter.theme();
            ExportRepository.Sink next = out;
            // The Council themes of a recommendation are read from its text and UPR Info issues, as the member and
            // theme pages read them; the database does not hold them.
            @SuppressWarnings("unchecked")
            ExportRepository.Sink themed = row -> !crosswalk.themes((String) row[8], (List<String>) row[11])
                    .contains(theme) || next.accept(row);
            out = themed;
        }
        if (dataset == Dataset.POSITIONS) {
            Membership council = membership.get();
            Map<LocalDate, java.util.Set<String>> members = new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<LocalDate, java.util.Set<String>> eldest) {
                    return size() > 256;
                }
            };
            ExportRepository.Sink next = out;
            out = row -> {
                java.util.Set<String> on = members.computeIfAbsent((LocalDate) row[2], date -> {
                    try {
                        return council.on(date).codes();
                    } catch (IllegalArgumentException e) {
                        return java.util.Set.of(); // a date before 1946
                    }
                });
                return !on.contains((String) row[5]) || next.accept(row);
            };
        }
        repository.stream(dataset, filter, state, after, out);
    }

    /** Writes every matching row in the format, a CSV header first; returns how many rows were written. */
    public long write(Dataset dataset, Format format, ExportFilter filter, Writer out) throws IOException {
        long[] count = new long[1];
        if (format == Format.CSV) {
            CsvWriter.Records csv = CsvWriter.to(out);
            csv.write(dataset.columns().stream().map(Dataset.Column::name).toList());
            rows(dataset, filter, 0, row -> {
                csv.write(cells(row));
                count[0]++;
                return true;
            });
        } else {
            JsonGenerator json = JSON.createGenerator(out);
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            rows(dataset, filter, 0, row -> {
                json(json, dataset, row);
                json.writeRaw('\n');
                count[0]++;
                return true;
            });
            json.flush();
        }
        out.flush();
        return count[0];
    }

    /** One row as a JSON object, keyed by the dataset's column names: what a line of JSON Lines and the API hold. */
    @SuppressWarnings("unchecked")
    public static void json(JsonGenerator json, Dataset dataset, Object[] row) throws IOException {
        json.writeStartObject();
        List<Dataset.Column> columns = dataset.columns();
        for (int i = 0; i < row.length; i++) {
            json.writeFieldName(columns.get(i).name());
            Object value = row[i];
            if (value == null) {
                json.writeNull();
            } else {
                switch (columns.get(i).type()) {
                    case NUMBER -> json.writeNumber((Long) value);
                    case TEXT -> json.writeString((String) value);
                    case DATE -> json.writeString(value.toString());
                    case LIST -> {
                        json.writeStartArray();
                        for (String item : (List<String>) value) {
                            json.writeString(item);
                        }
                        json.writeEndArray();
                    }
                }
            }
        }
        json.writeEndObject();
    }

    /** One row's CSV cells: a list's items joined by {@code ;} (formula-like cells are escaped by the writer). */
    @SuppressWarnings("unchecked")
    static List<String> cells(Object[] row) {
        List<String> cells = new ArrayList<>(row.length);
        for (int i = 0; i < row.length; i++) {
            Object value = row[i];
            cells.add(value == null ? "" : value instanceof List<?> list ? String.join(";", (List<String>) list)
                    : value.toString());
        }
        return cells;
    }
}
