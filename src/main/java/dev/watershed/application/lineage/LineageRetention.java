package dev.watershed.application.lineage;

import dev.watershed.application.config.WatershedConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;

/**
 * Deletes raw OpenLineage events older than {@code watershed.lineage.retention}, in small batches so that no
 * transaction holds many rows. What the events showed (datasets, jobs, flows, the last schema) stays: only the raw
 * bodies go, and with them the chance to read a run's earlier events, which a run outliving the retention does not
 * need.
 */
@ApplicationScoped
public class LineageRetention {

    static final int BATCH = 500;

    private final LineageStore store;
    private final Duration retention;
    private final Clock clock;

    public LineageRetention(LineageStore store, WatershedConfig config, Clock clock) {
        this.store = store;
        this.retention = config.lineage().retention();
        this.clock = clock;
    }

    @Scheduled(
            every = "1h",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purgeOnSchedule() {
        while (purgeBatch() == BATCH) {
            // another full batch may remain
        }
    }

    /** @return how many events were deleted, at most {@link #BATCH} */
    @Transactional
    public int purgeBatch() {
        return store.deleteEventsReceivedBefore(clock.instant().minus(retention), BATCH);
    }
}
