package org.councilbrief.document;

import java.time.LocalDate;
import java.util.Optional;
import org.councilbrief.AppException;
import org.jdbi.v3.core.Jdbi;

/** Documents in the database, keyed by canonical symbol. */
public final class DocumentRepository {
    private final Jdbi jdbi;

    public DocumentRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void save(Document document) {
        jdbi.useTransaction(handle -> {
            String symbol = document.symbol().canonical();
            handle.createUpdate("delete from document where symbol = :symbol").bind("symbol", symbol).execute();
            handle.createUpdate("""
                    insert into document (symbol, series, title, published, url)
                    values (:symbol, :series, :title, :published, :url)""")
                    .bind("symbol", symbol).bind("series", document.symbol().series().name())
                    .bind("title", document.title()).bind("published", document.published())
                    .bind("url", document.symbol().url().toString()).execute();
        });
    }

    public Optional<Document> find(Symbol symbol) {
        return jdbi.withHandle(handle -> handle.createQuery(
                "select symbol, title, published from document where symbol = :symbol")
                .bind("symbol", symbol.canonical())
                .map((rs, ctx) -> {
                    try {
                        return new Document(Symbols.parse(rs.getString(1)), rs.getString(2),
                                rs.getObject(3, LocalDate.class));
                    } catch (AppException e) {
                        throw new IllegalStateException("the database holds a symbol that does not parse", e);
                    }
                }).findOne());
    }
}
