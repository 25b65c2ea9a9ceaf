package org.councilbrief.site;

import java.util.List;
import org.councilbrief.PageHeader;
import org.councilbrief.picture.Figure;

/**
 * What the generic site template shows: the one header of every page, a heading, an introduction and blocks of
 * entries, each entry a line of text with an optional link and detail. The header's root is the relative way back to
 * the site's top ("" or "../"), so that every link works from a plain folder as well as from the server.
 */
public record SitePage(String title, PageHeader header, String heading, String intro, List<Block> blocks) {
    public SitePage {
        blocks = List.copyOf(blocks);
    }

    /** The relative way back to the site's top. */
    public String root() {
        return header.root();
    }

    /**
     * A titled list of entries, with a line said before them (or null), what to say when it is empty, and a picture
     * shown before the entries (or null).
     */
    public record Block(String heading, String note, List<Entry> entries, String empty, Figure figure) {
        public Block {
            entries = List.copyOf(entries);
        }

        public Block(String heading, String note, List<Entry> entries, String empty) {
            this(heading, note, entries, empty, null);
        }

        public Block(String heading, List<Entry> entries, String empty) {
            this(heading, null, entries, empty);
        }
    }

    /** One line: its text, a link (relative, or an external URL) or null, and a detail after it or null. */
    public record Entry(String text, String href, String detail) {
    }
}
