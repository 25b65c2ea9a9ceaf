package org.councilbrief.theme;

import java.util.List;
import java.util.Optional;

/** The sentence-embedding models this version ships, by name (none yet: see docs/quality.md). */
public final class Embedders {
    public static final List<String> SHIPPED = List.of();

    private Embedders() {
    }

    /** The shipped model of that name. */
    public static Optional<Embedder> shipped(String id) {
        return Optional.empty();
    }
}
