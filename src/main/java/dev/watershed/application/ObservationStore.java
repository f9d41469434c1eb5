package dev.watershed.application;

import java.util.List;
import java.util.Optional;

/** Where observations are kept. */
public interface ObservationStore {

    /** Stores a new observation of an existing asset; returns it with its id. */
    Observation insert(Observation observation);

    /** The observation with this id if it belongs to {@code asset}; empty otherwise. */
    Optional<Observation> find(String asset, long id);

    /** Matching observations, newest first, at most {@code query.limit()}; empty when none match. */
    List<Observation> list(ObservationQuery query);
}
