package org.councilbrief.document;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The text of a PDF through PDFBox: lines in reading order (sorted by position, as pdftotext's default), one form feed
 * after each page so that running headers and footers can be found page by page.
 */
public final class PdfText {
    private PdfText() {
    }

    public static boolean isPdf(byte[] bytes) {
        return bytes.length >= 5 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F'
                && bytes[4] == '-';
    }

    /**
     * The PDF's text; refused, with the reason, when the file is cut short (no {@code %%EOF} near its end: PDFBox would
     * read what pages it can and the rest would be lost unseen), protected by a password, forbids the extraction of
     * its text, or cannot be parsed.
     */
    public static String extract(byte[] bytes, String name) throws InputException {
        if (!endsWithEof(bytes)) {
            throw new InputException(name, 0, "the PDF is cut short (it does not end as a PDF ends, with %%EOF):"
                    + " download or copy it again");
        }
        try (PDDocument document = Loader.loadPDF(bytes)) {
            if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
                throw new InputException(name, 0, "the PDF does not allow its text to be extracted");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setLineSeparator("\n");
            stripper.setPageEnd("\n\f");
            // A wider gap between lines ends a paragraph: write it as a blank line, as pdftotext does.
            stripper.setParagraphEnd("\n");
            return TextDecoder.normalizeLineEnds(stripper.getText(document));
        } catch (InvalidPasswordException e) {
            throw new InputException(name, 0, "the PDF is protected by a password: save a copy without one", e);
        } catch (IOException | RuntimeException e) {
            throw new InputException(name, 0, "not a readable PDF (" + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : InputException.excerpt(e.getMessage())) + ")", e);
        }
    }

    /** A PDF ends with {@code %%EOF}, followed at most by a few bytes of white space or padding. */
    private static boolean endsWithEof(byte[] bytes) {
        byte[] eof = {'%', '%', 'E', 'O', 'F'};
        for (int i = bytes.length - eof.length; i >= Math.max(0, bytes.length - 1024); i--) {
            if (java.util.Arrays.equals(bytes, i, i + eof.length, eof, 0, eof.length)) {
                return true;
            }
        }
        return false;
    }
}
