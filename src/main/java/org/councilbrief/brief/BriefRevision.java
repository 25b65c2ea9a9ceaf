package org.councilbrief.brief;

import java.time.LocalDateTime;

/**
 * One saved version of a brief.
 *
 * @param version 1, 2, … for the situation
 * @param status draft, review or published
 * @param body the brief in its JSON form
 * @param author the user who saved it
 * @param at when, in UTC
 * @param note what was done ("edited item comments-2", "sent for review", "published", "restored version 3")
 */
public record BriefRevision(String situation, int version, String status, String body, String author,
        LocalDateTime at, String note) {
    public static final String DRAFT = "draft";
    public static final String REVIEW = "review";
    public static final String PUBLISHED = "published";
}
