package org.councilbrief.statement;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Sentence embeddings computed in the process by a published ONNX model shipped as a Maven artifact (nothing is
 * downloaded at run time). Only the models the product ships can be named; the others are measured in the quality
 * harness (docs/quality.md).
 */
public final class SentenceEmbedder {
    /** The models the product ships, by the id a positions model names. */
    private static final Map<String, Supplier<EmbeddingModel>> SHIPPED = Map.of("all-minilm-l6-v2-q",
            dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel::new);

    private final String id;
    private final EmbeddingModel model;

    private SentenceEmbedder(String id, EmbeddingModel model) {
        this.id = id;
        this.model = model;
    }

    /** The shipped model of this id; an error naming the ones shipped when there is none. */
    public static SentenceEmbedder of(String id) {
        Supplier<EmbeddingModel> model = SHIPPED.get(id);
        if (model == null) {
            throw new IllegalArgumentException("the sentence model '" + id + "' is not shipped; shipped: "
                    + String.join(", ", SHIPPED.keySet()));
        }
        return new SentenceEmbedder(id, model.get());
    }

    /** Whether a model of this id ships with the product. */
    public static boolean shipped(String id) {
        return SHIPPED.containsKey(id);
    }

    public String id() {
        return id;
    }

    /** One vector per sentence, in order; e5 models are asked with their "query: " prefix. */
    public float[][] embed(List<String> sentences) {
        String prefix = id.startsWith("e5") ? "query: " : "";
        float[][] out = new float[sentences.size()][];
        for (int from = 0; from < sentences.size(); from += 64) {
            List<TextSegment> batch = new ArrayList<>();
            for (int i = from; i < Math.min(sentences.size(), from + 64); i++) {
                batch.add(TextSegment.from(prefix + sentences.get(i)));
            }
            var vectors = model.embedAll(batch).content();
            for (int i = 0; i < vectors.size(); i++) {
                out[from + i] = vectors.get(i).vector();
            }
        }
        return out;
    }
}
