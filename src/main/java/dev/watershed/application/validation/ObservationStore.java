package dev.watershed.application.validation;

import java.time.Instant;
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

    /**
     * Sets what drift checks said of an observation of {@code asset}.
     *
     * @return the observation as it now is; empty when there is no such observation
     */
    Optional<Observation> setDriftStatus(String asset, long id, DriftStatus status);

    /**
     * Observations with a profile and this label made by {@code by} that are not drifted unless accepted ({@link
     * Observation#reference()}), newest first, at most {@code limit}.
     *
     * @param from inclusive lower bound of {@code observedAt}, or {@code null}
     * @param to   exclusive upper bound of {@code observedAt}, or {@code null}
     */
    List<Observation> profiled(String asset, String label, Recorders by, Instant from, Instant to, int limit);

    /**
     * The newest reference observation with a profile and this label made by {@code by} before {@code before} (earlier, or at
     * the same instant with a smaller id); empty when there is none.
     */
    Optional<Observation> previousProfiled(String asset, String label, Recorders by, Observation before);

    /**
     * The newest reference observation with a profile and this label made by {@code by}; empty when there is none.
     */
    Optional<Observation> latestProfiled(String asset, String label, Recorders by);
}
