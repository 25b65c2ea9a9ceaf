package org.councilbrief.brief;

import org.councilbrief.AppException;

/** A step of a brief's workflow that the user's role does not allow (an editor publishing): nothing is written. */
public final class NotAllowedException extends AppException {
    public NotAllowedException(String message) {
        super(message);
    }
}
