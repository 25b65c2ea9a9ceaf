package org.councilbrief.theme;

/**
 * Turns a text into a sentence embedding, a fixed-length vector. Implementations must be safe to call from several
 * threads at once and give the same vector for the same text, so that a model learnt on vectors one embedder gave
 * can score vectors another instance of the same model gives.
 */
public interface Embedder {
    /** The model's name, kept in a model folder so that the same model is used to tag: "e5-small-v2-q". */
    String id();

    /** The embedding of one text (of the same length for every text). */
    float[] embed(String text);

    /** The embeddings of several texts, in order; a model may compute them together, faster than one by one. */
    default float[][] embedAll(java.util.List<String> texts) {
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = embed(texts.get(i));
        }
        return out;
    }
}
