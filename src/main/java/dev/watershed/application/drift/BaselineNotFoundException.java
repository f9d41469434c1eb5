package dev.watershed.application.drift;

import dev.watershed.domain.NotFoundException;

/** An asset that exists has no baseline with this id. */
public class BaselineNotFoundException extends NotFoundException {

    private final String asset;
    private final String id;

    /** @param id the id as asked for, which need not be a number */
    public BaselineNotFoundException(String asset, String id) {
        super("BASELINE_NOT_FOUND", "asset '" + asset + "' has no baseline " + id + ": list them with GET"
                + " /api/v1/assets/" + asset + "/baselines");
        this.asset = asset;
        this.id = id;
    }

    public String asset() {
        return asset;
    }

    /** The id asked for, as given. */
    public String id() {
        return id;
    }
}
