package dev.watershed.domain.lineage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What OpenLineage runs showed about the registered assets, for comparison with what is declared.
 *
 * @param edges      asset-to-asset flows seen in completed runs (datasets mapped to assets by their lineage ids)
 * @param lastRunOf  per asset, the event time of the latest completed run of a job that wrote one of its datasets;
 *                   assets no run wrote are missing
 * @param staleAfter how long a declared dependency may go unseen, while its consumer's jobs run, before it is stale
 */
public record ObservedLineage(List<ObservedEdge> edges, Map<String, Instant> lastRunOf, Duration staleAfter) {

    /** Nothing observed: no run reported, so no finding can come from lineage. */
    public static final ObservedLineage NONE = new ObservedLineage(List.of(), Map.of(), Duration.ofDays(30));

    public ObservedLineage {
        edges = List.copyOf(edges);
        lastRunOf = Map.copyOf(lastRunOf);
    }

    /** @return empty when no completed run was seen carrying data from {@code producer} to {@code consumer} */
    public Optional<ObservedEdge> edge(String producer, String consumer) {
        return edges.stream()
                .filter(edge ->
                        edge.producer().equals(producer) && edge.consumer().equals(consumer))
                .findFirst();
    }

    /** @return empty when no completed run wrote a dataset of {@code asset} */
    public Optional<Instant> lastRunOf(String asset) {
        return Optional.ofNullable(lastRunOf.get(asset));
    }
}
