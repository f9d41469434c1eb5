package dev.watershed.application.drift;

import java.util.List;

/** Where drift checks that found anomalies are kept. */
public interface DriftCheckStore {

    /** Stores a check of an existing asset; returns it with its id. */
    DriftCheck insert(DriftCheck check);

    /** The asset's stored checks, newest first, at most {@code limit}; empty when none. */
    List<DriftCheck> list(String asset, int limit);
}
