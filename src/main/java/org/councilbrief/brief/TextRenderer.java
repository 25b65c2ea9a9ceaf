package org.councilbrief.brief;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.councilbrief.brief.BriefView.Block;
import org.councilbrief.brief.BriefView.KeyTopic;
import org.councilbrief.brief.BriefView.KeyTopicGroup;
import org.councilbrief.brief.BriefView.ParagraphView;
import org.councilbrief.brief.BriefView.SectionView;
import org.councilbrief.brief.BriefView.UprMember;

/** Plain text laid out as a published brief reads when copied from its page. */
final class TextRenderer implements BriefRenderer {
    static final String INDENT = "  ";

    @Override
    public String format() {
        return "text";
    }

    @Override
    public String contentType() {
        return "text/plain; charset=utf-8";
    }

    @Override
    public String extension() {
        return "txt";
    }

    @Override
    public void render(BriefView view, OutputStream out) throws IOException {
        out.write(text(view).getBytes(StandardCharsets.UTF_8));
    }

    String text(BriefView view) {
        StringBuilder s = new StringBuilder();
        s.append(view.updatedLine()).append("\n\n");
        view.intro().forEach(p -> s.append(p).append("\n\n"));
        s.append(BriefTextImporter.KEY_TOPICS).append("\n\n");
        for (KeyTopicGroup group : view.keyTopics()) {
            s.append(group.heading()).append("\n\n");
            for (KeyTopic topic : group.topics()) {
                s.append(INDENT).append(topic.number()).append(". ").append(topic.text()).append("\n\n");
            }
        }
        for (SectionView section : view.sections()) {
            s.append('\n').append(section.heading()).append("\n\n");
            for (Block block : section.blocks()) {
                if (block.subHeading() != null) {
                    s.append(block.subHeading()).append("\n\n");
                }
                for (ParagraphView p : block.paragraphs()) {
                    if (p.number() > 0) {
                        s.append(INDENT).append(p.number()).append(". ");
                    }
                    s.append(p.text()).append("\n\n");
                    if (p.upr() != null) {
                        if (p.upr().gap() != null) {
                            s.append(INDENT).append(p.upr().gap()).append("\n\n");
                        }
                        for (UprMember member : p.upr().members()) {
                            bullet(s, member.label());
                            member.recommendations().forEach(r -> bullet(s, r));
                            if (member.note() != null) {
                                bullet(s, member.note());
                            }
                        }
                    }
                    if (p.sources() != null) {
                        s.append(INDENT).append(sourcesLine(p.sources())).append("\n\n");
                    }
                }
            }
        }
        return s.toString();
    }

    /** "Source: S/2023/402, para 19" or "Sources: …; …", as the text of every format that has no links. */
    static String sourcesLine(java.util.List<BriefView.SourceView> sources) {
        return (sources.size() == 1 ? "Source: " : "Sources: ")
                + String.join("; ", sources.stream().map(BriefView.SourceView::text).toList());
    }

    private static void bullet(StringBuilder s, String text) {
        s.append(INDENT).append(BriefTextImporter.BULLET).append(' ').append(text).append("\n\n");
    }
}
