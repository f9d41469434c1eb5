package dev.watershed.application.validation;

import dev.watershed.domain.NotFoundException;

/** An asset that exists has no recorded observation with this id. */
public class ObservationNotFoundException extends NotFoundException {

    /** @param id the id as asked for, which need not be a number */
    public ObservationNotFoundException(String asset, String id) {
        super(
                "OBSERVATION_NOT_FOUND",
                "asset '" + asset + "' has no observation " + id + ": list them with GET" + " /api/v1/assets/" + asset
                        + "/observations");
    }
}
