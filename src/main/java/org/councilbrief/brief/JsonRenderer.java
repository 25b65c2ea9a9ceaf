package org.councilbrief.brief;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The brief as shown, as JSON: headings with counts, key topics, paragraphs with their links, the UPR block. */
final class JsonRenderer implements BriefRenderer {
    @Override
    public String format() {
        return "json";
    }

    @Override
    public String contentType() {
        return "application/json";
    }

    @Override
    public String extension() {
        return "json";
    }

    @Override
    public void render(BriefView view, OutputStream out) throws IOException {
        out.write(BriefJson.write(view).getBytes(StandardCharsets.UTF_8));
    }
}
