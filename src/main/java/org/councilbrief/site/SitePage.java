package org.councilbrief.site;

import java.util.List;

/**
 * What the generic site template shows: a heading, an introduction and blocks of entries, each entry a line of text
 * with an optional link and detail. {@code root} is the relative way back to the site's top ("" or "../"), so that
 * every link works from a plain folder as well as from the server.
 */
public record SitePage(String title, String root, String heading, String intro, List<Block> blocks) {
    public SitePage {
        blocks = List.copyOf(blocks);
    }

    /** A titled list of entries, with what to say when it is empty. */
    public record Block(String heading, List<Entry> entries, String empty) {
        public Block {
            entries = List.copyOf(entries);
        }
    }

    /** One line: its text, a link (relative, or an external URL) or null, and a detail after it or null. */
    public record Entry(String text, String href, String detail) {
    }
}
