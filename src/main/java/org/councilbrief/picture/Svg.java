package org.councilbrief.picture;

import java.util.Locale;

/**
 * A small writer of SVG drawn on the server: the picture's title and description first (so screen readers and the
 * PDF renderer have them), then shapes and text, every text escaped. Coordinates are written with at most two
 * decimals so the same figures give the same bytes. The drawing scales to its container (viewBox, no fixed size), never
 * beyond its own size (a small picture is not blown up across a wide page or a PDF).
 */
public final class Svg {
    private final StringBuilder out = new StringBuilder();
    private boolean closed;
    private boolean styled;

    /**
     * Starts a picture {@code width} by {@code height} user units. {@code id} must be unique on the page: the title
     * and description are referred to by it.
     */
    public Svg(String id, double width, double height, String title, String description) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(num(width)).append(' ')
                .append(num(height)).append("\" width=\"100%\" style=\"max-width:").append(num(width))
                .append("px\" role=\"img\" class=\"picture\" aria-labelledby=\"")
                .append(escape(id)).append("-title ").append(escape(id)).append("-desc\" font-family=")
                .append("\"Helvetica,Arial,sans-serif\" font-size=\"12\">")
                .append("<title id=\"").append(escape(id)).append("-title\">").append(escape(title)).append("</title>")
                .append("<desc id=\"").append(escape(id)).append("-desc\">").append(escape(description))
                .append("</desc>");
    }

    /**
     * Sets the picture's own CSS (the {@code style} attribute of the root element) in place of the default one (no
     * wider than its own size), for the few sizes a picture needs beyond scaling to its container: "max-width:36rem"
     * so that a small picture does not grow huge on a wide screen, "min-width:30rem" so that a wide one scrolls on a
     * phone rather than shrinking its words away. Called once, before the picture is finished.
     */
    public Svg style(String css) {
        if (closed || styled) {
            throw new IllegalStateException("the picture's style is set once, before it is finished");
        }
        int start = out.indexOf(" style=\"");
        int end = out.indexOf("\"", start + " style=\"".length());
        out.replace(start, end + 1, " style=\"" + escape(css) + "\"");
        styled = true;
        return this;
    }

    /** A rectangle; {@code fill} and {@code stroke} are colours or "none". */
    public Svg rect(double x, double y, double w, double h, String fill, String stroke) {
        out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                .append("\" height=\"").append(num(h)).append("\" fill=\"").append(escape(fill))
                .append("\" stroke=\"").append(escape(stroke)).append("\"/>");
        return this;
    }

    /** A circle. */
    public Svg circle(double cx, double cy, double r, String fill, String stroke) {
        out.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"")
                .append(num(r)).append("\" fill=\"").append(escape(fill)).append("\" stroke=\"")
                .append(escape(stroke)).append("\"/>");
        return this;
    }

    /** A straight line. */
    public Svg line(double x1, double y1, double x2, double y2, String stroke, double width) {
        out.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"")
                .append(num(x2)).append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(escape(stroke))
                .append("\" stroke-width=\"").append(num(width)).append("\"/>");
        return this;
    }

    /** A path, {@code d} in SVG path syntax (the caller's numbers). */
    public Svg path(String d, String fill, String stroke, double width) {
        out.append("<path d=\"").append(escape(d)).append("\" fill=\"").append(escape(fill)).append("\" stroke=\"")
                .append(escape(stroke)).append("\" stroke-width=\"").append(num(width)).append("\"/>");
        return this;
    }

    /**
     * Text at a point. {@code anchor} is "start", "middle" or "end"; {@code weight} "normal" or "bold"; text is
     * escaped.
     */
    public Svg text(double x, double y, String text, String anchor, String weight, String fill) {
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"")
                .append(escape(anchor)).append("\" font-weight=\"").append(escape(weight)).append("\" fill=\"")
                .append(escape(fill)).append("\">").append(escape(text)).append("</text>");
        return this;
    }

    /**
     * Text turned by {@code degrees} about its anchor point (negative turns it anticlockwise), for column headings too
     * long to stand level.
     */
    public Svg textTurned(double x, double y, double degrees, String text, String anchor, String weight, String fill) {
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" transform=\"rotate(")
                .append(num(degrees)).append(' ').append(num(x)).append(' ').append(num(y)).append(")\" text-anchor=\"")
                .append(escape(anchor)).append("\" font-weight=\"").append(escape(weight)).append("\" fill=\"")
                .append(escape(fill)).append("\">").append(escape(text)).append("</text>");
        return this;
    }

    /**
     * Opens a group carrying a class and data attributes ({@code data-} is prefixed to each name), with a tooltip-like
     * title, until {@link #end()}: tests and readers of the SVG find a picture's parts by them. Attributes are written
     * in the order of their names, so the same picture gives the same bytes.
     */
    public Svg group(String cssClass, java.util.Map<String, String> data, String title) {
        out.append("<g class=\"").append(escape(cssClass)).append('"');
        new java.util.TreeMap<>(data).forEach((k, v) -> out.append(" data-").append(escape(k)).append("=\"")
                .append(escape(v)).append('"'));
        out.append('>');
        if (title != null && !title.isEmpty()) {
            out.append("<title>").append(escape(title)).append("</title>");
        }
        return this;
    }

    /** Opens a group with a tooltip-like title (shown on hover by browsers) until {@link #end()}. */
    public Svg group(String title) {
        out.append("<g>");
        if (title != null && !title.isEmpty()) {
            out.append("<title>").append(escape(title)).append("</title>");
        }
        return this;
    }

    /** Closes the group opened last. */
    public Svg end() {
        out.append("</g>");
        return this;
    }

    /** The whole picture; the writer is finished after this. */
    @Override
    public String toString() {
        if (!closed) {
            out.append("</svg>");
            closed = true;
        }
        return out.toString();
    }

    /** A number with at most two decimals and no trailing zeros, in a locale-free form. */
    static String num(double value) {
        if (!Double.isFinite(value) || Math.abs(value) > 1e12) {
            throw new IllegalArgumentException("not a finite coordinate: " + value);
        }
        // Written by hand: String.format and two regular expressions per number were a sixth of the site's build.
        long hundredths = Math.round(Math.abs(value) * 100); // halves away from zero, on either side of it
        if (hundredths == 0) {
            return "0";
        }
        StringBuilder b = new StringBuilder(12);
        if (value < 0) {
            b.append('-');
        }
        b.append(hundredths / 100);
        int fraction = (int) (hundredths % 100);
        if (fraction != 0) {
            b.append('.').append(fraction / 10);
            if (fraction % 10 != 0) {
                b.append(fraction % 10);
            }
        }
        return b.toString();
    }

    /** Text made safe inside an element or a double-quoted attribute. */
    public static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.toString();
    }
}
