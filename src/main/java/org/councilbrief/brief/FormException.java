package org.councilbrief.brief;

import java.util.LinkedHashMap;
import java.util.Map;
import org.councilbrief.AppException;

/**
 * A form refused for what its fields say: each field's name with what is wrong with it, so that a page can show each
 * message beside its field and keep everything that was typed. The message is all of them, in the form's order.
 */
public final class FormException extends AppException {
    private final Map<String, String> errors;

    public FormException(Map<String, String> errors) {
        super(String.join("; ", errors.values()));
        Map<String, String> kept = new LinkedHashMap<>();
        errors.forEach((field, message) -> kept.put(field, shorten(message)));
        this.errors = java.util.Collections.unmodifiableMap(kept);
    }

    public static FormException of(String field, String message) {
        return new FormException(Map.of(field, message));
    }

    /** Field name to message, in the form's order. */
    public Map<String, String> errors() {
        return errors;
    }
}
