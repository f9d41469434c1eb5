package dev.watershed.application.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.watershed.application.asset.AssetService;
import dev.watershed.application.config.WatershedConfig;
import dev.watershed.application.dependency.EstateGraph;
import dev.watershed.domain.InvalidInputException;
import dev.watershed.domain.graph.DependencyEdge;
import dev.watershed.domain.graph.DependencyGraph;
import dev.watershed.domain.graph.LineageDirection;
import dev.watershed.domain.graph.LineageTraversal;
import dev.watershed.domain.graph.Subgraph;
import dev.watershed.domain.notification.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers "what changed behind this asset?": the journaled events of the asset and of everything upstream of it,
 * each with the path from the changed asset to the one asked about and a line a person can read.
 *
 * <p>The upstream is the current graph's. An event is found through the assets the notification outbox linked it to
 * when it stored it: a dependency event through its consumer, so a dependency removed since still shows with the path
 * through the consumer that dropped it; a deletion through the deleted asset's consumers.
 */
@ApplicationScoped
public class TimelineService {

    private final AssetService assets;
    private final EstateGraph estate;
    private final JournalStore journal;
    private final WatershedConfig.Timeline config;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public TimelineService(
            AssetService assets, EstateGraph estate, JournalStore journal, WatershedConfig config, Clock clock) {
        this.assets = assets;
        this.estate = estate;
        this.journal = journal;
        this.config = config.timeline();
        this.clock = clock;
    }

    /** 404 when the asset does not exist; 422 for a window, limit or type the configuration does not allow. */
    public Timeline timeline(String assetName, TimelineQuery query) {
        assets.get(assetName);
        int limit = query.limit() == null ? config.defaultLimit() : query.limit();
        if (limit < 1 || limit > config.maxLimit()) {
            throw new InvalidInputException("limit", "limit must be between 1 and " + config.maxLimit());
        }
        for (String type : query.types()) {
            if (EventType.fromId(type).isEmpty()) {
                throw new InvalidInputException(
                        "types",
                        "unknown event type '" + type + "': use one or more of "
                                + Arrays.stream(EventType.values())
                                        .map(EventType::id)
                                        .toList() + ", separated by commas");
            }
        }
        Instant to = query.to() == null ? clock.instant() : query.to();
        Instant from = query.from() == null ? to.minus(config.defaultWindow()) : query.from();
        if (!from.isBefore(to)) {
            throw new InvalidInputException("from", "from must be before to");
        }
        if (Duration.between(from, to).compareTo(config.maxWindow()) > 0) {
            throw new InvalidInputException(
                    "from",
                    "the window from " + from + " to " + to + " is longer than "
                            + config.maxWindow().toDays() + " days (watershed.timeline.max-window): narrow it");
        }
        Map<String, List<String>> paths = upstreamPaths(assetName);
        boolean truncated = paths.size() > config.maxAssets();
        Map<String, List<String>> covered = new LinkedHashMap<>();
        paths.entrySet().stream().limit(config.maxAssets()).forEach(e -> covered.put(e.getKey(), e.getValue()));
        List<JournalEntry> found = journal.journal(covered.keySet(), from, to, query.types(), limit + 1);
        List<Timeline.Entry> entries = new ArrayList<>();
        for (JournalEntry entry : found.subList(0, Math.min(limit, found.size()))) {
            entries.add(entry(entry, covered));
        }
        return new Timeline(assetName, from, to, limit, covered.size(), truncated, found.size() > limit, entries);
    }

    /**
     * The asset and everything upstream of it, nearest first, each with a shortest path from it down to the asset
     * (the asset's own path is itself alone).
     */
    private Map<String, List<String>> upstreamPaths(String assetName) {
        DependencyGraph graph = estate.read();
        Map<String, List<String>> paths = new LinkedHashMap<>();
        paths.put(assetName, List.of(assetName));
        if (graph.node(assetName).isEmpty()) {
            return paths;
        }
        Subgraph upstream =
                new LineageTraversal(graph).lineage(assetName, LineageDirection.UPSTREAM, Integer.MAX_VALUE);
        Map<String, List<String>> producersOf = new HashMap<>();
        for (DependencyEdge edge : upstream.edges()) {
            producersOf
                    .computeIfAbsent(edge.consumer(), consumer -> new ArrayList<>())
                    .add(edge.producer());
        }
        producersOf.values().forEach(producers -> producers.sort(Comparator.naturalOrder()));
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(assetName));
        while (!queue.isEmpty()) {
            String consumer = queue.poll();
            for (String producer : producersOf.getOrDefault(consumer, List.of())) {
                if (!paths.containsKey(producer)) {
                    List<String> path = new ArrayList<>();
                    path.add(producer);
                    path.addAll(paths.get(consumer));
                    paths.put(producer, List.copyOf(path));
                    queue.add(producer);
                }
            }
        }
        return paths;
    }

    private Timeline.Entry entry(JournalEntry entry, Map<String, List<String>> covered) {
        List<String> path;
        if (covered.containsKey(entry.subject()) && entry.linked().contains(entry.subject())) {
            path = covered.get(entry.subject());
        } else {
            // The subject is no longer upstream (a removed dependency, a deleted asset): go through the nearest
            // linked asset that is.
            List<String> through = entry.linked().stream()
                    .filter(covered::containsKey)
                    .map(covered::get)
                    .min(Comparator.comparingInt(List::size))
                    .orElse(List.of());
            path = new ArrayList<>();
            path.add(entry.subject());
            path.addAll(through);
        }
        JsonNode data = read(entry.data());
        JsonNode version = data.path("version");
        return new Timeline.Entry(
                entry.id(),
                entry.occurredAt(),
                entry.type(),
                entry.subject(),
                version.isTextual() ? version.asText() : null,
                List.copyOf(path),
                TimelineSummaries.of(entry.type(), entry.subject(), data),
                data);
    }

    private JsonNode read(String data) {
        try {
            return json.readTree(data);
        } catch (JsonProcessingException e) {
            // Written by the notification outbox as JSON; an unreadable row still shows, without details.
            return NullNode.getInstance();
        }
    }
}
