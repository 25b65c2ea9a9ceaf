package org.councilbrief.situation;

/**
 * An item of the Council's agenda, usually a country.
 *
 * @param id stable id used in URLs and on the command line ("mali")
 * @param name as headings name it ("Mali")
 * @param stateCode the state concerned, or null for a thematic or regional item
 */
public record Situation(String id, String name, String stateCode) {
}
