package dev.watershed.domain.lineage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One OpenLineage event as Watershed reads it: what a run, a job or a dataset reported, with the facets Watershed
 * uses. Facets it does not read are not here; they stay in the raw event stored beside it.
 *
 * @param eventType the run's state ({@code START}, {@code RUNNING}, {@code COMPLETE}, {@code ABORT}, {@code FAIL},
 *                  {@code OTHER}) for a run event; {@code null} for a dataset or job event, or a run event without one
 * @param runId     the run's id; {@code null} unless a run event
 * @param job       {@code null} for a dataset event
 * @param inputs    datasets read
 * @param outputs   datasets written; for a dataset event, the one dataset it describes
 */
public record LineageEvent(
        Kind kind,
        String eventType,
        Instant eventTime,
        String runId,
        JobId job,
        List<ObservedDataset> inputs,
        List<ObservedDataset> outputs) {

    /** The three event types of the specification, told apart by their {@code schemaURL}. */
    public enum Kind {
        RUN,
        JOB,
        DATASET
    }

    public static final String COMPLETE = "COMPLETE";

    public LineageEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(eventTime, "eventTime");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** A run that finished well: the only kind whose inputs and outputs become observed dependencies. */
    public boolean completesRun() {
        return kind == Kind.RUN && COMPLETE.equals(eventType);
    }

    /**
     * What identifies the event for an idempotent replay: a client that retries sends the same run, state and time
     * (RunEvent), or the same job or dataset at the same time.
     */
    public String identity() {
        String subject = switch (kind) {
            case RUN -> runId + "|" + eventType;
            case JOB -> job.namespace() + "|" + job.name();
            case DATASET ->
                outputs.get(0).id().namespace() + "|" + outputs.get(0).id().name();
        };
        return kind + "|" + subject + "|" + eventTime;
    }
}
