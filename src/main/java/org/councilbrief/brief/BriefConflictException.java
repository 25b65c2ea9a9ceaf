package org.councilbrief.brief;

import org.councilbrief.AppException;

/** A save made from a version that someone else has saved over in the meantime: nothing is written. */
public final class BriefConflictException extends AppException {
    private final int base;
    private final int current;

    public BriefConflictException(int base, int current) {
        super("someone saved this brief (version " + current + ") after you opened version " + base
                + "; nothing was saved: reload it, apply your change again and save");
        this.base = base;
        this.current = current;
    }

    public int base() {
        return base;
    }

    public int current() {
        return current;
    }
}
