package org.councilbrief.brief;

import java.util.List;

/** A section of a brief and its items, in order. */
public record Section(SectionKind kind, List<Item> items) {
    public Section {
        items = List.copyOf(items);
    }
}
