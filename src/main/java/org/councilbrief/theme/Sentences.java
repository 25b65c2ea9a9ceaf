package org.councilbrief.theme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;

/** Sentences of English and French texts, by OpenNLP's published sentence models (Universal Dependencies). */
public final class Sentences {
    private static final class Models {
        static final SentenceModel ENGLISH = load("/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin");
        static final SentenceModel FRENCH = load("/opennlp-fr-ud-gsd-sentence-1.3-2.5.4.bin");

        private static SentenceModel load(String resource) {
            try (InputStream in = Sentences.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is missing from the class path");
                }
                return new SentenceModel(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Sentences() {
    }

    public static List<String> of(String text, Language language) {
        SentenceModel model = language == Language.FRENCH ? Models.FRENCH : Models.ENGLISH;
        return List.of(new SentenceDetectorME(model).sentDetect(text)).stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }
}
