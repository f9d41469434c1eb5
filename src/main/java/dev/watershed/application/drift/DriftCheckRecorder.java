package dev.watershed.application.drift;

import dev.watershed.application.asset.AssetService;
import dev.watershed.application.notification.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Stores a drift check with anomalies and its {@code drift.detected} event in one transaction, apart from the
 * streaming of the batch, which holds none.
 */
@ApplicationScoped
public class DriftCheckRecorder {

    private final DriftCheckStore checks;
    private final AssetService assets;
    private final EventPublisher events;

    public DriftCheckRecorder(DriftCheckStore checks, AssetService assets, EventPublisher events) {
        this.checks = checks;
        this.assets = assets;
        this.events = events;
    }

    /** @return the check with its id */
    @Transactional
    public DriftCheck record(DriftCheck check) {
        assets.get(check.asset());
        DriftCheck stored = checks.insert(check);
        events.driftDetected(stored);
        return stored;
    }
}
