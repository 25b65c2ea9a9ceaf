package org.councilbrief.document;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Makes PDFs for tests and benchmarks from the text data, because no real PDF of these documents is in
 * ../shared/data: each page of the text (pages split at form feeds, as pdftotext writes them) becomes one A4 page
 * set in a monospaced font with openhtmltopdf, so that line breaks, running headers and footers fall where they fell
 * in the original.
 */
public final class TestPdfs {
    private TestPdfs() {
    }

    public static byte[] fromPages(String text) {
        StringBuilder html = new StringBuilder("""
                <html><head><style>
                @page { size: A4; margin: 14mm 12mm; }
                body { margin: 0; }
                pre { font-family: monospace; font-size: 7.5pt; line-height: 1.15; margin: 0; white-space: pre-wrap; }
                .page { page-break-after: always; }
                .page:last-child { page-break-after: auto; }
                </style></head><body>
                """);
        for (String page : text.split("\f")) {
            html.append("<div class=\"page\"><pre>").append(escape(page)).append("</pre></div>\n");
        }
        html.append("</body></html>");
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html.toString(), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
