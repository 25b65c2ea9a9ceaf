package org.councilbrief.document;

import java.util.List;
import java.util.Optional;
import org.councilbrief.AppException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Resolutions by paragraph, so that a citation such as "S/RES/2374 (2017), OP8" resolves to its text. */
public final class ResolutionRepository {
    private final Jdbi jdbi;

    public ResolutionRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Writes a resolution inside the caller's transaction, replacing an earlier import of it. */
    public static void save(Handle handle, Symbol symbol, Resolution resolution) {
        String key = symbol.canonical();
        int updated = handle.createUpdate("update document set title = coalesce(:title, title),"
                + " published = coalesce(:adopted, published) where symbol = :symbol")
                .bind("title", resolution.title()).bind("adopted", resolution.adopted()).bind("symbol", key).execute();
        if (updated == 0) {
            handle.createUpdate("insert into document (symbol, series, title, published, url) "
                    + "values (:symbol, :series, :title, :adopted, :url)")
                    .bind("symbol", key).bind("series", symbol.series().name()).bind("title", resolution.title())
                    .bind("adopted", resolution.adopted())
                    .bind("url", symbol.url().toString()).execute();
        }
        handle.createUpdate("delete from resolution_paragraph where symbol = :symbol").bind("symbol", key).execute();
        int position = 0;
        for (ResolutionParagraph p : resolution.paragraphs()) {
            handle.createUpdate("insert into resolution_paragraph (symbol, position, kind, number, sub, body) "
                    + "values (?, ?, ?, ?, ?, ?)").bind(0, key).bind(1, position++).bind(2, p.kind().name())
                    .bind(3, p.number()).bind(4, p.sub()).bind(5, p.text()).execute();
        }
    }

    public Optional<Resolution> find(Symbol symbol) {
        String key = symbol.canonical();
        return jdbi.withHandle(handle -> {
            record Head(String title, java.time.LocalDate adopted) {
            }
            Optional<Head> head = handle.createQuery("select title, published from document where symbol = :s")
                    .bind("s", key).map((rs, ctx) -> new Head(rs.getString(1), rs.getObject(2,
                            java.time.LocalDate.class))).findOne();
            if (head.isEmpty()) {
                return Optional.empty();
            }
            List<ResolutionParagraph> paragraphs = handle.createQuery(
                    "select kind, number, sub, body from resolution_paragraph where symbol = :s order by position")
                    .bind("s", key).map((rs, ctx) -> new ResolutionParagraph(ParagraphRef.Kind.valueOf(rs.getString(1)),
                            rs.getInt(2), rs.getString(3), rs.getString(4))).list();
            String title = head.get().title();
            return Optional.of(new Resolution(key, title == null || title.isEmpty() ? null : title, paragraphs,
                    head.get().adopted()));
        });
    }

    /** The text of "S/RES/2374 (2017), OP8", or a clear error when the resolution or paragraph is not held. */
    public String cite(String citation) throws AppException {
        int comma = citation.lastIndexOf(',');
        if (comma < 0) {
            throw new AppException("'" + citation + "' names no paragraph; expected e.g. 'S/RES/2374 (2017), OP8'");
        }
        Symbol symbol = Symbols.parse(citation.substring(0, comma));
        ParagraphRef ref = ParagraphRef.parse(citation.substring(comma + 1));
        Resolution resolution = find(symbol).orElseThrow(() -> new AppException(symbol.canonical()
                + " is not in the database; import it with: councilbrief import FILE --kind resolution"));
        if (resolution.resolve(ref).isEmpty()) {
            throw new AppException(symbol.canonical() + " has no " + ref);
        }
        return resolution.text(ref);
    }
}
