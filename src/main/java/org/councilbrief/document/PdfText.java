package org.councilbrief.document;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
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

    public static String extract(byte[] bytes, String name) throws InputException {
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
        } catch (IOException | RuntimeException e) {
            throw new InputException(name, 0, "not a readable PDF (" + e.getMessage() + ")", e);
        }
    }
}
