package org.councilbrief.brief;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where an item's facts come from: a document symbol with an optional paragraph reference, or a URL.
 *
 * @param symbol canonical document symbol ("S/RES/2374 (2017)"), or null
 * @param paragraph paragraph reference ("OP8", "para 19"), or null
 * @param url address of a source without a symbol (an NGO's statement), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Source(String symbol, String paragraph, String url) {
}
