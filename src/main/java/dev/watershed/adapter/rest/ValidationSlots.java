package dev.watershed.adapter.rest;

import dev.watershed.application.config.WatershedConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bulkhead for validation and drift requests ({@code watershed.limits.max-concurrent-validations}): a slot is taken
 * on the event loop before the request reaches its endpoint and given back when its response ends or its connection
 * closes. A streamed batch holds a worker thread for as long as its body takes to arrive, so without a bound many
 * slow batches take every worker thread and nothing else is answered; with it, at most this many threads ever wait on
 * request bodies, and the rest of the worker pool serves every other endpoint and the health checks.
 */
@ApplicationScoped
public class ValidationSlots {

    private final int limit;
    private final Semaphore free;
    private final AtomicLong refused = new AtomicLong();

    public ValidationSlots(WatershedConfig config) {
        this.limit = config.limits().maxConcurrentValidations();
        this.free = new Semaphore(limit);
    }

    /** Takes a slot; false (and counted as refused) when every slot is taken. */
    boolean tryAcquire() {
        if (free.tryAcquire()) {
            return true;
        }
        refused.incrementAndGet();
        return false;
    }

    void release() {
        free.release();
    }

    public int limit() {
        return limit;
    }

    public int inUse() {
        return limit - free.availablePermits();
    }

    /** Requests refused for want of a slot since the start. */
    public long refused() {
        return refused.get();
    }
}
