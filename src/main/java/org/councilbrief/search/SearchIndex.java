package org.councilbrief.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.councilbrief.AppException;
import org.councilbrief.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full-text index of everything the site can show (decision 0039): a Lucene index on disk per instance, derived
 * from the database and kept in step with it by {@link #sync(SearchSource)}, which a background thread calls every
 * second. Texts are kept in groups (a meeting's speeches and positions, a UPR review's recommendations, a brief's
 * paragraphs...), each indexed with a signature of its data; a sync asks the database for a cheap stamp and, when it
 * changed, for every group's signature, and replaces the groups whose signature differs. Each text is analysed as
 * English or French (stemmed, stop words out) by the language its words show; a query is read in both.
 */
public final class SearchIndex implements AutoCloseable {
    /** The kinds of text, in the order the search page lists them. */
    public static final List<String> KINDS = List.of("brief", "speech", "press", "position", "recommendation",
            "resolution");
    /** The facet dimensions, in the order the search page shows them. */
    public static final List<String> DIMENSIONS = List.of("kind", "situation", "member", "theme", "year");
    /**
     * The index's layout: a folder written by another layout is emptied and built again (2: several situations per
     * text, positions public only if their state sat on the Council, and an id to order hits by).
     */
    static final String FORMAT = "councilbrief-search 2 lucene 10";
    static final String FORMAT_FILE = "councilbrief-format.txt";
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);
    private static final String ID = "id";
    /** The id again, as a sorted value: hits of equal relevance come in its order, and a cursor names it. */
    private static final String ORDER = "id_order";
    /** Relevance, then id: an order a cursor can resume. */
    private static final org.apache.lucene.search.Sort SORT = new org.apache.lucene.search.Sort(
            org.apache.lucene.search.SortField.FIELD_SCORE, new org.apache.lucene.search.SortField(ORDER,
                    org.apache.lucene.search.SortField.Type.STRING));
    private static final String GROUP = "group";
    private static final String VISIBLE = "visible";
    private static final String MARKER = "marker";
    private static final String SIGNATURE = "signature";
    private static final String EN = "en";
    private static final String FR = "fr";
    private static final String TITLE = "title";
    private static final String URL = "url";
    private static final String KIND = "kind_s";
    private static final String SITUATION = "situation_s";
    private static final String MEMBERS = "members_s";
    private static final String THEMES = "themes_s";
    private static final String YEAR = "year_s";
    private static final FieldType TEXT_TYPE = new FieldType();

    static {
        TEXT_TYPE.setTokenized(true);
        TEXT_TYPE.setStored(true);
        TEXT_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_TYPE.freeze();
    }

    private final Directory directory;
    private final Path folder;
    private final Analyzer analyzer;
    private final FacetsConfig config = new FacetsConfig();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<String, String> signatures = new ConcurrentHashMap<>();
    private volatile String stamp;
    private volatile FacetState facetState;
    private volatile boolean ready;
    private ScheduledExecutorService poller;

    private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {
    }

    private SearchIndex(Directory directory, Path folder) throws IOException {
        this.directory = directory;
        this.folder = folder;
        this.analyzer = new PerFieldAnalyzerWrapper(new StandardAnalyzer(), Map.of(EN, new EnglishAnalyzer(), FR,
                new FrenchAnalyzer()));
        config.setMultiValued("member", true);
        config.setMultiValued("situation", true);
        config.setMultiValued("theme", true);
        IndexWriterConfig iwc = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64);
        this.writer = new IndexWriter(directory, iwc);
        if (folder != null && !formatMatches(folder)) {
            writer.deleteAll();
            writer.commit();
            Files.writeString(folder.resolve(FORMAT_FILE), FORMAT + "\n", StandardCharsets.UTF_8);
        }
        this.searchers = new SearcherManager(writer, null);
        loadSignatures();
    }

    /** An index held in memory only, built afresh by the first sync (for an in-memory database, and for tests). */
    public static SearchIndex inMemory() {
        try {
            return new SearchIndex(new ByteBuffersDirectory(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The index in {@code folder}, or, when another process holds that folder, in the first free one of
     * {@code folder-2}, {@code folder-3}...; a folder written by another layout, or unreadable, is emptied and its
     * index built again by the first sync.
     */
    public static SearchIndex open(Path folder) throws AppException {
        for (int attempt = 1; attempt <= 20; attempt++) {
            Path dir = attempt == 1 ? folder : folder.resolveSibling(folder.getFileName() + "-" + attempt);
            try {
                Files.createDirectories(dir);
                return openOrRebuild(dir);
            } catch (LockObtainFailedException e) {
                LOG.info("search index {} is in use by another process; trying the next folder", dir);
            } catch (IOException e) {
                throw new AppException("the search index cannot be kept in " + dir + ": " + e.getMessage(), e);
            }
        }
        throw new AppException("the search index cannot be kept beside " + folder + ": 20 folders are in use");
    }

    private static SearchIndex openOrRebuild(Path dir) throws IOException {
        try {
            return new SearchIndex(FSDirectory.open(dir), dir);
        } catch (LockObtainFailedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // A damaged index (a crash while the disk filled) is derived data: it is dropped and built again.
            LOG.warn("search index in {} is unreadable ({}); building it again", dir, e.toString());
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    if (!f.getFileName().toString().equals("write.lock")) {
                        Files.deleteIfExists(f);
                    }
                }
            }
            return new SearchIndex(FSDirectory.open(dir), dir);
        }
    }

    private static boolean formatMatches(Path folder) throws IOException {
        Path file = folder.resolve(FORMAT_FILE);
        return Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).strip().equals(FORMAT);
    }

    /** The folder the index is kept in, or null when it is held in memory. */
    public Path folder() {
        return folder;
    }

    /** Whether a first sync has completed, so that every text of the database is found. */
    public boolean ready() {
        return ready;
    }

    private void loadSignatures() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            TopDocs markers = searcher.search(new TermQuery(new Term(MARKER, "1")), Math.max(1,
                    searcher.getIndexReader().maxDoc()));
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc sd : markers.scoreDocs) {
                Document d = stored.document(sd.doc, Set.of(GROUP, SIGNATURE));
                signatures.put(d.get(GROUP), d.get(SIGNATURE));
            }
        } finally {
            searchers.release(searcher);
        }
    }

    /** The number of groups to index again from which the work shows its progress (a first build, in practice). */
    static final int PROGRESS_GROUPS = 200;

    /**
     * Brings the index in step with {@code source}: nothing when its stamp is the one last seen; else every group
     * whose signature changed is indexed again, and groups no longer there are removed. Returns the number of groups
     * indexed again or removed.
     */
    public synchronized int sync(SearchSource source) {
        String now = source.stamp();
        if (now.equals(stamp)) {
            return 0;
        }
        Map<String, String> wanted = source.signatures();
        Set<String> changed = new HashSet<>();
        wanted.forEach((group, signature) -> {
            if (!signature.equals(signatures.get(group))) {
                changed.add(group);
            }
        });
        Set<String> gone = new HashSet<>(signatures.keySet());
        gone.removeAll(wanted.keySet());
        // A build from nothing, or a large change, shows its progress when the server runs in a terminal.
        try (Progress progress = changed.size() >= PROGRESS_GROUPS
                ? Progress.start("Building the search index", changed.size()) : Progress.none()) {
            for (String group : gone) {
                writer.deleteDocuments(new Term(GROUP, group));
            }
            for (String group : changed) {
                writer.deleteDocuments(new Term(GROUP, group));
            }
            List<IOException> failures = new ArrayList<>();
            Set<String> reached = new HashSet<>();
            source.texts(changed, text -> {
                if (!changed.contains(text.group())) {
                    return;
                }
                if (reached.add(text.group())) {
                    progress.advance(1);
                }
                try {
                    writer.addDocument(document(text));
                } catch (IOException e) {
                    failures.add(e);
                }
            });
            if (!failures.isEmpty()) {
                throw failures.get(0);
            }
            for (String group : changed) {
                writer.addDocument(marker(group, wanted.get(group)));
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        gone.forEach(signatures::remove);
        for (String group : changed) {
            signatures.put(group, wanted.get(group));
        }
        stamp = now;
        ready = true;
        return changed.size() + gone.size();
    }

    /**
     * Adds texts without a source (the benchmark's corpus): each is found once {@link #commit()} has run; a group
     * added this way is never replaced by a sync.
     */
    public void add(SearchText text) {
        try {
            writer.addDocument(document(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes what {@link #add(SearchText)} added searchable. */
    public void commit() {
        try {
            writer.commit();
            searchers.maybeRefreshBlocking();
            ready = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Syncs with {@code source} now and then every {@code every}, on a thread of its own, until closed. */
    public synchronized void keepInStep(SearchSource source, Duration every) {
        if (poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "search-index");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(() -> {
            try {
                int groups = sync(source);
                if (groups > 0) {
                    LOG.debug("search index: {} groups indexed again", groups);
                }
            } catch (RuntimeException e) {
                // The database may be restarting: the next round tries again, and searches answer from what is kept.
                LOG.warn("search index not brought in step: {}", e.toString());
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Document document(SearchText t) {
        Document d = new Document();
        d.add(new StringField(ID, t.id(), Field.Store.NO));
        d.add(new org.apache.lucene.document.SortedDocValuesField(ORDER, new org.apache.lucene.util.BytesRef(t.id())));
        d.add(new StoredField(ORDER, t.id()));
        d.add(new StringField(GROUP, t.group(), Field.Store.NO));
        d.add(new StringField(VISIBLE, t.visible() ? "1" : "0", Field.Store.YES));
        d.add(new Field(Languages.french(t.text()) ? FR : EN, t.text(), TEXT_TYPE));
        d.add(new StoredField(TITLE, t.title()));
        d.add(new StoredField(URL, t.url()));
        d.add(new StoredField(KIND, t.kind()));
        d.add(new SortedSetDocValuesFacetField("kind", t.kind()));
        for (String situation : t.situations()) {
            d.add(new StoredField(SITUATION, situation));
            d.add(new SortedSetDocValuesFacetField("situation", situation));
        }
        for (String m : new java.util.LinkedHashSet<>(t.members())) {
            d.add(new StoredField(MEMBERS, m));
            d.add(new SortedSetDocValuesFacetField("member", m));
        }
        for (String theme : new java.util.LinkedHashSet<>(t.themes())) {
            d.add(new StoredField(THEMES, theme));
            d.add(new SortedSetDocValuesFacetField("theme", theme));
        }
        if (t.year() != null) {
            d.add(new StoredField(YEAR, String.valueOf(t.year())));
            d.add(new SortedSetDocValuesFacetField("year", String.valueOf(t.year())));
        }
        try {
            return config.build(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Document marker(String group, String signature) throws IOException {
        Document d = new Document();
        d.add(new StringField(GROUP, group, Field.Store.YES));
        d.add(new StringField(MARKER, "1", Field.Store.NO));
        d.add(new StringField(VISIBLE, "0", Field.Store.NO));
        d.add(new StoredField(SIGNATURE, signature));
        // Every document carries the facets' field, so that counting works on an index with markers only.
        d.add(new SortedSetDocValuesFacetField("kind", "_group"));
        return config.build(d);
    }

    /**
     * The texts that match {@code query}, with facet counts over all of them and highlighted passages for the slice
     * asked. A query that cannot be read is refused with what is wrong in it.
     */
    public SearchResult search(SearchQuery query) throws AppException {
        Query words = query.q().isEmpty() ? new MatchAllDocsQuery() : parse(query.q());
        BooleanQuery.Builder base = new BooleanQuery.Builder().add(words, BooleanClause.Occur.MUST);
        if (query.publicOnly()) {
            base.add(new TermQuery(new Term(VISIBLE, "1")), BooleanClause.Occur.FILTER);
        } else {
            base.add(new TermQuery(new Term(MARKER, "1")), BooleanClause.Occur.MUST_NOT);
        }
        DrillDownQuery drill = new DrillDownQuery(config, base.build());
        query.filters().forEach((dim, value) -> {
            if (DIMENSIONS.contains(dim)) {
                drill.add(dim, value);
            }
        });
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            FacetsCollectorManager.FacetsResult found = query.after() == null
                    ? FacetsCollectorManager.search(searcher, drill, query.offset() + query.size() + 1, SORT, true,
                            new FacetsCollectorManager())
                    : FacetsCollectorManager.searchAfter(searcher, new org.apache.lucene.search.FieldDoc(
                            // The last doc id: a hit of the same relevance and id (the one named) is not after it.
                            Math.max(0, searcher.getIndexReader().maxDoc() - 1), query.after().score(),
                            new Object[] {query.after().score(), new org.apache.lucene.util.BytesRef(
                                    query.after().id())}), drill,
                            query.size() + 1, SORT, true, new FacetsCollectorManager());
            FacetsCollector collector = found.facetsCollector();
            long total = 0;
            for (FacetsCollector.MatchingDocs m : collector.getMatchingDocs()) {
                total += m.totalHits();
            }
            // One hit more than asked is looked for: whether it is there says whether more remain.
            ScoreDoc[] all = found.topDocs().scoreDocs;
            int from = Math.min(query.offset(), all.length);
            int to = Math.min(all.length, from + query.size());
            int[] docs = new int[to - from];
            for (int i = from; i < to; i++) {
                docs[i - from] = all[i].doc;
            }
            SearchQuery.After last = null;
            if (all.length > to && to > from) {
                org.apache.lucene.search.FieldDoc end = (org.apache.lucene.search.FieldDoc) all[to - 1];
                last = new SearchQuery.After((Float) end.fields[0], ((org.apache.lucene.util.BytesRef) end.fields[1])
                        .utf8ToString());
            }
            List<SearchResult.Hit> hits = hits(searcher, words, docs, query.q().isEmpty());
            return new SearchResult(total, query.offset(), hits, facets(searcher, collector), last);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new AppException("The query matches too many different words (a * after too few letters?):"
                    + " give more letters before the *.", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                LOG.warn("search index reader not released: {}", e.toString());
            }
        }
    }

    /** The words of a query read as Lucene's classic syntax, in both languages, every word required by default. */
    static Query parse(String q) throws AppException {
        return new Parser().parse(q);
    }

    /** One parser per query: the classic parser is not safe for concurrent use. */
    private static final class Parser {
        private static final Analyzer ANALYZER = new PerFieldAnalyzerWrapper(new StandardAnalyzer(), Map.of(EN,
                new EnglishAnalyzer(), FR, new FrenchAnalyzer()));

        Query parse(String q) throws AppException {
            MultiFieldQueryParser parser = new MultiFieldQueryParser(new String[] {EN, FR}, ANALYZER);
            parser.setDefaultOperator(QueryParser.Operator.AND);
            parser.setSplitOnWhitespace(true);
            parser.setAutoGeneratePhraseQueries(true);
            parser.setAllowLeadingWildcard(false);
            // A symbol ("S/RES/2690") is words to find, not the slashes of a regular expression.
            String text = q.replace("/", "\\/");
            if (text.chars().filter(c -> c == '"').count() % 2 == 1) {
                throw new AppException("The query has a \" that is not closed: put a \" at each end of a phrase.");
            }
            try {
                Query parsed = parser.parse(text);
                if (parsed instanceof BooleanQuery b && b.clauses().isEmpty()) {
                    throw new AppException("The query has no word to look for (only common words such as \"the\""
                            + " or \"de\"): add a word.");
                }
                return parsed;
            } catch (ParseException | RuntimeException e) {
                throw new AppException("The query could not be read: " + explain(q) + " Write words, \"a phrase\","
                        + " AND, OR, NOT, or brackets that close.", e);
            }
        }

        private static String explain(String q) {
            String s = q.strip();
            if (s.endsWith("AND") || s.endsWith("OR") || s.endsWith("NOT")) {
                return "it ends with an operator.";
            }
            if (s.startsWith("AND ") || s.startsWith("OR ") || s.equals("AND") || s.equals("OR")) {
                return "it starts with an operator.";
            }
            long open = s.chars().filter(c -> c == '(').count();
            long close = s.chars().filter(c -> c == ')').count();
            if (open != close) {
                return "its brackets do not match.";
            }
            return "a sign in it (such as * ? ~ : [ ] { } ^ or \\) is used the wrong way.";
        }
    }

    private List<SearchResult.Hit> hits(IndexSearcher searcher, Query words, int[] docs, boolean noWords)
            throws IOException {
        Map<String, String[]> highlights = Map.of();
        if (!noWords && docs.length > 0) {
            UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                    .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                    .withHighlightPhrasesStrictly(true).withMaxLength(20_000).build();
            highlights = highlighter.highlightFields(new String[] {EN, FR}, words, docs, new int[] {2, 2});
        }
        StoredFields stored = searcher.storedFields();
        List<SearchResult.Hit> hits = new ArrayList<>();
        for (int i = 0; i < docs.length; i++) {
            Document d = stored.document(docs[i]);
            String snippet = null;
            for (String field : List.of(EN, FR)) {
                String[] h = highlights.get(field);
                if (snippet == null && h != null && h[i] != null && !h[i].isBlank()) {
                    snippet = h[i];
                }
            }
            if (snippet == null) {
                String text = d.get(EN) != null ? d.get(EN) : d.get(FR) != null ? d.get(FR) : "";
                snippet = escape(text.length() > 300 ? text.substring(0, text.lastIndexOf(' ', 300) > 200
                        ? text.lastIndexOf(' ', 300) : 300) + " …" : text);
            }
            hits.add(new SearchResult.Hit(d.get(KIND), d.get(TITLE), d.get(URL), snippet, d.get(SITUATION),
                    List.of(d.getValues(SITUATION)), List.of(d.getValues(MEMBERS)), List.of(d.getValues(THEMES)),
                    d.get(YEAR) == null ? null : Integer.valueOf(d.get(YEAR)), "1".equals(d.get(VISIBLE))));
        }
        return hits;
    }

    private Map<String, List<SearchResult.FacetCount>> facets(IndexSearcher searcher, FacetsCollector collector)
            throws IOException {
        Map<String, List<SearchResult.FacetCount>> facets = new LinkedHashMap<>();
        SortedSetDocValuesReaderState state = facetState(searcher.getIndexReader());
        if (state == null) {
            return facets;
        }
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state, collector);
        Set<String> dims = new HashSet<>();
        state.getDims().forEach(dims::add);
        for (String dim : DIMENSIONS) {
            List<SearchResult.FacetCount> values = new ArrayList<>();
            if (dims.contains(dim)) {
                FacetResult result = counts.getTopChildren(dim.equals("year") ? 100 : 30, dim);
                if (result != null) {
                    for (LabelAndValue lv : result.labelValues) {
                        if (!lv.label.equals("_group")) {
                            values.add(new SearchResult.FacetCount(lv.label, lv.value.longValue()));
                        }
                    }
                }
            }
            if (dim.equals("year")) {
                values.sort((a, b) -> b.value().compareTo(a.value()));
            }
            facets.put(dim, values);
        }
        return facets;
    }

    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        FacetState cached = facetState;
        if (cached != null && cached.reader() == reader) {
            return cached.state();
        }
        if (reader.maxDoc() == 0) {
            return null;
        }
        SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, config);
        facetState = new FacetState(reader, state);
        return state;
    }

    /** The number of texts indexed (not counting the index's own bookkeeping). */
    public int size() throws AppException {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.count(new BooleanQuery.Builder().add(new MatchAllDocsQuery(),
                        BooleanClause.Occur.MUST).add(new TermQuery(new Term(MARKER, "1")),
                        BooleanClause.Occur.MUST_NOT).build());
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new AppException("the search index cannot be read: " + e.getMessage(), e);
        }
    }

    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public void close() {
        ScheduledExecutorService p;
        synchronized (this) {
            p = poller;
            poller = null;
        }
        if (p != null) {
            p.shutdownNow();
            try {
                p.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            try {
                searchers.close();
                writer.close();
                directory.close();
            } catch (IOException e) {
                LOG.warn("search index not closed cleanly: {}", e.toString());
            }
        }
    }
}
