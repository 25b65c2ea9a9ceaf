package org.councilbrief.document;

import java.time.LocalDate;
import java.util.List;

/**
 * A Security Council resolution read into its preambular and operative paragraphs.
 *
 * @param adopted the day the Council adopted it, as its header prints it ("Adopted by the Security Council at its
 *     9365th meeting, on 30 June 2023"), or null where the text does not say
 */
public record Resolution(String symbol, String title, List<ResolutionParagraph> paragraphs, LocalDate adopted) {
    public Resolution {
        paragraphs = List.copyOf(paragraphs);
    }

    public Resolution(String symbol, String title, List<ResolutionParagraph> paragraphs) {
        this(symbol, title, paragraphs, null);
    }

    /** The paragraphs a reference points to, each operative paragraph with its sub-paragraphs. */
    public List<ResolutionParagraph> resolve(ParagraphRef ref) {
        ParagraphRef.Kind kind = ref.kind() == ParagraphRef.Kind.PARA ? ParagraphRef.Kind.OP : ref.kind();
        return paragraphs.stream()
                .filter(p -> p.kind() == kind && p.number() >= ref.from() && p.number() <= ref.to()).toList();
    }

    /** The text a reference points to, paragraphs joined by new lines and labelled when there is more than one. */
    public String text(ParagraphRef ref) {
        List<ResolutionParagraph> found = resolve(ref);
        if (found.size() == 1) {
            return found.get(0).text();
        }
        StringBuilder text = new StringBuilder();
        for (ResolutionParagraph p : found) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(p.sub().isEmpty() ? p.number() + ". " : "(" + p.sub().replaceAll(".*\\.", "") + ") ")
                    .append(p.text());
        }
        return text.toString();
    }
}
