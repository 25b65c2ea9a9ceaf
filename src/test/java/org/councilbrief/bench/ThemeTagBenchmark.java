package org.councilbrief.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.councilbrief.quality.ThemeTaggingQuality;
import org.councilbrief.theme.Example;
import org.councilbrief.theme.RuleTagger;
import org.councilbrief.theme.StackedTagger;
import org.councilbrief.theme.Taxonomy;
import org.councilbrief.theme.ThemeModel;
import org.councilbrief.theme.ThemeTexts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Tagging speed as {@code themes tag} tags, without the sentence embedding (format 2; with it, see
 * {@link ThemeEmbedTagBenchmark}): language detection, then the learnt stacked model (English) or the cue phrases,
 * on the recommendations of sessions 10-12 with a model learnt on sessions 1-9; two threads, as on two cores. Run
 * with {@code bench/jmh.sh ThemeTag}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ThemeTagBenchmark {
    private List<String> texts;
    private ThemeTexts learnt;
    private ThemeTexts rules;
    private final AtomicInteger next = new AtomicInteger();

    @Setup
    public void setUp() {
        Taxonomy taxonomy = Taxonomy.uprInfo();
        StackedTagger model = ThemeModel.train(taxonomy, ThemeTaggingQuality.rows(1, 9), null);
        texts = ThemeTaggingQuality.rows(10, 12).stream().map(Example::text).toList();
        learnt = new ThemeTexts(new RuleTagger(taxonomy), model);
        rules = new ThemeTexts(new RuleTagger(taxonomy), null);
    }

    private String text() {
        return texts.get(Math.floorMod(next.getAndIncrement(), texts.size()));
    }

    @Benchmark
    @Threads(2)
    public ThemeTexts.Result tagWithTheLearntModel() {
        return learnt.tag(text());
    }

    @Benchmark
    @Threads(2)
    public ThemeTexts.Result tagWithTheCuePhrases() {
        return rules.tag(text());
    }
}
