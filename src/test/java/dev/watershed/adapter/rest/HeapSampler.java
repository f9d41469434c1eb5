package dev.watershed.adapter.rest;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Samples the live heap (after a full GC) in the background; test helper to show that a stream is not buffered. */
public final class HeapSampler implements AutoCloseable {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final long baseline;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peak;
    private volatile int samples;

    public HeapSampler(long intervalMillis) {
        baseline = liveHeap();
        peak = baseline;
        thread = new Thread(
                () -> {
                    while (running) {
                        try {
                            Thread.sleep(intervalMillis);
                        } catch (InterruptedException e) {
                            return;
                        }
                        peak = Math.max(peak, liveHeap());
                        samples++;
                    }
                },
                "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Used heap right after a full collection. */
    public static long liveHeap() {
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** Largest live heap seen minus the live heap at start, in bytes. */
    public long growth() {
        return peak - baseline;
    }

    public int samples() {
        return samples;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join();
    }
}
