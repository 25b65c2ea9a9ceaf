package org.councilbrief.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays a meeting record out as the UN prints a verbatim record, for tests: lines wrapped at 95 columns, paragraphs
 * indented, 50 lines a page, a running header (symbol, agenda item, date; mirrored on even pages) and a footer (job
 * number and page) on each page, a form feed between pages. Built from the one-speech-per-paragraph texts of
 * ../shared/data/council-speeches, because the printed records themselves are not in the data.
 */
public final class PrintedRecord {
    private static final int WIDTH = 95;
    private static final int LINES_PER_PAGE = 50;

    private PrintedRecord() {
    }

    public static String layout(String record, String symbol, String topic, String date, String jobNumber) {
        List<String> body = new ArrayList<>();
        for (String paragraph : record.split("\n\\s*\n")) {
            String p = paragraph.strip().replaceAll("\\s+", " ");
            if (p.isEmpty()) {
                continue;
            }
            wrap(p, body);
        }
        int pages = (body.size() + LINES_PER_PAGE - 1) / LINES_PER_PAGE;
        StringBuilder out = new StringBuilder();
        for (int page = 1; page <= pages; page++) {
            String header = page % 2 == 1 ? symbol + "    " + topic + "    " + date : date + "    " + topic + "    " + symbol;
            out.append(page == 1 ? "" : "\f").append(header).append("\n\n");
            int from = (page - 1) * LINES_PER_PAGE;
            for (String line : body.subList(from, Math.min(body.size(), from + LINES_PER_PAGE))) {
                out.append(line).append('\n');
            }
            String footer = page % 2 == 1 ? jobNumber + "    " + page + "/" + pages : page + "/" + pages + "    " + jobNumber;
            out.append('\n').append(footer).append('\n');
        }
        return out.toString();
    }

    private static void wrap(String paragraph, List<String> lines) {
        StringBuilder line = new StringBuilder("    ");
        for (String word : paragraph.split(" ")) {
            if (line.length() + 1 + word.length() > WIDTH && line.toString().strip().length() > 0) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
            }
            if (!line.isEmpty() && !line.toString().endsWith(" ")) {
                line.append(' ');
            }
            line.append(word);
        }
        if (!line.toString().isBlank()) {
            lines.add(line.toString().stripTrailing());
        }
    }
}
