package dev.watershed.application.lineage;

import dev.watershed.domain.lineage.DatasetId;
import dev.watershed.domain.lineage.JobId;
import dev.watershed.domain.lineage.LineageEvent;
import dev.watershed.domain.lineage.LineageField;
import dev.watershed.domain.lineage.ObservedDataset;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Where OpenLineage events and what they showed are kept. Every write runs inside the ingesting transaction. */
public interface LineageStore {

    /** Whether a dataset was read or written by the job that reported it. */
    enum Role {
        INPUT,
        OUTPUT
    }

    /**
     * Serialises ingestion across threads and replicas until the transaction ends, so that two events about the same
     * dataset or run never race to insert the same rows.
     */
    void lockForIngestion();

    /** Moves with every event stored, on every replica: a key for what is computed from observed lineage. */
    long version();

    /**
     * Stores the raw event under {@code eventKey}, moving {@link #version()}.
     *
     * @return false, storing nothing, when an event with that key is already stored (a replay)
     */
    boolean insertEvent(String eventKey, LineageEvent event, String body, Instant receivedAt);

    /** The raw bodies of the run's events stored before, oldest first; empty when none is (any more). */
    List<String> bodiesOfRun(String runId, String exceptEventKey);

    /**
     * Records that {@code job} read or wrote the dataset at {@code at}, with its symlinks as aliases.
     *
     * @param job       {@code null} for a dataset event
     * @param completed whether the run completed: the consumer's jobs ran, for stale declarations
     */
    void datasetSeen(ObservedDataset dataset, JobId job, Role role, Instant at, boolean completed);

    /**
     * Records the dataset's latest schema facet.
     *
     * @param checkKey what was checked against (contract version and schema), so a repeat of the same schema
     *                 against the same contract is not announced again
     * @return the check key recorded before; empty when none was
     */
    Optional<String> schemaSeen(DatasetId dataset, List<LineageField> schema, String checkKey, Instant at);

    /**
     * Records that one completed run of {@code job} read {@code input} and wrote {@code output}: counted once per run
     * however often its completion is reported.
     *
     * @param fieldsRead input fields the output's column lineage names, as canonical JSON Pointers
     */
    void flowSeen(DatasetId input, DatasetId output, JobId job, String runId, Instant at, Set<String> fieldsRead);

    /** The asset that declares the dataset or one of its aliases among its lineage ids; empty when none does. */
    Optional<String> assetOf(DatasetId dataset);

    /** Every dataset seen, by namespace and name. */
    List<SeenDataset> datasets();

    /** Every input-to-output flow seen in completed runs, between datasets. */
    List<Flow> flows();

    /**
     * Every dataset that some asset declares, directly or through an alias, with the asset's name. A dataset seen
     * but matched by no asset is missing.
     */
    Map<DatasetId, String> assetsOfSeenDatasets();

    /** Per dataset, when a completed run last wrote it; datasets no completed run wrote are missing. */
    Map<DatasetId, Instant> lastWritten();

    /** Deletes up to {@code limit} raw events received before {@code cutoff}; @return how many */
    int deleteEventsReceivedBefore(Instant cutoff, int limit);

    /** A dataset seen in some event, with the jobs that read or wrote it. */
    record SeenDataset(DatasetId id, List<JobId> jobs, Instant firstSeen, Instant lastSeen) {}

    /** Data seen flowing from one dataset to another through a job, over completed runs. */
    record Flow(
            DatasetId input,
            DatasetId output,
            JobId job,
            Instant firstSeen,
            Instant lastSeen,
            long runs,
            Set<String> fieldsRead) {}
}
