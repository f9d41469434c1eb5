package dev.watershed.application.lineage;

import dev.watershed.application.config.WatershedConfig;
import dev.watershed.application.lineage.LineageStore.Flow;
import dev.watershed.application.lineage.LineageStore.SeenDataset;
import dev.watershed.domain.lineage.DatasetId;
import dev.watershed.domain.lineage.JobId;
import dev.watershed.domain.lineage.ObservedEdge;
import dev.watershed.domain.lineage.ObservedLineage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What OpenLineage runs showed, between assets: the flows between datasets are mapped to assets through the lineage
 * ids the assets declare when they are read, so a dataset adopted as an asset today brings the history seen before.
 */
@ApplicationScoped
public class ObservedLineageService {

    /** A dataset seen in events, with the asset that declares it; {@code asset} is {@code null} when none does. */
    public record DatasetView(DatasetId id, String asset, List<JobId> jobs, Instant firstSeen, Instant lastSeen) {}

    private final LineageStore store;
    private final Duration staleAfter;

    public ObservedLineageService(LineageStore store, WatershedConfig config) {
        this.store = store;
        this.staleAfter = config.lineage().staleAfter();
    }

    /** Moves whenever an event is stored, on any replica. */
    @Transactional
    public long version() {
        return store.version();
    }

    /** Flows between different assets, one edge per producer and consumer, over every job that carried data. */
    @Transactional
    public ObservedLineage observed() {
        Map<DatasetId, String> assetOf = store.assetsOfSeenDatasets();
        Map<List<String>, EdgeSoFar> edges = new LinkedHashMap<>();
        for (Flow flow : store.flows()) {
            String producer = assetOf.get(flow.input());
            String consumer = assetOf.get(flow.output());
            if (producer == null || consumer == null || producer.equals(consumer)) {
                continue;
            }
            edges.computeIfAbsent(List.of(producer, consumer), key -> new EdgeSoFar())
                    .add(flow);
        }
        List<ObservedEdge> observed = new ArrayList<>();
        edges.forEach((pair, edge) -> observed.add(edge.toEdge(pair.get(0), pair.get(1))));
        Map<String, Instant> lastRunOf = new HashMap<>();
        store.lastWritten().forEach((dataset, at) -> {
            String asset = assetOf.get(dataset);
            if (asset != null) {
                lastRunOf.merge(asset, at, (a, b) -> a.isAfter(b) ? a : b);
            }
        });
        return new ObservedLineage(observed, lastRunOf, staleAfter);
    }

    /**
     * @param namespace only the datasets of this namespace; {@code null}: of all
     * @param matched   {@code false}: only datasets no asset declares, the ones to adopt; {@code true}: only declared
     *                  ones; {@code null}: all
     */
    @Transactional
    public List<DatasetView> datasets(String namespace, Boolean matched, int limit) {
        Map<DatasetId, String> assetOf = store.assetsOfSeenDatasets();
        List<DatasetView> views = new ArrayList<>();
        for (SeenDataset dataset : store.datasets()) {
            String asset = assetOf.get(dataset.id());
            boolean inNamespace =
                    namespace == null || namespace.equals(dataset.id().namespace());
            if (inNamespace && (matched == null || matched == (asset != null))) {
                views.add(
                        new DatasetView(dataset.id(), asset, dataset.jobs(), dataset.firstSeen(), dataset.lastSeen()));
                if (views.size() == limit) {
                    break;
                }
            }
        }
        return views;
    }

    /** One producer-consumer pair's flows, added up. */
    private static final class EdgeSoFar {
        private final Set<JobId> jobs = new TreeSet<>();
        private final Set<String> fields = new TreeSet<>();
        private Instant firstSeen;
        private Instant lastSeen;
        private long runs;

        void add(Flow flow) {
            jobs.add(flow.job());
            fields.addAll(flow.fieldsRead());
            firstSeen = firstSeen == null || flow.firstSeen().isBefore(firstSeen) ? flow.firstSeen() : firstSeen;
            lastSeen = lastSeen == null || flow.lastSeen().isAfter(lastSeen) ? flow.lastSeen() : lastSeen;
            runs += flow.runs();
        }

        ObservedEdge toEdge(String producer, String consumer) {
            return new ObservedEdge(
                    producer, consumer, List.copyOf(jobs), firstSeen, lastSeen, runs, List.copyOf(fields));
        }
    }
}
