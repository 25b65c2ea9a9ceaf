package org.councilbrief.brief;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * The brief's "Updated" line: a full date for briefs composed in councilbrief, or the text as published for an
 * imported brief whose line has no year ("May 25").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Updated(LocalDate date, String asPublished) {
    public static Updated on(LocalDate date) {
        return new Updated(date, null);
    }
}
