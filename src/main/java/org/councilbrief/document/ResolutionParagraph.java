package org.councilbrief.document;

/**
 * One paragraph of a resolution.
 *
 * @param kind preambular (PP) or operative (OP)
 * @param number its number: preambular paragraphs are counted, operative ones are numbered in the text
 * @param sub the lettered or roman sub-paragraph path inside an operative paragraph ("a", "b.ii"), or "" for the
 *     paragraph itself
 * @param text the paragraph's text, without its number or letter
 */
public record ResolutionParagraph(ParagraphRef.Kind kind, int number, String sub, String text) {

    /** How a brief cites it: "OP8", "OP8(a)", "OP8(b)(ii)", "PP3". */
    public String label() {
        StringBuilder label = new StringBuilder(kind.name()).append(number);
        if (!sub.isEmpty()) {
            for (String part : sub.split("\\.")) {
                label.append('(').append(part).append(')');
            }
        }
        return label.toString();
    }
}
