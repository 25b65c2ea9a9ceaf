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
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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
