package org.councilbrief.brief;

/**
 * The longest text each field of the brief's forms takes, in characters: what the form states beside the field (and
 * its {@code maxlength}) and what the server checks before anything is written. Where the database keeps the field in
 * a column of a size, the limit is that size (V1, V5 migrations); the texts kept whole (an item's text, an
 * introduction, sources) have a limit that a brief's few hundred words per section never reach.
 */
public final class FieldLimits {
    /** A situation's id: the address of its brief. */
    public static final int SITUATION_ID = 61;
    /** A situation's name: {@code situation.name varchar(200)}. */
    public static final int SITUATION_NAME = 200;
    /** The state a situation concerns, by code or name (the longest state name is under 100). */
    public static final int STATE = 200;
    /** A brief's introduction, all its paragraphs. */
    public static final int INTRO = 10_000;
    /** An item's title: {@code brief_item.title varchar(500)}. */
    public static final int TITLE = 500;
    /** An item's sub-heading: {@code brief_item.sub_heading varchar(200)}. */
    public static final int SUB_HEADING = 200;
    /** An item's text, all its paragraphs. */
    public static final int BODY = 20_000;
    /** An item's sources, all their lines (each address at most {@link #ADDRESS}). */
    public static final int SOURCES = 10_000;
    /** A source's address: {@code item_source.url varchar(1000)}. */
    public static final int ADDRESS = 1_000;
    /** A reviewer's comment: {@code brief_revision.review_comment varchar(4000)}. */
    public static final int COMMENT = 4_000;
    /** A planned meeting's title: {@code planned_meeting.title varchar(300)}. */
    public static final int MEETING_TITLE = 300;
    /** A planned meeting's source: {@code planned_meeting.source varchar(500)}. */
    public static final int MEETING_SOURCE = 500;
    /** A word limit's field: a number up to 100,000. */
    public static final int WORD_LIMIT = 6;

    private FieldLimits() {
    }

    /** What a form says beside a field of this limit: "at most 500 characters". */
    public static String hint(int max) {
        return "at most " + org.councilbrief.Forms.number(max) + " characters";
    }
}
