package org.councilbrief;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real third-party data beside the repository ({@code ../shared}), which tests read and never copy. */
public final class SharedData {
    private SharedData() {
    }

    public static Path root() {
        String configured = System.getProperty("councilbrief.shared");
        Path path = configured != null ? Path.of(configured) : Path.of("..", "shared");
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("the shared data folder is not at " + path.toAbsolutePath()
                    + "; set -Dcouncilbrief.shared=DIR");
        }
        return path;
    }

    public static Path referenceBrief() {
        return root().resolve("reference/000_80c18e20ce0023bb.txt");
    }

    public static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
