package dev.watershed.domain.lineage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Data seen flowing from one asset to another: completed runs of some job read a dataset of {@code producer} and
 * wrote one of {@code consumer}.
 *
 * @param jobs       the jobs seen doing it, sorted
 * @param lastSeen   the event time of the latest such completed run
 * @param runs       completed runs counted, each once however often its events are replayed
 * @param fieldsRead the producer's fields the {@code columnLineage} facet says the runs read, as canonical JSON
 *                   Pointers, sorted; empty when no facet said which
 */
public record ObservedEdge(
        String producer,
        String consumer,
        List<JobId> jobs,
        Instant firstSeen,
        Instant lastSeen,
        long runs,
        List<String> fieldsRead) {

    public ObservedEdge {
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(consumer, "consumer");
        jobs = jobs.stream().sorted().distinct().toList();
        fieldsRead = fieldsRead.stream().sorted().distinct().toList();
    }
}
