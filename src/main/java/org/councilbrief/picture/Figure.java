package org.councilbrief.picture;

import java.util.List;

/**
 * A picture as a page shows it: the SVG, a caption, and the same figures as a table for screen readers and for
 * anyone who would rather read (template {@code picture/figure.jte}). Tests compare the picture's figures with the
 * table's, so both are made from the same data by the chart that makes the figure.
 */
public record Figure(String id, String caption, String svg, List<String> columns, List<List<String>> rows) {
    public Figure {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
