package org.councilbrief.document;

import java.util.List;

/**
 * The text of one input file, decoded and with its line ends made {@code \n}; page breaks stay as form feeds
 * ({@code \f}). {@code name} is how messages refer to the file; {@code encoding} says how it was read ("UTF-8",
 * "windows-1252", "x-MacRoman", "UTF-16" or "PDF"). {@code original} is the same decoded text with its line ends as
 * they were in the file (the same string when the file had no carriage return): CSV needs it, because a carriage return
 * inside a quoted field is part of the field's value. {@code notes} says what reading changed (control characters
 * removed), for the import's warnings.
 */
public record SourceText(String name, String text, String encoding, String original, List<String> notes) {
    public SourceText {
        notes = List.copyOf(notes);
    }

    public SourceText(String name, String text, String encoding, String original) {
        this(name, text, encoding, original, List.of());
    }

    public SourceText(String name, String text, String encoding, List<String> notes) {
        this(name, text, encoding, text, notes);
    }

    public SourceText(String name, String text, String encoding) {
        this(name, text, encoding, text, List.of());
    }

    /** The text's lines, without their line ends; line {@code n} of a message is {@code lines().get(n - 1)}. */
    public List<String> lines() {
        return List.of(text.split("\n", -1));
    }

    public boolean fromPdf() {
        return encoding.equals("PDF");
    }
}
