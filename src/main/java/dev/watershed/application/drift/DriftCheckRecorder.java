package dev.watershed.application.drift;

import dev.watershed.application.asset.AssetService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/**
 * Stores a drift check with anomalies and announces it ({@link DriftDetected}) in one transaction, apart from the
 * streaming of the batch, which holds none.
 */
@ApplicationScoped
public class DriftCheckRecorder {

    private final DriftCheckStore checks;
    private final AssetService assets;
    // Fired synchronously: the observers run inside the recording transaction (see DriftDetected).
    private final Event<DriftDetected> detected;

    public DriftCheckRecorder(DriftCheckStore checks, AssetService assets, Event<DriftDetected> detected) {
        this.checks = checks;
        this.assets = assets;
        this.detected = detected;
    }

    /** @return the check with its id */
    @Transactional
    public DriftCheck record(DriftCheck check) {
        assets.get(check.asset());
        DriftCheck stored = checks.insert(check);
        detected.fire(new DriftDetected(stored));
        return stored;
    }
}
