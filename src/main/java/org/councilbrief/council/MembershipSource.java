package org.councilbrief.council;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The Council's composition as the database records it now, for a long-running process: read again when older than
 * {@link #AGE}, so that a year an admin records from the command line or another server shows within seconds, and at
 * once after {@link #invalidate()} (a change made through this process). The same data keeps the same
 * {@link Membership}, and with it the compositions it has worked out.
 */
public final class MembershipSource implements Supplier<Membership> {
    /** How long a reading of the database is trusted. */
    static final Duration AGE = Duration.ofSeconds(2);
    private final CouncilRepository repository;
    private Membership current;
    private long readAt;

    public MembershipSource(CouncilRepository repository) {
        this.repository = repository;
    }

    @Override
    public synchronized Membership get() {
        long now = System.nanoTime();
        if (current == null || now - readAt > AGE.toNanos()) {
            Membership fresh = repository.membership();
            if (current == null || !fresh.sameData(current)) {
                current = fresh;
            }
            readAt = now;
        }
        return current;
    }

    /** Reads the database again on the next {@link #get()}. */
    public synchronized void invalidate() {
        current = null;
    }
}
