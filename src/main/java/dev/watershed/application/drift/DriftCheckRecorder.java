package dev.watershed.application.drift;

import dev.watershed.application.asset.AssetService;
import dev.watershed.application.validation.ObservationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/**
 * Stores a drift check with anomalies, flags the checked observation as drifted, and announces it ({@link
 * DriftDetected}) in one transaction, apart from the streaming of the batch, which holds none.
 */
@ApplicationScoped
public class DriftCheckRecorder {

    private final DriftCheckStore checks;
    private final AssetService assets;
    private final ObservationService observations;
    // Fired synchronously: the observers run inside the recording transaction (see DriftDetected).
    private final Event<DriftDetected> detected;

    public DriftCheckRecorder(
            DriftCheckStore checks,
            AssetService assets,
            ObservationService observations,
            Event<DriftDetected> detected) {
        this.checks = checks;
        this.assets = assets;
        this.observations = observations;
        this.detected = detected;
    }

    /** @return the check with its id */
    @Transactional
    public DriftCheck record(DriftCheck check) {
        assets.get(check.asset());
        DriftCheck stored = checks.insert(check);
        if ("observation".equals(check.current().kind()) && check.current().id() != null) {
            // Not the next day's reference unless accepted (DriftStatus).
            observations.markDrifted(check.asset(), check.current().id());
        }
        detected.fire(new DriftDetected(stored));
        return stored;
    }
}
