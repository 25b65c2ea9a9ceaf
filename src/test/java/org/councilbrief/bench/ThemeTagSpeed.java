package org.councilbrief.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.councilbrief.quality.ThemeEmbeddings;
import org.councilbrief.quality.ThemeTaggingQuality;
import org.councilbrief.theme.Embedder;
import org.councilbrief.theme.Example;
import org.councilbrief.theme.RuleTagger;
import org.councilbrief.theme.Taxonomy;
import org.councilbrief.theme.ThemeModel;
import org.councilbrief.theme.ThemeTexts;

/**
 * Tagging speed with a sentence-embedding model on a shared machine, in one warm JVM: two threads work through the
 * recommendations of sessions 10-12, and the run reports both the texts per second of wall-clock time (which other
 * processes' load lowers) and the texts per second of the process's CPU time, its own and ONNX Runtime's (which they
 * barely touch); with two cores to itself, the program tags at most twice the latter. The load average is printed
 * before and after. {@code bench/theme-speed.sh embed MODEL ...} embeds only; {@code tag MODEL ...} tags as
 * {@code themes tag --model} does, with a model learnt on sessions 1-9 from the cached embeddings, written to
 * target/bench-models/ and loaded with the real embedder.
 */
public final class ThemeTagSpeed {
    private ThemeTagSpeed() {
    }

    public static void main(String[] args) throws Exception {
        List<String> texts = ThemeTaggingQuality.rows(10, 12).stream().map(Example::text).toList();
        int count = Integer.getInteger("texts", 2000);
        for (String model : List.of(args).subList(1, args.length)) {
            Embedder embedder = model.equals("none") ? null : ThemeEmbeddings.embedder(model);
            Consumer<String> work;
            if (args[0].equals("embed")) {
                work = embedder::embed;
            } else {
                Taxonomy taxonomy = Taxonomy.uprInfo();
                Path dir = Path.of("target/bench-models/" + model);
                if (!Files.exists(dir.resolve("model.properties"))) {
                    ThemeModel.save(ThemeModel.train(taxonomy, ThemeTaggingQuality.rows(1, 9),
                            embedder == null ? null : ThemeTaggingQuality.cached(model)), dir);
                }
                ThemeTexts tagger = new ThemeTexts(new RuleTagger(taxonomy), ThemeModel.load(dir, taxonomy,
                        id -> Optional.ofNullable(embedder)));
                work = tagger::tag;
            }
            run(texts, 300, work); // warm-up
            String before = Files.readString(Path.of("/proc/loadavg")).strip();
            double[] r = run(texts, count, work);
            String after = Files.readString(Path.of("/proc/loadavg")).strip();
            System.out.printf("%s %s: %d texts, %.0f texts/s wall-clock, %.0f texts per CPU-second (at most %.0f"
                    + " texts/s on two free cores); load %s -> %s; %d processors%n", args[0], model, count, r[0],
                    r[1], 2 * r[1], before, after, Runtime.getRuntime().availableProcessors());
        }
    }

    /** {texts/s wall-clock, texts per CPU-second of the process}. */
    private static double[] run(List<String> texts, int count, Consumer<String> work) throws InterruptedException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicInteger next = new AtomicInteger();
        Runnable loop = () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                work.accept(texts.get(i % texts.size()));
            }
        };
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        Thread a = new Thread(loop);
        Thread b = new Thread(loop);
        a.start();
        b.start();
        a.join();
        b.join();
        double wall = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
        return new double[] {count / wall, count / cpuSeconds};
    }
}
