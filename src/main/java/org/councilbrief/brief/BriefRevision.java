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
 * @param comment what a reviewer who sent the brief back asks of its editors, or null
 */
public record BriefRevision(String situation, int version, String status, String body, String author,
        LocalDateTime at, String note, String comment) {
    public static final String DRAFT = "draft";
    public static final String REVIEW = "review";
    /** A version a reviewer sent back to its editors with a comment: a draft to change and send again. */
    public static final String SENT_BACK = "sent-back";
    public static final String PUBLISHED = "published";

    public BriefRevision(String situation, int version, String status, String body, String author, LocalDateTime at,
            String note) {
        this(situation, version, status, body, author, at, note, null);
    }

    /** The status in the words of the workspace: draft, in review, sent back, published. */
    public static String label(String status) {
        return switch (status) {
            case REVIEW -> "in review";
            case SENT_BACK -> "sent back";
            default -> status;
        };
    }
}
