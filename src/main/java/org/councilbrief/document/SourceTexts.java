package org.councilbrief.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads an input file, text or PDF, into a {@link SourceText}. */
public final class SourceTexts {
    /** Larger inputs are refused: the longest UN document councilbrief reads is a few megabytes of text. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private SourceTexts() {
    }

    public static SourceText read(Path file) throws InputException {
        String name = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new InputException(name, 0, "is a folder, not a file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new InputException(name, 0, "larger than " + (MAX_BYTES >> 20) + " MB");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(name, 0, "no such file");
        } catch (IOException e) {
            throw new InputException(name, 0, "cannot be read (" + e.getMessage() + ")", e);
        }
        return of(name, bytes);
    }

    public static SourceText of(String name, byte[] bytes) throws InputException {
        if (PdfText.isPdf(bytes)) {
            return new SourceText(name, PdfText.extract(bytes, name), "PDF");
        }
        if (looksBinary(bytes)) {
            throw new InputException(name, 0, "not a text or PDF file");
        }
        TextDecoder.Decoded decoded = TextDecoder.decode(bytes);
        return new SourceText(name, decoded.text(), decoded.encoding(), decoded.original());
    }

    public static SourceText of(String name, String text) {
        return new SourceText(name, TextDecoder.normalizeLineEnds(text), "UTF-8", text);
    }

    /** NUL bytes, or many control characters in the first 4 KB, mean a binary file (a .docx, an image, a zip). */
    private static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 4096);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                control++;
            }
        }
        return n > 0 && control * 20 > n;
    }
}
