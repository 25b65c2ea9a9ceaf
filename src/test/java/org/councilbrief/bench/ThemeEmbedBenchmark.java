package org.councilbrief.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.councilbrief.quality.ThemeEmbeddings;
import org.councilbrief.quality.ThemeTaggingQuality;
import org.councilbrief.theme.Embedder;
import org.councilbrief.theme.Example;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Embedding speed alone of each in-process sentence-embedding model (the bulk of the cost of tagging with it): the
 * recommendations of sessions 10-12 in turn, two threads as on two cores. Run with {@code bench/jmh.sh ThemeEmbed\.}
 * (the dot keeps {@link ThemeEmbedTagBenchmark} out).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ThemeEmbedBenchmark {
    @Param({"all-minilm-l6-v2-q", "all-minilm-l6-v2", "e5-small-v2-q", "e5-small-v2", "bge-small-en-v15-q",
        "bge-small-en-v15"})
    public String model;

    private List<String> texts;
    private Embedder embedder;
    private final AtomicInteger next = new AtomicInteger();

    @Setup
    public void setUp() {
        embedder = ThemeEmbeddings.embedder(model);
        texts = ThemeTaggingQuality.rows(10, 12).stream().map(Example::text).toList();
    }

    @Benchmark
    @Threads(2)
    public float[] embed() {
        return embedder.embed(texts.get(Math.floorMod(next.getAndIncrement(), texts.size())));
    }
}
