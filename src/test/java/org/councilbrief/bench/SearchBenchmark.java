package org.councilbrief.bench;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.councilbrief.SharedData;
import org.councilbrief.search.SearchIndex;
import org.councilbrief.search.SearchQuery;
import org.councilbrief.search.SearchText;

/**
 * Search latency on 300,000 texts (decision 0039): the UPR Info recommendations of sessions 1-12 and the speeches of
 * the Council meeting records, repeated (each repeat another year and situation) to reach the number. A fixed mixed
 * set of queries (words, phrases, OR, -word, facet filters) runs through the product's {@link SearchIndex} as the
 * search page asks it (10 hits with highlighted passages, the exact total, counts for the five facets), and, when a
 * PostgreSQL address is given, through PostgreSQL's full-text search on the same texts (a stored tsvector with the
 * english configuration, GIN indexes) answering the same things: 10 hits by ts_rank with ts_headline, the total and
 * the facet counts. Prints p50/p95/p99 per engine in milliseconds. Usage: SearchBenchmark INDEX_DIR [JDBC_URL]
 * (-Dtexts=N, -Drounds=N).
 */
public final class SearchBenchmark {
    private static final Path DATA = SharedData.root().resolve("data");
    private static final String[] SITUATIONS = {"mali", "sudan", "south-sudan", "drc", "haiti", "yemen", "syria",
        "libya", "somalia", "afghanistan", "myanmar", "car"};
    /** The queries, in the syntax both engines read (PostgreSQL's websearch_to_tsquery and the search page's). */
    private static final List<Query> QUERIES = List.of(
            new Query("torture", Map.of()),
            new Query("women", Map.of()),
            new Query("children education", Map.of()),
            new Query("\"death penalty\"", Map.of()),
            new Query("\"protection of civilians\"", Map.of()),
            new Query("\"freedom of expression\"", Map.of()),
            new Query("accountability OR impunity", Map.of()),
            new Query("torture OR detention OR disappearance", Map.of()),
            new Query("women -girls", Map.of()),
            new Query("ratify convention -optional", Map.of()),
            new Query("humanitarian access", Map.of()),
            new Query("sexual violence", Map.of("kind", "speech")),
            new Query("election", Map.of("year", "2012")),
            new Query("journalists", Map.of("situation", "mali")),
            new Query("trafficking", Map.of("kind", "recommendation", "year", "2010")),
            new Query("\"human rights defenders\"", Map.of("situation", "sudan")),
            new Query("migrants OR refugees", Map.of("kind", "recommendation")),
            new Query("peacekeeping mission", Map.of()),
            new Query("ceasefire", Map.of()),
            new Query("discrimination disability", Map.of()),
            new Query("police training", Map.of("year", "2015")),
            new Query("racism OR xenophobia", Map.of()),
            new Query("\"national human rights institution\"", Map.of()),
            new Query("corruption", Map.of("situation", "haiti")),
            new Query("indigenous", Map.of()),
            new Query("prison conditions", Map.of()),
            new Query("sanctions", Map.of("kind", "speech")),
            new Query("\"rule of law\" justice", Map.of()),
            new Query("domestic violence legislation", Map.of()),
            new Query("child labour", Map.of("year", "2009")));

    private record Query(String q, Map<String, String> filters) {
    }

    /** The querying thread's CPU time per query in the last {@link #measure}, sorted: what load does not lengthen. */
    private static double[] LAST_CPU;

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "load average at start: %.1f on %d cores%n", java.lang.management
                .ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime()
                .availableProcessors());
        int target = Integer.getInteger("texts", 300_000);
        int rounds = Integer.getInteger("rounds", 5);
        List<SearchText> base = baseTexts();
        System.err.printf(Locale.ROOT, "base texts: %,d (UPR Info recommendations and speeches)%n", base.size());
        List<SearchText> texts = repeat(base, target);
        Path dir = Path.of(args[0]);
        long t0 = System.nanoTime();
        try (SearchIndex index = SearchIndex.open(dir)) {
            if (index.size() != texts.size()) {
                System.err.println("building the index in " + index.folder());
                texts.forEach(index::add);
                index.commit();
            }
            System.err.printf(Locale.ROOT, "lucene index ready: %,d texts in %.1f s%n", index.size(),
                    (System.nanoTime() - t0) / 1e9);
            double[] lucene = measure(rounds, q -> {
                try {
                    index.search(new SearchQuery(q.q(), q.filters(), true, 0, 10));
                } catch (org.councilbrief.AppException e) {
                    throw new IllegalStateException(q.q(), e);
                }
            });
            report("lucene", lucene);
            report("lucene-cpu", LAST_CPU);
            for (Query q : QUERIES) {
                System.err.printf(Locale.ROOT, "  %-45s %,8d hits%n", q.q() + " " + q.filters(), index.search(
                        new SearchQuery(q.q(), q.filters(), true, 0, 10)).total());
            }
            if (args.length > 1) {
                double[] pg = postgres(args[1], texts, rounds);
                report("postgres", pg);
                System.out.printf(Locale.ROOT, "ratio postgres/lucene p50 %.1f p95 %.1f%n", pct(pg, 50)
                        / pct(lucene, 50), pct(pg, 95) / pct(lucene, 95));
            }
        }
    }

    private static List<SearchText> baseTexts() throws Exception {
        List<SearchText> texts = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(DATA.resolve("upr-themes/upr_recommendations_sessions_01-12.csv"),
                StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                int session = Integer.parseInt(r.get("session").strip());
                List<String> themes = Arrays.stream(r.get("issues").split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT).replace(' ', '-')).toList();
                texts.add(new SearchText(r.get("id"), "bench", "recommendation", "Recommendation " + r.get("id"),
                        "upr/x.html", r.get("text"), r.get("to").toLowerCase(Locale.ROOT), List.of(r.get("from")),
                        themes, 2008 + (session - 1) / 3, true));
            }
        }
        Pattern speaker = Pattern.compile("^[^:]{2,120}\\(([A-Z][^)]+)\\)[^:]*:");
        try (var files = Files.list(DATA.resolve("council-speeches/meetings"))) {
            for (Path f : files.sorted().toList()) {
                String meeting = f.getFileName().toString().replace(".txt", "");
                int n = 0;
                for (String p : Files.readString(f, StandardCharsets.UTF_8).split("\\n\\s*\\n")) {
                    if (p.isBlank() || p.length() < 80) {
                        continue;
                    }
                    Matcher m = speaker.matcher(p);
                    texts.add(new SearchText(meeting + ":" + n, "bench", "speech", meeting + " speech " + n,
                            "meetings/x.html", p.strip(), "mali", m.find() ? List.of(m.group(1)) : List.of(),
                            List.of(), 2020, true));
                    n++;
                }
            }
        }
        return texts;
    }

    /** The base texts repeated to {@code target}: each repeat under another situation and year, its own ids. */
    private static List<SearchText> repeat(List<SearchText> base, int target) {
        List<SearchText> all = new ArrayList<>(target);
        for (int copy = 0; all.size() < target; copy++) {
            for (SearchText t : base) {
                if (all.size() == target) {
                    break;
                }
                String situation = copy == 0 ? t.situation() : SITUATIONS[(copy + all.size()) % SITUATIONS.length];
                all.add(new SearchText(t.id() + "/" + copy, t.group(), t.kind(), t.title(), t.url(), t.text(),
                        situation, t.members(), t.themes(), t.year() + copy % 8, true));
            }
        }
        return all;
    }

    private interface Run {
        void run(Query q) throws Exception;
    }

    /** One warm-up pass, then {@code rounds} passes over the queries; each query's time in milliseconds. */
    private static double[] measure(int rounds, Run run) throws Exception {
        for (Query q : QUERIES) {
            run.run(q);
        }
        double[] times = new double[rounds * QUERIES.size()];
        double[] cpu = new double[times.length];
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int i = 0;
        for (int r = 0; r < rounds; r++) {
            for (Query q : QUERIES) {
                long c = threads.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                run.run(q);
                times[i] = (System.nanoTime() - t) / 1e6;
                cpu[i++] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
            }
        }
        Arrays.sort(times);
        Arrays.sort(cpu);
        LAST_CPU = cpu;
        return times;
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static void report(String engine, double[] sorted) {
        System.out.printf(Locale.ROOT, "%-8s %d queries: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                engine, sorted.length, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted[sorted.length - 1]);
    }

    private static double[] postgres(String url, List<SearchText> texts, int rounds) throws Exception {
        try (Connection c = DriverManager.getConnection(url)) {
            boolean loaded;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "select count(*) from information_schema.tables where table_name = 'bench_text'")) {
                rs.next();
                loaded = rs.getInt(1) > 0;
            }
            if (loaded) {
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("select count(*) from bench_text")) {
                    rs.next();
                    loaded = rs.getInt(1) == texts.size();
                }
            }
            if (!loaded) {
                long t0 = System.nanoTime();
                try (Statement s = c.createStatement()) {
                    s.execute("drop table if exists bench_text");
                    s.execute("""
                            create table bench_text (id text primary key, kind text not null, situation text,
                            members text[] not null, themes text[] not null, year int, title text, url text,
                            body text not null,
                            tsv tsvector generated always as (to_tsvector('english', body)) stored)""");
                }
                var copy = new org.postgresql.copy.CopyManager(c.unwrap(org.postgresql.core.BaseConnection.class));
                StringBuilder b = new StringBuilder();
                for (SearchText t : texts) {
                    b.append(tsv(t.id())).append('\t').append(tsv(t.kind())).append('\t').append(tsv(t.situation()))
                            .append('\t').append(array(t.members())).append('\t').append(array(t.themes()))
                            .append('\t').append(t.year()).append('\t').append(tsv(t.title())).append('\t')
                            .append(tsv(t.url())).append('\t').append(tsv(t.text())).append('\n');
                }
                copy.copyIn("copy bench_text (id, kind, situation, members, themes, year, title, url, body) from stdin",
                        new java.io.StringReader(b.toString()));
                try (Statement s = c.createStatement()) {
                    s.execute("create index bench_text_tsv on bench_text using gin (tsv)");
                    s.execute("create index bench_text_members on bench_text using gin (members)");
                    s.execute("create index bench_text_themes on bench_text using gin (themes)");
                    s.execute("create index bench_text_kind on bench_text (kind, situation, year)");
                    s.execute("analyze bench_text");
                }
                System.err.printf(Locale.ROOT, "postgres table loaded and indexed in %.1f s%n",
                        (System.nanoTime() - t0) / 1e9);
            }
            return measure(rounds, q -> postgresQuery(c, q));
        }
    }

    /** The same answer as the search page's: 10 hits with passages, the total and the five facets' counts. */
    private static void postgresQuery(Connection c, Query q) throws Exception {
        StringBuilder where = new StringBuilder("tsv @@ websearch_to_tsquery('english', ?)");
        List<Object> values = new ArrayList<>();
        values.add(q.q());
        q.filters().forEach((k, v) -> {
            switch (k) {
                case "kind" -> where.append(" and kind = ?");
                case "situation" -> where.append(" and situation = ?");
                case "year" -> where.append(" and year = ?");
                default -> throw new IllegalArgumentException(k);
            }
            values.add(k.equals("year") ? Integer.valueOf(v) : v);
        });
        String top = "select title, url, ts_headline('english', body, websearch_to_tsquery('english', ?),"
                + " 'StartSel=<mark>, StopSel=</mark>, MaxFragments=2') from (select title, url, body, ts_rank(tsv,"
                + " websearch_to_tsquery('english', ?)) as rank from bench_text where " + where
                + " order by rank desc limit 10) t order by rank desc";
        List<Object> topValues = new ArrayList<>(List.of(q.q(), q.q()));
        topValues.addAll(values);
        drain(c, top, topValues);
        drain(c, "select kind, situation, year, count(*) from bench_text where " + where
                + " group by grouping sets ((), (kind), (situation), (year))", values);
        drain(c, "select 'member', m, count(*) from bench_text, unnest(members) m where " + where + " group by m"
                + " union all select 'theme', t, count(*) from bench_text, unnest(themes) t where " + where
                + " group by t", concat(values, values));
    }

    private static List<Object> concat(List<Object> a, List<Object> b) {
        List<Object> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void drain(Connection c, String sql, List<Object> values) throws Exception {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                p.setObject(i + 1, values.get(i));
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
        }
    }

    private static String tsv(String s) {
        if (s == null) {
            return "\\N";
        }
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String array(List<String> values) {
        return "{" + String.join(",", values.stream().map(v -> "\"" + v.replaceAll("[\"\\\\{},\\t\\n]", " ")
                + "\"").toList()) + "}";
    }
}
