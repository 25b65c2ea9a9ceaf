package org.councilbrief.brief;

import java.util.Optional;

/** The four sections of a brief, in their order (DESIGN.md "The brief", rule 1). */
public enum SectionKind {
    CONSIDER("consider", "Relevant information for the Security Council to consider"),
    FAMILIAR("familiar", "Information familiar to the Security Council"),
    COMMENTS("comments", "Comments by Members of the Security Council"),
    OUTCOMES("outcomes", "References in Security Council outcomes (not verbatim)");

    private final String id;
    private final String title;

    SectionKind(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public static Optional<SectionKind> byTitle(String title) {
        for (SectionKind kind : values()) {
            if (kind.title.equals(title)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
