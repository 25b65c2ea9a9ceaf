package org.councilbrief.brief;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Formats a {@link BriefView} in one output format. Renderers decide nothing about content: what goes into the brief
 * is settled in the view.
 */
public interface BriefRenderer {
    /** The format's name on the command line: text, html, md, json, pdf, docx. */
    String format();

    /** The media type served for this format. */
    String contentType();

    /** The file extension, without dot. */
    String extension();

    void render(BriefView view, OutputStream out) throws IOException;
}
