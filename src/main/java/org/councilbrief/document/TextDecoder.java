package org.councilbrief.document;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of a text file into text. UTF-8 (with or without a byte-order mark) is tried first and accepted only
 * if every byte decodes; otherwise the file is one of the single-byte encodings UN texts still come in, Windows-1252 or
 * Mac Roman, and the one whose reading gives the more plausible text wins (see {@link #plausibility}). A file that
 * starts with a UTF-16 byte-order mark is read as UTF-16 ({@link #decodeUtf16}). CR and CRLF line ends become LF; the
 * text as decoded, before that, is kept too.
 */
public final class TextDecoder {
    static final Charset CP1252 = Charset.forName("windows-1252");
    static final Charset MAC_ROMAN = Charset.forName("x-MacRoman");

    private TextDecoder() {
    }

    /** The decoded text with LF line ends, the encoding it was read in, and the text with the file's line ends. */
    public record Decoded(String text, String encoding, String original) {
        Decoded(String original, String encoding) {
            this(normalizeLineEnds(original), encoding, original);
        }
    }

    public static Decoded decode(byte[] bytes) {
        int start = hasUtf8Bom(bytes) ? 3 : 0;
        String utf8 = strictUtf8(bytes, start);
        if (utf8 != null) {
            return new Decoded(utf8, "UTF-8");
        }
        String cp1252 = new String(bytes, CP1252);
        String macRoman = new String(bytes, MAC_ROMAN);
        if (plausibility(macRoman) > plausibility(cp1252)) {
            return new Decoded(macRoman, "x-MacRoman");
        }
        return new Decoded(cp1252, "windows-1252");
    }

    /**
     * The text of a file that starts with a UTF-16 byte-order mark (as Windows' Notepad saves "Unicode"), or null for
     * any other file.
     */
    static Decoded decodeUtf16(byte[] bytes) {
        if (bytes.length < 2) {
            return null;
        }
        int b0 = bytes[0] & 0xFF;
        int b1 = bytes[1] & 0xFF;
        Charset charset = b0 == 0xFF && b1 == 0xFE ? StandardCharsets.UTF_16LE
                : b0 == 0xFE && b1 == 0xFF ? StandardCharsets.UTF_16BE : null;
        if (charset == null) {
            return null;
        }
        return new Decoded(new String(bytes, 2, bytes.length - 2, charset), "UTF-16");
    }

    private static boolean hasUtf8Bom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    private static String strictUtf8(byte[] bytes, int start) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * How likely a decoding is to be the right one: each non-ASCII character scores by how common it is in European
     * text. Letters with accents, typographic quotes and dashes score up; symbols that a wrong decoding produces (√,
     * ∂, ¬, ƒ, control characters, letters glued between punctuation) score down.
     */
    static int plausibility(String text) {
        int score = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if ("’‘“”–—…".indexOf(c) >= 0) {
                boolean nearLetterOrSpace = (i > 0 && (Character.isLetter(text.charAt(i - 1)) || text.charAt(i - 1) == ' '))
                        || (i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1)));
                score += nearLetterOrSpace ? 3 : 1;
            } else if (Character.isLetter(c)) {
                boolean inWord = (i > 0 && Character.isLetter(text.charAt(i - 1)))
                        || (i + 1 < text.length() && Character.isLetter(text.charAt(i + 1)));
                score += inWord && "ƒªºÆØæøıˆ˜¯˘˙˚¸˝˛ˇŒœŸ".indexOf(c) < 0 ? 2 : -2;
            } else if (c == '\u00A0' || c == '°' || c == '€' || c == '£' || c == '§' || c == '«' || c == '»') {
                score += 1;
            } else {
                score -= 3;
            }
        }
        return score;
    }

    static String normalizeLineEnds(String text) {
        if (text.indexOf('\r') < 0) {
            return text;
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
