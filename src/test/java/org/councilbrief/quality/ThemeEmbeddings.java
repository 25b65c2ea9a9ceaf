package org.councilbrief.quality;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.councilbrief.theme.Example;

/**
 * Sentence embeddings of every UPR Info row of sessions 1-12 by one in-process model (LangChain4j's ONNX artefacts),
 * computed once per model and kept under target/embeddings/, so that the quality tables can learn and score the
 * embedding input without embedding again. {@code main(model ...)} fills the cache and prints the embedding speed.
 */
public final class ThemeEmbeddings {
    /** The six models measured, quantised and not. */
    public static final List<String> MODELS = List.of("all-minilm-l6-v2-q", "all-minilm-l6-v2", "e5-small-v2-q",
            "e5-small-v2", "bge-small-en-v15-q", "bge-small-en-v15");

    private ThemeEmbeddings() {
    }

    /** What the model is given for a text: e5 was trained with a "query: " prefix for texts to classify. */
    public static String input(String model, String text) {
        return model.startsWith("e5") ? "query: " + text : text;
    }

    /** The model itself, run in process: each call embeds (for the speed measurements). */
    public static org.councilbrief.theme.Embedder embedder(String model) {
        EmbeddingModel onnx = PositionReaderQuality.embedder(model);
        return new org.councilbrief.theme.Embedder() {
            @Override
            public String id() {
                return model;
            }

            @Override
            public float[] embed(String text) {
                return onnx.embed(input(model, text)).content().vector();
            }
        };
    }

    /** The embedding of every text of sessions 1-12, by text. */
    public static Map<String, float[]> of(String model) {
        List<Example> rows = ThemeTaggingQuality.rows(1, 12);
        float[][] vectors = vectors(model, rows);
        Map<String, float[]> out = new HashMap<>(rows.size() * 2);
        for (int i = 0; i < rows.size(); i++) {
            out.put(rows.get(i).text(), vectors[i]);
        }
        return out;
    }

    static float[][] vectors(String model, List<Example> rows) {
        Path cache = Path.of("target/embeddings/upr-" + model + "-" + rows.size() + ".f32");
        if (Files.exists(cache)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(cache)))) {
                int n = in.readInt();
                int d = in.readInt();
                float[][] out = new float[n][d];
                for (float[] v : out) {
                    for (int j = 0; j < d; j++) {
                        v[j] = in.readFloat();
                    }
                }
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        EmbeddingModel embedder = PositionReaderQuality.embedder(model);
        float[][] out = new float[rows.size()][];
        long start = System.nanoTime();
        for (int from = 0; from < rows.size(); from += 64) {
            List<TextSegment> batch = new ArrayList<>();
            for (int i = from; i < Math.min(rows.size(), from + 64); i++) {
                batch.add(TextSegment.from(input(model, rows.get(i).text())));
            }
            var vectors = embedder.embedAll(batch).content();
            for (int i = 0; i < vectors.size(); i++) {
                out[from + i] = vectors.get(i).vector();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.err.printf("%s: %d texts embedded in %.1f s (%.0f texts/s)%n", model, rows.size(), seconds,
                rows.size() / seconds);
        try {
            Files.createDirectories(cache.getParent());
            try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(cache)))) {
                o.writeInt(out.length);
                o.writeInt(out[0].length);
                for (float[] v : out) {
                    for (float x : v) {
                        o.writeFloat(x);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public static void main(String[] args) {
        List<Example> rows = ThemeTaggingQuality.rows(1, 12);
        for (String model : args.length > 0 ? List.of(args) : MODELS) {
            vectors(model, rows);
        }
    }
}
