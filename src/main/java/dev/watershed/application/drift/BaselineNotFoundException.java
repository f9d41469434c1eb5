package dev.watershed.application.drift;

import dev.watershed.domain.NotFoundException;

/** An asset that exists has no baseline with this id. */
public class BaselineNotFoundException extends NotFoundException {

    /** @param id the id as asked for, which need not be a number */
    public BaselineNotFoundException(String asset, String id) {
        super(
                "BASELINE_NOT_FOUND",
                "asset '" + asset + "' has no baseline " + id + ": list them with GET" + " /api/v1/assets/" + asset
                        + "/baselines");
    }
}
