package org.councilbrief.theme;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import java.util.Optional;

/**
 * The sentence-embedding models this version ships, by name: all-MiniLM-L6-v2, quantised, run in process by ONNX
 * Runtime from its Maven artefact (LangChain4j's; nothing is downloaded when it runs), chosen by measurement
 * (docs/quality.md, decision 0037). It is loaded once, on first use (about a second), and shared by every thread.
 */
public final class Embedders {
    /** The model {@code themes train} learns with. */
    public static final String DEFAULT = "all-minilm-l6-v2-q";
    public static final List<String> SHIPPED = List.of(DEFAULT);

    private Embedders() {
    }

    /** The shipped model of that name. */
    public static Optional<Embedder> shipped(String id) {
        return DEFAULT.equals(id) ? Optional.of(MiniLm.EMBEDDER) : Optional.empty();
    }

    /** The model {@code themes train} learns with. */
    public static Embedder defaultEmbedder() {
        return MiniLm.EMBEDDER;
    }

    /** Loaded when first asked for (the holder idiom: once, safely across threads). */
    private static final class MiniLm {
        static final Embedder EMBEDDER = new OnnxEmbedder(DEFAULT, new AllMiniLmL6V2QuantizedEmbeddingModel());
    }

    /** A LangChain4j in-process model; it is safe to call from several threads. */
    private record OnnxEmbedder(String id, EmbeddingModel model) implements Embedder {
        @Override
        public float[] embed(String text) {
            return model.embed(text).content().vector();
        }

        @Override
        public float[][] embedAll(List<String> texts) {
            List<dev.langchain4j.data.segment.TextSegment> segments = texts.stream()
                    .map(dev.langchain4j.data.segment.TextSegment::from).toList();
            var vectors = model.embedAll(segments).content();
            float[][] out = new float[vectors.size()][];
            for (int i = 0; i < out.length; i++) {
                out[i] = vectors.get(i).vector();
            }
            return out;
        }
    }
}
