package org.councilbrief.document;

import static org.councilbrief.Forms.excerpt;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.councilbrief.AppException;

/**
 * A reference to paragraphs of a document as briefs cite them: {@code para 19} (a report's numbered paragraph),
 * {@code OP8} (a resolution's operative paragraph), {@code PP3} (preambular), and ranges {@code OP50-OP57},
 * {@code paras 19-21}.
 */
public record ParagraphRef(Kind kind, int from, int to) {

    public enum Kind {
        PARA, OP, PP
    }

    public ParagraphRef {
        if (from < 1 || to < from) {
            throw new IllegalArgumentException("paragraphs run from 1 upwards, and a range from low to high");
        }
    }

    private static final Pattern FORM = Pattern.compile(
            "(?i)(?:(paras?\\.?)\\s*(\\d+)(?:\\s*[-–]\\s*(\\d+))?|(OP|PP)\\s*(\\d+)(?:\\s*[-–]\\s*(?:(?:OP|PP)\\s*)?(\\d+))?)");

    public static ParagraphRef parse(String text) throws AppException {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new AppException("'" + excerpt(text) + "' is not a paragraph reference; expected para 19, OP8"
                    + " or OP50-OP57");
        }
        try {
            if (m.group(1) != null) {
                int from = Integer.parseInt(m.group(2));
                return new ParagraphRef(Kind.PARA, from, m.group(3) != null ? Integer.parseInt(m.group(3)) : from);
            }
            Kind kind = Kind.valueOf(m.group(4).toUpperCase(Locale.ROOT));
            int from = Integer.parseInt(m.group(5));
            return new ParagraphRef(kind, from, m.group(6) != null ? Integer.parseInt(m.group(6)) : from);
        } catch (IllegalArgumentException e) {
            throw new AppException("'" + excerpt(text) + "' is not a valid paragraph reference: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        if (kind == Kind.PARA) {
            return from == to ? "para " + from : "paras " + from + "-" + to;
        }
        String k = kind.name();
        return from == to ? k + from : k + from + "-" + k + to;
    }
}
