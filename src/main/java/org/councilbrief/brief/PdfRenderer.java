package org.councilbrief.brief;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.IOException;
import java.io.OutputStream;

/**
 * PDF laid out from the brief page's HTML by openhtmltopdf, with the page's print stylesheet; the page's pictures
 * (inline SVG) drawn as vectors by openhtmltopdf's SVG module (Batik), as the browser draws them (decision 0044).
 */
public final class PdfRenderer implements BriefRenderer {
    @Override
    public String format() {
        return "pdf";
    }

    @Override
    public String contentType() {
        return "application/pdf";
    }

    @Override
    public String extension() {
        return "pdf";
    }

    static {
        // openhtmltopdf writes every CSS property it does not implement (custom properties, :target) to stderr;
        // the PDF is right without them, and the command line's stderr is for the person using it.
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    }

    @Override
    public void render(BriefView view, OutputStream out) throws IOException {
        render(BriefPage.standalone(view), out);
    }

    /** The PDF of a page: a preview's carries its mark ("Draft — not published") on the first page. */
    public static void render(BriefPage page, OutputStream out) throws IOException {
        String html = HtmlRenderer.html(page);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useSVGDrawer(new BatikSVGDrawer());
        builder.withHtmlContent(html, null);
        builder.useDefaultPageSize(210, 297, PdfRendererBuilder.PageSizeUnits.MM);
        builder.toStream(out);
        builder.run();
    }
}
