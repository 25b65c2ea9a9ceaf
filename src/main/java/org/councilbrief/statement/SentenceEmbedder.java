package org.councilbrief.statement;

import java.util.ArrayList;
import java.util.List;
import org.councilbrief.theme.Embedder;
import org.councilbrief.theme.Embedders;

/**
 * Sentence embeddings for the positions model: the shipped in-process model the theme tagger uses too
 * ({@link Embedders}, one instance for the whole application; nothing is downloaded at run time), asked in batches.
 */
public final class SentenceEmbedder {
    private final Embedder model;

    private SentenceEmbedder(Embedder model) {
        this.model = model;
    }

    /** The shipped model of this id; an error naming the ones shipped when there is none. */
    public static SentenceEmbedder of(String id) {
        return new SentenceEmbedder(Embedders.shipped(id).orElseThrow(() -> new IllegalArgumentException(
                "the sentence model '" + id + "' is not shipped; shipped: " + String.join(", ", Embedders.SHIPPED))));
    }

    /** Whether a model of this id ships with the product. */
    public static boolean shipped(String id) {
        return Embedders.SHIPPED.contains(id);
    }

    public String id() {
        return model.id();
    }

    /** One vector per sentence, in order. */
    public float[][] embed(List<String> sentences) {
        List<float[]> out = new ArrayList<>();
        for (int from = 0; from < sentences.size(); from += 64) {
            for (float[] v : model.embedAll(sentences.subList(from, Math.min(sentences.size(), from + 64)))) {
                out.add(v);
            }
        }
        return out.toArray(new float[0][]);
    }
}
