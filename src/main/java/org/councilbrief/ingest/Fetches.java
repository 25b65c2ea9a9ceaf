package org.councilbrief.ingest;

import static org.councilbrief.Forms.excerpt;

import java.util.ArrayList;
import java.util.List;
import org.councilbrief.AppException;
import org.councilbrief.document.Symbol;
import org.councilbrief.document.Symbols;

/**
 * Documents by symbol: the symbol says which importer reads the document (S/PV → meeting record, S/RES → resolution,
 * A/HRC/…/… → UPR Working Group report, SC/nnnnn → press summary), the {@link DocumentFetcher} gets it, and
 * {@link Imports} imports it exactly as an uploaded file, the symbol asked for given as the document's own (a
 * document whose header names another is refused).
 */
public final class Fetches {
    private final DocumentFetcher fetcher;
    private final Imports imports;

    public Fetches(DocumentFetcher fetcher, Imports imports) {
        this.fetcher = fetcher;
        this.imports = imports;
    }

    /** A symbol to fetch, and the kind of import that reads it. */
    public record Wanted(Symbol symbol, String kind) {
    }

    /** One document fetched and imported. */
    public record Done(DocumentFetcher.Fetched fetched, ImportResult result) {
    }

    /**
     * The symbols typed, each parsed and matched to its kind, before anything is asked of the network.
     *
     * @throws AppException naming every symbol that is not one, or of a series councilbrief does not import
     */
    public static List<Wanted> wanted(List<String> symbols) throws AppException {
        List<Wanted> wanted = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String text : symbols) {
            try {
                Wanted w = wanted(text);
                if (wanted.stream().noneMatch(x -> x.symbol().equals(w.symbol()))) {
                    wanted.add(w);
                }
            } catch (AppException e) {
                refused.add(e.getMessage());
            }
        }
        if (!refused.isEmpty()) {
            throw new AppException(String.join("; ", refused) + (symbols.size() > 1 ? "; nothing was fetched"
                    : ""));
        }
        return wanted;
    }

    /** One symbol typed, parsed and matched to its kind. */
    public static Wanted wanted(String text) throws AppException {
        Symbol symbol = Symbols.parse(text);
        return new Wanted(symbol, kindOf(symbol));
    }

    /** The importer's id for a symbol's series; refused for the series councilbrief does not import. */
    static String kindOf(Symbol symbol) throws AppException {
        return switch (symbol.series()) {
            case SC_MEETING -> "meeting-record";
            case SC_RESOLUTION -> "resolution";
            case SC_PRESS_RELEASE -> "press-release";
            case HRC_DOCUMENT -> {
                if (symbol.part() > 0) {
                    throw new AppException(symbol + " is an addendum; councilbrief imports a UPR Working Group"
                            + " report (A/HRC/nn/nn) by its symbol, and reads an addendum's responses with the report");
                }
                yield "upr-report";
            }
            default -> throw new AppException(symbol + ": councilbrief imports meeting records (S/PV.…), resolutions"
                    + " (S/RES/…), UPR Working Group reports (A/HRC/…/…) and press summaries (SC/…), not "
                    + excerpt(describe(symbol)));
        };
    }

    private static String describe(Symbol symbol) {
        return switch (symbol.series()) {
            case SC_DOCUMENT -> "the Council's reports and letters (S/yyyy/n)";
            case SC_PRESIDENTIAL_STATEMENT -> "presidential statements";
            case HRC_RESOLUTION -> "Human Rights Council resolutions";
            case GA_RESOLUTION -> "General Assembly resolutions";
            default -> "this series";
        };
    }

    /** The name an import gives a fetched document: its cache file's ("S_PV.8703.pdf"), which names its symbol. */
    static String fileName(DocumentFetcher.Fetched fetched) {
        return fetched.file().getFileName().toString();
    }

    /** Fetches a document (or takes it from the cache) and imports it as {@code user}. */
    public Done fetchAndImport(Wanted wanted, String language, boolean refresh, String situation, String user)
            throws AppException {
        DocumentFetcher.Fetched fetched = fetcher.fetch(wanted.symbol(), language, refresh);
        ImportResult result = imports.importBytes(fileName(fetched), fetched.bytes(), wanted.kind(),
                new ImportOptions(situation, wanted.symbol().canonical(), null), user);
        return new Done(fetched, result);
    }

    public DocumentFetcher fetcher() {
        return fetcher;
    }
}
