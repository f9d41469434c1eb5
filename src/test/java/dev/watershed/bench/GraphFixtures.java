package dev.watershed.bench;

import dev.watershed.domain.contract.SemanticVersion;
import dev.watershed.domain.graph.AssetNode;
import dev.watershed.domain.graph.DependencyEdge;
import dev.watershed.domain.graph.Usage;
import dev.watershed.domain.graph.VersionRange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Synthetic, deterministic estates for benchmarks: assets in layers (sources, then datasets, features, models,
 * reports), each dependency pointing from an earlier layer to a later one so the estate is acyclic.
 *
 * <p>Fan-in: every non-source asset reads 1 to 6 producers, mostly from the layer just before it, sometimes from
 * further back. Fan-out is skewed the way real estates are: producers are picked with a squared-uniform index, so
 * a few popular tables feed hundreds of consumers while most feed a handful. Edges read 1-3 of 20 top-level fields,
 * or the whole contract one time in five.
 */
public final class GraphFixtures {

    private static final String[] KINDS = {
        "SOURCE", "DATASET", "DATASET", "DATASET", "FEATURE", "FEATURE", "MODEL", "DATASET"
    };
    private static final int OWNERS = 40;
    private static final int FIELDS = 20;

    private GraphFixtures() {}

    /** An estate of {@code assets} assets and exactly {@code 3 * assets} dependencies, the same for the same seed. */
    public static Estate estate(int assets, long seed) {
        Random random = new Random(seed);
        int layers = KINDS.length;
        int[] layerStart = new int[layers + 1];
        for (int layer = 0; layer <= layers; layer++) {
            layerStart[layer] = (int) ((long) assets * layer / layers);
        }
        List<AssetNode> nodes = new ArrayList<>(assets);
        int[] layerOf = new int[assets];
        for (int layer = 0; layer < layers; layer++) {
            for (int i = layerStart[layer]; i < layerStart[layer + 1]; i++) {
                layerOf[i] = layer;
                nodes.add(new AssetNode(
                        name(layer, i),
                        KINDS[layer],
                        "team-" + random.nextInt(OWNERS),
                        new SemanticVersion(1 + random.nextInt(3), random.nextInt(10), random.nextInt(10))));
            }
        }
        int target = 3 * assets;
        Set<Long> pairs = new HashSet<>(target * 2);
        List<DependencyEdge> edges = new ArrayList<>(target);
        int firstConsumer = layerStart[1];
        while (edges.size() < target) {
            int consumer = firstConsumer + random.nextInt(assets - firstConsumer);
            int consumerLayer = layerOf[consumer];
            // Mostly the previous layer; one time in four anywhere earlier.
            int producerLayer = random.nextInt(4) == 0 ? random.nextInt(consumerLayer) : consumerLayer - 1;
            int width = layerStart[producerLayer + 1] - layerStart[producerLayer];
            double skew = random.nextDouble();
            int producer = layerStart[producerLayer] + (int) (skew * skew * width);
            if (!pairs.add(((long) producer << 32) | consumer)) {
                continue;
            }
            edges.add(new DependencyEdge(
                    nodes.get(producer).name(),
                    nodes.get(consumer).name(),
                    VersionRange.ANY,
                    null,
                    fields(random),
                    random.nextBoolean() ? Usage.SERVING : Usage.BOTH,
                    null));
        }
        return new Estate(nodes, edges);
    }

    private static String name(int layer, int index) {
        return KINDS[layer].toLowerCase() + "-l" + layer + ".asset_" + index;
    }

    private static List<String> fields(Random random) {
        if (random.nextInt(5) == 0) {
            return List.of();
        }
        int count = 1 + random.nextInt(3);
        List<String> fields = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            fields.add("/field_" + random.nextInt(FIELDS));
        }
        return fields;
    }

    /**
     * Assets whose whole downstream (everything reachable) has between {@code min} and {@code max} assets, found by
     * sampling; at most {@code wanted} of them.
     */
    public static List<String> rootsWithDownstream(Estate estate, int min, int max, int wanted, long seed) {
        Map<String, List<String>> consumers = new HashMap<>();
        for (DependencyEdge edge : estate.edges()) {
            consumers.computeIfAbsent(edge.producer(), k -> new ArrayList<>()).add(edge.consumer());
        }
        Random random = new Random(seed);
        List<String> roots = new ArrayList<>();
        Set<String> tried = new HashSet<>();
        for (int attempt = 0; attempt < 200_000 && roots.size() < wanted; attempt++) {
            String candidate =
                    estate.nodes().get(random.nextInt(estate.nodes().size())).name();
            if (!tried.add(candidate)) {
                continue;
            }
            int size = downstreamSize(consumers, candidate, max + 1);
            if (size >= min && size <= max) {
                roots.add(candidate);
            }
        }
        return roots;
    }

    private static int downstreamSize(Map<String, List<String>> consumers, String root, int cap) {
        Set<String> seen = new HashSet<>();
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(root));
        while (!queue.isEmpty() && seen.size() <= cap) {
            for (String next : consumers.getOrDefault(queue.poll(), List.of())) {
                if (seen.add(next)) {
                    queue.add(next);
                }
            }
        }
        return seen.size();
    }

    /** A generated estate as the lists a bulk load takes. */
    public record Estate(List<AssetNode> nodes, List<DependencyEdge> edges) {}
}
