package dev.watershed.application.dependency;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The estate change counter as committed, read on behalf of many concurrent readers at once. A reader needs a value
 * read after its request arrived (then every write acknowledged before the request shows, on any replica), not a
 * query of its own: readers that arrive while the counter is being read wait for the next reading, and that one
 * query answers all of them. Under load that is one single-row query per round trip to the database instead of one
 * per request, which is what lets reads served from memory run near the speed of the HTTP layer.
 */
final class CommittedEstateVersion {

    /** {@code startedAt} is a {@link System#nanoTime()}: the reading saw every commit made before it. */
    private record Reading(long startedAt, long version) {}

    private final DependencyStore store;
    private final long maxAgeNanos;
    private final ReentrantLock reading = new ReentrantLock();
    private volatile Reading last;

    /**
     * @param maxAgeNanos how much older than a request the reading that answers it may be; 0 (the default
     *     {@code watershed.graph.refresh-check-interval}) means none: it started after the request arrived
     */
    CommittedEstateVersion(DependencyStore store, long maxAgeNanos) {
        this.store = store;
        this.maxAgeNanos = maxAgeNanos;
    }

    /** The committed counter, as read no earlier than {@code maxAgeNanos} before this call. */
    long current() {
        long arrived = System.nanoTime() - maxAgeNanos;
        Reading seen = last;
        if (fresh(seen, arrived)) {
            return seen.version;
        }
        reading.lock();
        try {
            // Whoever held the lock may have started its reading after this request arrived: that one will do.
            seen = last;
            if (fresh(seen, arrived)) {
                return seen.version;
            }
            long started = System.nanoTime();
            long version = store.estateVersion();
            last = new Reading(started, version);
            return version;
        } finally {
            reading.unlock();
        }
    }

    private static boolean fresh(Reading reading, long arrived) {
        return reading != null && reading.startedAt - arrived >= 0;
    }
}
