package org.councilbrief.brief;

import org.councilbrief.AppException;

/**
 * An item refused because the brief has it already: the same form sent again, an item of the section with the same
 * title and date, the comments on a meeting that has its comments item, or a UPR review attached before. It names the
 * item that is there, so that the page can point at it.
 */
public final class DuplicateItemException extends AppException {
    private final String item;
    private final boolean resent;

    /**
     * @param item id of the item already in the brief
     * @param resent whether the very same form was sent again (a double submit), so that what it asked for is done
     */
    DuplicateItemException(String message, String item, boolean resent) {
        super(message);
        this.item = item;
        this.resent = resent;
    }

    public String item() {
        return item;
    }

    public boolean resent() {
        return resent;
    }
}
