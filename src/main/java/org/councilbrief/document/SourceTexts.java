package org.councilbrief.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

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

    /**
     * Reads a file's bytes as text or PDF, and refuses what no importer can read with a reason and, where there is
     * one, the line: an empty file, binary bytes, a NUL byte, a line longer than {@link #MAX_LINE} characters, more
     * than {@link #MAX_LINES} lines, no text at all. Other control characters become spaces, counted in the text's
     * notes (decision 0032).
     */
    public static SourceText of(String name, byte[] bytes) throws InputException {
        if (bytes.length == 0) {
            throw new InputException(name, 0, "the file is empty");
        }
        if (PdfText.isPdf(bytes)) {
            String pdf = PdfText.extract(bytes, name);
            return checked(name, pdf, "PDF", pdf);
        }
        TextDecoder.Decoded utf16 = TextDecoder.decodeUtf16(bytes);
        if (utf16 == null && looksBinary(bytes)) {
            throw new InputException(name, 0, "not a text or PDF file");
        }
        TextDecoder.Decoded decoded = utf16 != null ? utf16 : TextDecoder.decode(bytes);
        return checked(name, decoded.text(), decoded.encoding(), decoded.original());
    }

    /** Longer files are refused: UPR Info's whole export has some 21,000 lines, a Working Group report 4,000. */
    public static final int MAX_LINES = 1_000_000;

    /** Longer lines are refused: the longest line of the UN texts councilbrief reads is some 24,000 characters. */
    public static final int MAX_LINE = 100_000;

    private static SourceText checked(String name, String text, String encoding, String original)
            throws InputException {
        int line = 1;
        int lineStart = 0;
        int removed = 0;
        int firstRemoved = 0;
        boolean letters = false;
        StringBuilder clean = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                if (line == MAX_LINES) {
                    throw new InputException(name, 0, "the file has more than " + String.format(java.util.Locale.ROOT,
                            "%,d", MAX_LINES) + " lines; councilbrief reads documents of at most that (is it the file"
                            + " you meant?)");
                }
                line++;
                lineStart = i + 1;
                if (clean != null) {
                    clean.append(c);
                }
                continue;
            }
            if (i - lineStart >= MAX_LINE) {
                int end = text.indexOf('\n', i);
                int length = (end < 0 ? text.length() : end) - lineStart;
                throw new InputException(name, line, "the line has " + String.format(java.util.Locale.ROOT, "%,d",
                        length) + " characters; councilbrief reads lines of at most " + String.format(
                        java.util.Locale.ROOT, "%,d", MAX_LINE) + " characters (is it the file you meant?)");
            }
            if (c == 0) {
                throw new InputException(name, line, "a NUL byte: not a text file (is it a word-processor or binary"
                        + " file?)");
            }
            // Characters no feed, PDF or export can carry (C0 and C1 controls, U+FFFE, U+FFFF) become spaces.
            boolean control = (c < 0x20 && c != '\t' && c != '\f') || (c >= 0x7F && c <= 0x9F) || c >= 0xFFFE;
            if (control) {
                if (clean == null) {
                    clean = new StringBuilder(text.length()).append(text, 0, i);
                }
                if (removed++ == 0) {
                    firstRemoved = line;
                }
                clean.append(' ');
                continue;
            }
            if (!letters && Character.isLetterOrDigit(c)) {
                letters = true;
            }
            if (clean != null) {
                clean.append(c);
            }
        }
        if (!letters) {
            throw new InputException(name, 0, encoding.equals("PDF") ? "the PDF has no text to read (a scan without"
                    + " a text layer?); councilbrief reads PDFs that hold their text" : "the file has no text");
        }
        List<String> notes = removed == 0 ? List.of() : List.of(String.format(java.util.Locale.ROOT,
                "%,d control character%s replaced by spaces (the first on line %d)", removed, removed == 1 ? "" : "s",
                firstRemoved));
        // the text with the file's own line ends stays as read unless characters were replaced
        return new SourceText(name, clean == null ? text : clean.toString(), encoding,
                clean == null ? original : clean.toString(), notes);
    }

    public static SourceText of(String name, String text) {
        return new SourceText(name, TextDecoder.normalizeLineEnds(text), "UTF-8", text);
    }

    /**
     * Many NUL bytes or control characters in the first 4 KB mean a binary file (a .docx, an image, a zip, UTF-16
     * without a byte-order mark); a stray one is left for {@link #checked} to refuse or replace with its line.
     */
    private static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 4096);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                control++;
            }
        }
        return n > 0 && control * 20 > n;
    }
}
