package org.councilbrief.db;

/**
 * The database cannot be opened: the H2 file is held by another process (a running server), or the server at the URL
 * does not answer or refuses the login. Its message says which, and what to do.
 */
public final class DatabaseUnavailableException extends RuntimeException {
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
