package org.councilbrief.brief;

import java.util.List;
import org.councilbrief.PageHeader;

/**
 * What the brief page template needs besides the view: where the page links to.
 *
 * @param view the brief
 * @param header the site's header when the page is part of the site, or null on a standalone file (and in the PDF)
 * @param downloads the other formats of the same brief, or none on a standalone file
 * @param mark a line set above the brief to say what it is not ("Draft — not published"), or null on a published one
 * @param pictures the pictures shown beside the view, or {@link BriefPictures#NONE}
 * @param situationPage the public site's page on the situation's meetings, or null where there is none
 */
public record BriefPage(BriefView view, PageHeader header, List<Download> downloads, String mark,
        BriefPictures pictures, Link situationPage) {

    public BriefPage {
        pictures = pictures == null ? BriefPictures.NONE : pictures;
    }

    public BriefPage(BriefView view, PageHeader header, List<Download> downloads, String mark,
            BriefPictures pictures) {
        this(view, header, downloads, mark, pictures, null);
    }

    public BriefPage(BriefView view, PageHeader header, List<Download> downloads, String mark, Link situationPage) {
        this(view, header, downloads, mark, BriefPictures.NONE, situationPage);
    }

    public BriefPage(BriefView view, PageHeader header, List<Download> downloads, String mark) {
        this(view, header, downloads, mark, BriefPictures.NONE, null);
    }

    public BriefPage(BriefView view, PageHeader header, List<Download> downloads) {
        this(view, header, downloads, null);
    }

    /** The link back to the list of situations, or null on a standalone file. */
    public String homeHref() {
        return header == null ? null : header.root() + "index.html";
    }

    /** A link to another page, with its words. */
    public record Link(String text, String href) {
    }

    /** A link to the brief in another format. */
    public record Download(String label, String href) {
    }

    public static BriefPage standalone(BriefView view) {
        return new BriefPage(view, null, List.of());
    }

    /** The page as a file on its own (the PDF's), with its pictures. */
    public static BriefPage standalone(BriefView view, BriefPictures pictures) {
        return new BriefPage(view, null, List.of(), null, pictures);
    }
}
