package org.councilbrief.ingest;

import org.councilbrief.AppException;
import org.councilbrief.Progress;
import org.councilbrief.document.SourceText;

/**
 * Reads one kind of file into what an import writes. Reading never touches the database; a file that is not of this
 * kind is refused with an {@link org.councilbrief.document.InputException} naming the file, the line and the reason.
 * Importers are listed in {@link Importers}.
 */
public interface Importer {
    /** The kind's id on the command line and the import page: {@code --kind upr-report}. */
    String id();

    /** One line for help texts and the import page. */
    String description();

    /** A cheap look at the text: true if it may be of this kind (true if unsure). */
    boolean canRead(SourceText text);

    ParsedImport read(SourceText text, ImportOptions options, ImportContext context) throws AppException;

    /** Reads, counting what it reads on {@code progress} where the kind's files can be long (a CSV's rows). */
    default ParsedImport read(SourceText text, ImportOptions options, ImportContext context, Progress progress)
            throws AppException {
        return read(text, options, context);
    }
}
