package org.councilbrief.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.councilbrief.quality.ThemeEmbeddings;
import org.councilbrief.quality.ThemeTaggingQuality;
import org.councilbrief.theme.Example;
import org.councilbrief.theme.RuleTagger;
import org.councilbrief.theme.Taxonomy;
import org.councilbrief.theme.ThemeModel;
import org.councilbrief.theme.ThemeTexts;
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
 * Tagging speed with a sentence-embedding model as the stacked model's fourth input, as {@code themes tag --model}
 * tags: language detection, then the model, whose every text is embedded by the ONNX model in process (nothing is
 * cached); the recommendations of sessions 10-12 in turn, two threads as on two cores. The model is learnt on sessions
 * 1-9 from the cached embeddings of {@link ThemeEmbeddings} (learning does not change the speed), written to a folder
 * and loaded with the real embedder, as the command loads it. Run with {@code bench/jmh.sh ThemeEmbedTag}; one model
 * with {@code -p model=e5-small-v2-q}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ThemeEmbedTagBenchmark {
    @Param({"all-minilm-l6-v2-q", "all-minilm-l6-v2", "e5-small-v2-q", "e5-small-v2", "bge-small-en-v15-q",
        "bge-small-en-v15"})
    public String model;

    private List<String> texts;
    private ThemeTexts tagger;
    private final AtomicInteger next = new AtomicInteger();

    @Setup
    public void setUp() throws Exception {
        Taxonomy taxonomy = Taxonomy.uprInfo();
        Path dir = Files.createTempDirectory("councilbrief-bench-model");
        ThemeModel.save(ThemeModel.train(taxonomy, ThemeTaggingQuality.rows(1, 9), ThemeTaggingQuality.cached(model)),
                dir);
        var embedder = ThemeEmbeddings.embedder(model);
        tagger = new ThemeTexts(new RuleTagger(taxonomy), ThemeModel.load(dir, taxonomy,
                id -> id.equals(model) ? Optional.of(embedder) : Optional.empty()));
        texts = ThemeTaggingQuality.rows(10, 12).stream().map(Example::text).toList();
    }

    private String text() {
        return texts.get(Math.floorMod(next.getAndIncrement(), texts.size()));
    }

    @Benchmark
    @Threads(2)
    public ThemeTexts.Result tagWithTheEmbeddingModel() {
        return tagger.tag(text());
    }
}
