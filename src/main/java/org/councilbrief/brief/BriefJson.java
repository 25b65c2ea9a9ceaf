package org.councilbrief.brief;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.councilbrief.AppException;

/** The JSON form of a brief (what {@code brief import-text} prints and {@code brief render --from} reads). */
public final class BriefJson {
    private BriefJson() {
    }

    public static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("clean-text")
                    .addDeserializer(String.class, new CleanText()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * Every text read from a brief's JSON as the forms take it ({@link org.councilbrief.Forms#clean}): a file given
     * to {@code brief load} or {@code brief render --from}, and a version stored before the forms cleaned their fields,
     * holds no control character that would break the feed, the PDF or the export.
     */
    private static final class CleanText
            extends com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer<String> {
        CleanText() {
            super(String.class);
        }

        @Override
        public String deserialize(com.fasterxml.jackson.core.JsonParser parser,
                com.fasterxml.jackson.databind.DeserializationContext context) throws java.io.IOException {
            return org.councilbrief.Forms.clean(com.fasterxml.jackson.databind.deser.std.StringDeserializer.instance
                    .deserialize(parser, context), true);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a brief could not be written as JSON", e);
        }
    }

    public static Brief read(String json) throws AppException {
        try {
            Brief brief = MAPPER.readValue(json, Brief.class);
            if (brief.sections() == null || brief.asOf() == null || brief.updated() == null) {
                throw new AppException("the JSON is not a brief: it needs asOf, updated and sections");
            }
            return brief;
        } catch (JsonProcessingException e) {
            throw new AppException("the JSON is not a brief: " + e.getOriginalMessage(), e);
        }
    }
}
