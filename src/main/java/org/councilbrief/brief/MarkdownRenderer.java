package org.councilbrief.brief;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.councilbrief.brief.BriefView.Block;
import org.councilbrief.brief.BriefView.KeyTopic;
import org.councilbrief.brief.BriefView.KeyTopicGroup;
import org.councilbrief.brief.BriefView.ParagraphView;
import org.councilbrief.brief.BriefView.SectionView;
import org.councilbrief.brief.BriefView.Span;
import org.councilbrief.brief.BriefView.UprMember;

/** CommonMark: headings, numbered lists, symbols as links, the UPR block as nested lists. */
final class MarkdownRenderer implements BriefRenderer {
    @Override
    public String format() {
        return "md";
    }

    @Override
    public String contentType() {
        return "text/markdown; charset=utf-8";
    }

    @Override
    public String extension() {
        return "md";
    }

    @Override
    public void render(BriefView view, OutputStream out) throws IOException {
        out.write(markdown(view).getBytes(StandardCharsets.UTF_8));
    }

    String markdown(BriefView view) {
        StringBuilder s = new StringBuilder();
        s.append("# ").append(escape(view.situationName())).append("\n\n");
        s.append("*").append(escape(view.updatedLine())).append("*\n\n");
        view.intro().forEach(p -> s.append(escape(p)).append("\n\n"));
        s.append("## Key topics\n\n");
        for (KeyTopicGroup group : view.keyTopics()) {
            s.append("**").append(escape(group.heading())).append("**\n\n");
            for (KeyTopic topic : group.topics()) {
                s.append(topic.number()).append(". [").append(escape(topic.text())).append("](#")
                        .append(topic.anchor()).append(")\n");
            }
            s.append('\n');
        }
        for (SectionView section : view.sections()) {
            s.append("## ").append(escape(section.heading())).append("\n\n");
            for (Block block : section.blocks()) {
                if (block.subHeading() != null) {
                    s.append("### ").append(escape(block.subHeading())).append("\n\n");
                }
                for (ParagraphView p : block.paragraphs()) {
                    if (p.anchor() != null) {
                        s.append("<a id=\"").append(p.anchor()).append("\"></a>\n");
                    }
                    s.append(p.number() > 0 ? p.number() + ". " : "");
                    for (Span span : p.spans()) {
                        s.append(span.url() == null ? escape(span.text())
                                : "[" + escape(span.text()) + "](" + span.url() + ")");
                    }
                    s.append("\n\n");
                    if (p.upr() != null) {
                        if (p.upr().gap() != null) {
                            s.append("   *").append(escape(p.upr().gap())).append("*\n\n");
                        }
                        for (UprMember member : p.upr().members()) {
                            s.append("   - **").append(escape(member.label())).append("**\n");
                            member.recommendations().forEach(r -> s.append("     - ").append(escape(r)).append('\n'));
                            if (member.note() != null) {
                                s.append("     - *").append(escape(member.note())).append("*\n");
                            }
                        }
                        s.append('\n');
                    }
                    if (p.sources() != null) {
                        s.append(p.number() > 0 ? "   " : "")
                                .append(p.sources().size() == 1 ? "Source: " : "Sources: ");
                        for (int i = 0; i < p.sources().size(); i++) {
                            BriefView.SourceView source = p.sources().get(i);
                            s.append(i == 0 ? "" : "; ").append(source.url() == null ? escape(source.text())
                                    : "[" + escape(source.text()) + "](" + destination(source.url()) + ")");
                        }
                        s.append("\n\n");
                    }
                }
            }
        }
        return s.toString();
    }

    /**
     * A link's destination that CommonMark reads as one address and never as markup: spaces and angle brackets
     * percent-encoded, parentheses and backslashes escaped.
     */
    static String destination(String url) {
        StringBuilder s = new StringBuilder(url.length());
        for (char c : url.toCharArray()) {
            switch (c) {
                case ' ' -> s.append("%20");
                case '<' -> s.append("%3C");
                case '>' -> s.append("%3E");
                case '\\' -> s.append("%5C");
                case '(', ')' -> s.append('\\').append(c);
                default -> s.append(Character.isISOControl(c) ? "" : String.valueOf(c));
            }
        }
        return s.toString();
    }

    /** Escapes what CommonMark would read as markup, so that a brief's text shows as written. */
    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if ("\\`*_{}[]<>()#+!|".indexOf(c) >= 0) {
                s.append('\\');
            }
            s.append(c);
        }
        return s.toString();
    }
}
