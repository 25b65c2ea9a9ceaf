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
        this.errors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    public static FormException of(String field, String message) {
        return new FormException(Map.of(field, message));
    }

    /** Field name to message, in the form's order. */
    public Map<String, String> errors() {
        return errors;
    }
}
