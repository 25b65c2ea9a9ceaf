package org.councilbrief.brief;

import java.util.Map;
import org.councilbrief.picture.Figure;

/**
 * The pictures a brief's page and its PDF show beside the view, made outside the pure {@link BriefComposer} because
 * they draw on data the brief does not hold (the positions editors accepted at a meeting): who said what at the latest
 * meeting of the comments section, and each UPR block's recommendations by theme and response. A brief rendered
 * without a database ({@code brief render --from}) has none.
 *
 * @param grid the member-by-theme grid of the comments section's latest meeting, or null
 * @param upr the picture of each UPR block, by the review's id
 */
public record BriefPictures(Figure grid, Map<String, Figure> upr) {
    /** No picture. */
    public static final BriefPictures NONE = new BriefPictures(null, Map.of());

    public BriefPictures {
        upr = Map.copyOf(upr);
    }

    /** The picture of a UPR block, or null. */
    public Figure uprFor(String review) {
        return review == null ? null : upr.get(review);
    }

    /** The picture of a paragraph's UPR block, or null (and null for a paragraph without one). */
    public Figure uprFor(BriefView.UprBlock block) {
        return block == null ? null : uprFor(block.review());
    }

    /**
     * Makes a brief's pictures from its structure and its view; the application gives one to the pages. A published
     * version keeps what its pictures were drawn from ({@link #record}), and its public page, PDF and static export
     * draw from that ({@link #of(Brief, BriefView, String)}) until the next publication; the workspace's preview draws
     * from the data as it is now (decision 0049).
     */
    @FunctionalInterface
    public interface Maker {
        /** No picture for any brief. */
        Maker NONE = (brief, view) -> BriefPictures.NONE;

        /** The pictures from the data as it is now. */
        BriefPictures of(Brief brief, BriefView view);

        /**
         * What the brief's pictures draw from now that the brief does not hold, as text to keep with a version being
         * published; null when there is nothing to keep (then a published page draws from the data as it is).
         */
        default String record(Brief brief) {
            return null;
        }

        /**
         * The pictures of a published version from what {@link #record} gave when it was published; from the data as
         * it is now when {@code recorded} is null (a version published before this was kept, or a brief never
         * published through the workflow).
         */
        default BriefPictures of(Brief brief, BriefView view, String recorded) {
            return of(brief, view);
        }
    }
}
