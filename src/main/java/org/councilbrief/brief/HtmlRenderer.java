package org.councilbrief.brief;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The brief page, from the precompiled jte template {@code brief/brief.jte}: semantic headings with anchors, key topics
 * that jump to their items, UPR toggles as {@code <details>}, symbols linked, a print stylesheet; no JavaScript. The
 * output is well-formed XHTML so that the PDF renderer can lay out the same page.
 */
public final class HtmlRenderer implements BriefRenderer {
    static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

    @Override
    public String format() {
        return "html";
    }

    @Override
    public String contentType() {
        return "text/html; charset=utf-8";
    }

    @Override
    public String extension() {
        return "html";
    }

    @Override
    public void render(BriefView view, OutputStream out) throws IOException {
        out.write(html(BriefPage.standalone(view)).getBytes(StandardCharsets.UTF_8));
    }

    public static String html(BriefPage page) {
        StringOutput output = new StringOutput(32 * 1024);
        TEMPLATES.render("brief/brief.jte", page, output);
        return output.toString();
    }
}
