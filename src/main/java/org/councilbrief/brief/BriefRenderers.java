package org.councilbrief.brief;

import java.util.List;
import java.util.Optional;
import org.councilbrief.AppException;

/** The output formats, as a plain list: to add one, write a {@link BriefRenderer} and add a line here. */
public final class BriefRenderers {
    private BriefRenderers() {
    }

    public static List<BriefRenderer> all() {
        return List.of(new TextRenderer(), new HtmlRenderer(), new MarkdownRenderer(), new JsonRenderer(),
                new PdfRenderer(), new DocxRenderer());
    }

    public static Optional<BriefRenderer> find(String format) {
        return all().stream().filter(r -> r.format().equals(format)).findFirst();
    }

    public static BriefRenderer require(String format) throws AppException {
        return find(format).orElseThrow(() -> new AppException("unknown format '" + format + "'; use one of "
                + String.join(", ", all().stream().map(BriefRenderer::format).toList())));
    }
}
