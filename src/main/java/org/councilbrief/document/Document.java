package org.councilbrief.document;

import java.time.LocalDate;

/** A UN document councilbrief knows of: its symbol, title and date of publication where known. */
public record Document(Symbol symbol, String title, LocalDate published) {
}
