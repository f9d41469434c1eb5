package dev.watershed.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Group commit: every writer returns after a sync that began after it asked, and writers waiting together share one. */
class DeviceSyncTest {

    private static final int WRITERS = 8;
    private static final int WRITES_EACH = 50;

    @Test
    void everyWriterReturnsAfterASyncThatStartedAfterItsCommitAndWaitingWritersShareSyncs() throws Exception {
        AtomicInteger syncs = new AtomicInteger();
        // Sequence numbers rather than clocks: a sync "started after" a commit when its number is higher.
        AtomicLong sequence = new AtomicLong();
        AtomicLong lastCompletedSyncStart = new AtomicLong(-1);
        DeviceSync deviceSync = new DeviceSync(() -> {
            long started = sequence.incrementAndGet();
            syncs.incrementAndGet();
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            lastCompletedSyncStart.set(started);
        });
        deviceSync.enable(true);

        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            results.add(writers.submit(() -> {
                start.await();
                boolean allCovered = true;
                for (int i = 0; i < WRITES_EACH; i++) {
                    long committed = sequence.incrementAndGet();
                    deviceSync.awaitDurable();
                    allCovered &= lastCompletedSyncStart.get() > committed;
                }
                return allCovered;
            }));
        }
        start.countDown();
        for (Future<Boolean> result : results) {
            assertThat(result.get())
                    .as("every acknowledgement followed a sync begun after its commit")
                    .isTrue();
        }
        writers.shutdown();

        assertThat(syncs.get())
                .as("syncs for %d writes from %d writers", WRITERS * WRITES_EACH, WRITERS)
                .isLessThan(WRITERS * WRITES_EACH);
    }

    @Test
    void disabledItSyncsNothing() {
        AtomicInteger syncs = new AtomicInteger();
        DeviceSync deviceSync = new DeviceSync(syncs::incrementAndGet);

        deviceSync.awaitDurable();

        assertThat(syncs.get()).isZero();
    }
}
