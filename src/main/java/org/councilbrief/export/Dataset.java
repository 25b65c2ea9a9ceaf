package org.councilbrief.export;

import java.util.List;
import java.util.Optional;

/**
 * What can be exported, and listed page by page by the API: UPR recommendations, the positions editors accepted and the
 * statements of meeting records. Each has its columns, in order; a CSV header names them, a JSON object keys by them.
 */
public enum Dataset {
    RECOMMENDATIONS("recommendations", List.of(
            Column.number("id"), Column.text("review"), Column.text("stateUnderReview"), Column.number("cycle"),
            Column.number("session"), Column.date("reviewDate"), Column.text("report"), Column.text("paragraph"),
            Column.text("text"), Column.list("recommendingStates"), Column.text("response"), Column.list("issues"))),
    POSITIONS("positions", List.of(
            Column.number("id"), Column.text("meeting"), Column.date("date"), Column.text("situation"),
            Column.number("index"), Column.text("member"), Column.text("act"), Column.text("theme"),
            Column.text("evidence"), Column.text("source"))),
    STATEMENTS("statements", List.of(
            Column.number("id"), Column.text("meeting"), Column.date("date"), Column.text("situation"),
            Column.number("index"), Column.text("speaker"), Column.text("member"), Column.text("onBehalfOf"),
            Column.text("language"), Column.text("text")));

    private final String id;
    private final List<Column> columns;

    Dataset(String id, List<Column> columns) {
        this.id = id;
        this.columns = columns;
    }

    /** Its name on the command line and in paths: {@code recommendations}, {@code positions}, {@code statements}. */
    public String id() {
        return id;
    }

    public List<Column> columns() {
        return columns;
    }

    public static Optional<Dataset> byId(String id) {
        for (Dataset d : values()) {
            if (d.id.equals(id)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The ids, for messages: "recommendations, positions, statements". */
    public static String ids() {
        return String.join(", ", java.util.Arrays.stream(values()).map(Dataset::id).toList());
    }

    /**
     * One column: its name and how its value is written. A {@code LIST} is an array in JSON and its items joined by
     * {@code ;} in CSV; a value may be null (an empty cell, a JSON null).
     */
    public record Column(String name, Type type) {
        /** How a column's values are held: Long, String, LocalDate or List of String. */
        public enum Type { NUMBER, TEXT, DATE, LIST }

        static Column number(String name) {
            return new Column(name, Type.NUMBER);
        }

        static Column text(String name) {
            return new Column(name, Type.TEXT);
        }

        static Column date(String name) {
            return new Column(name, Type.DATE);
        }

        static Column list(String name) {
            return new Column(name, Type.LIST);
        }
    }
}
