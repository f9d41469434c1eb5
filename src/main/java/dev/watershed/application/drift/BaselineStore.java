package dev.watershed.application.drift;

import java.util.List;
import java.util.Optional;

/** Where baselines are kept. */
public interface BaselineStore {

    /** Stores a new baseline of an existing asset; returns it with its id. */
    Baseline insert(Baseline baseline);

    /** The baseline with this id if it belongs to {@code asset}; empty otherwise. */
    Optional<Baseline> find(String asset, long id);

    /** The asset's baselines, newest first; empty when it has none. */
    List<Baseline> list(String asset);
}
