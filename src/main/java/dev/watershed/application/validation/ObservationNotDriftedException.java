package dev.watershed.application.validation;

import dev.watershed.domain.ConflictException;

/** Accepting an observation that no drift check found drifted: there is nothing to accept. */
public class ObservationNotDriftedException extends ConflictException {

    public ObservationNotDriftedException(String asset, long id) {
        super(
                "OBSERVATION_NOT_DRIFTED",
                "observation " + id + " of '" + asset + "' was not found drifted, so there is nothing to accept:"
                        + " only an observation a drift check flagged (driftStatus DRIFTED) can be accepted");
    }
}
