package org.councilbrief.ingest;

import static org.councilbrief.Forms.excerpt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.councilbrief.AppException;
import org.councilbrief.Progress;
import org.councilbrief.audit.ChangeLogRepository;
import org.councilbrief.db.Database;
import org.councilbrief.document.InputException;
import org.councilbrief.document.SourceText;
import org.councilbrief.document.SourceTexts;

/**
 * Imports one file of a given kind: reads it completely with its {@link Importer} (a file that cannot be read, or is
 * not what its kind says, is refused with file, line and reason before anything is written), then writes it in one
 * transaction (a large one on the embedded database under its journal, decision 0051). Importing the same file again
 * changes nothing (decision 0008).
 */
public final class Imports {
    /** Free disk an import asks the embedded database for: its file eight times over, and 16 MB besides. */
    static final long SPACE_FACTOR = 8;
    static final long SPACE_MARGIN = 16L << 20;
    private final ImportRepository repository;
    private final Database database;

    public Imports(Database database) {
        this.repository = new ImportRepository(database);
        this.database = database;
    }

    public ImportResult importFile(Path file, String kind, ImportOptions options) throws AppException {
        return importFile(file, kind, options, Progress.none());
    }

    /** Imports a file, counting the rows it reads and the items it writes on {@code progress}. */
    public ImportResult importFile(Path file, String kind, ImportOptions options, Progress progress)
            throws AppException {
        return importBytes(file.toString(), readBytes(file), kind, options, ChangeLogRepository.commandLineUser(),
                progress);
    }

    public ImportResult importBytes(String name, byte[] bytes, String kind, ImportOptions options)
            throws AppException {
        return importBytes(name, bytes, kind, options, ChangeLogRepository.commandLineUser());
    }

    /**
     * Imports a file's bytes; {@code user} is who imports, for the change log (positions an earlier import's editors
     * decided that the new record no longer holds are logged in that user's name).
     */
    public ImportResult importBytes(String name, byte[] bytes, String kind, ImportOptions options, String user)
            throws AppException {
        return importBytes(name, bytes, kind, options, user, Progress.none());
    }

    /** {@link #importBytes(String, byte[], String, ImportOptions, String)}, counting on {@code progress}. */
    public ImportResult importBytes(String name, byte[] bytes, String kind, ImportOptions options, String user,
            Progress progress) throws AppException {
        Importer importer = Importers.byId(kind);
        SourceText source = SourceTexts.of(name, bytes);
        ParsedImport parsed = read(importer, source, options, progress);
        List<String> warnings = new ArrayList<>(parsed.warnings());
        if (!source.fromPdf() && !source.encoding().equals("UTF-8")) {
            warnings.add("read as " + source.encoding());
        }
        // A large import on the embedded database first copies its file for the journal (decision 0051).
        database.requireFreeSpace(bytes.length * SPACE_FACTOR + SPACE_MARGIN
                + (ImportRepository.journaled(parsed) ? database.journalSpace() : 0), "importing " + name);
        warnings.addAll(source.notes());
        boolean written = repository.write(importer.id(), sha256(bytes), name, parsed, user, warnings, progress);
        return new ImportResult(importer.id(), name, parsed.target(), parsed.counts(), !written, warnings);
    }

    /** Reads a file as {@code kind} and writes nothing: what the import page shows before the editor confirms. */
    public ParsedImport preview(String name, byte[] bytes, String kind, ImportOptions options) throws AppException {
        return preview(name, bytes, kind, options, Progress.none());
    }

    /** {@link #preview(String, byte[], String, ImportOptions)}, counting the rows read on {@code progress}. */
    public ParsedImport preview(String name, byte[] bytes, String kind, ImportOptions options, Progress progress)
            throws AppException {
        return read(Importers.byId(kind), SourceTexts.of(name, bytes), options, progress);
    }

    private ParsedImport read(Importer importer, SourceText source, ImportOptions options, Progress progress)
            throws AppException {
        if (options.situation() != null && !repository.situationExists(options.situation())) {
            throw new AppException("no situation '" + excerpt(options.situation()) + "' in the database");
        }
        try {
            return importer.read(source, options, repository, progress);
        } catch (InputException e) {
            if (importer.canRead(source)) {
                throw e;
            }
            List<String> likely = Importers.all().stream().filter(other -> other != importer)
                    .filter(other -> other.canRead(source)).map(Importer::id).toList();
            if (likely.isEmpty()) {
                throw e;
            }
            throw new InputException(e.source(), e.line(), e.reason() + " (it looks like: "
                    + String.join(", ", likely) + ")", e);
        }
    }

    private static byte[] readBytes(Path file) throws InputException {
        try {
            if (!Files.isRegularFile(file)) {
                throw new InputException(file.toString(), 0, Files.exists(file) ? "not a file" : "no such file");
            }
            if (Files.size(file) > SourceTexts.MAX_BYTES) {
                throw new InputException(file.toString(), 0, "larger than " + (SourceTexts.MAX_BYTES >> 20) + " MB");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
