package dev.watershed.bench;

import dev.watershed.domain.graph.DependencyGraph;
import dev.watershed.domain.graph.FieldImpactAnalysis;
import dev.watershed.domain.graph.ImpactedAsset;
import java.util.Arrays;
import java.util.List;

/**
 * Measures the dependency graph at two estate sizes: bulk-load time, in-memory impact latency for roots whose
 * downstream holds 40-60 assets at both sizes (so the answers are the same size), and the heap the graph holds.
 * Run with a fixed heap, e.g. {@code java -Xms4g -Xmx4g -cp ... dev.watershed.bench.GraphBench}.
 */
public final class GraphBench {

    private static final long SEED = 20_240_601L;
    private static final int QUERIES = 20_000;

    private GraphBench() {}

    public static void main(String[] args) {
        // Warm the JIT on a mid-sized estate so that neither measured size pays for compilation.
        for (int i = 0; i < 3; i++) {
            GraphFixtures.Estate warm = GraphFixtures.estate(20_000, SEED + i);
            DependencyGraph graph = DependencyGraph.of(warm.nodes(), warm.edges());
            query(graph, GraphFixtures.rootsWithDownstream(warm, 40, 60, 50, SEED), QUERIES);
        }
        for (int assets : new int[] {1_000, 100_000}) {
            run(assets);
        }
    }

    private static void run(int assets) {
        long baseline = usedHeap();
        GraphFixtures.Estate estate = GraphFixtures.estate(assets, SEED);
        long withLists = usedHeap();
        List<String> roots = GraphFixtures.rootsWithDownstream(estate, 40, 60, 200, SEED);

        long[] loads = new long[5];
        DependencyGraph graph = null;
        for (int i = 0; i < loads.length; i++) {
            graph = null;
            usedHeap();
            long start = System.nanoTime();
            graph = DependencyGraph.of(estate.nodes(), estate.edges());
            loads[i] = System.nanoTime() - start;
        }
        Arrays.sort(loads);

        query(graph, roots, QUERIES);
        long[] latencies = query(graph, roots, QUERIES);
        int resultSize =
                new FieldImpactAnalysis(graph).impact(roots.get(0), List.of()).size();
        int fieldResult = new FieldImpactAnalysis(graph)
                .impact(roots.get(0), List.of("/field_3"))
                .size();

        long incremental = 0;
        if (assets >= 100_000) {
            // For comparison: the same estate loaded one putDependency at a time, each with its cycle check.
            DependencyGraph oneByOne = new DependencyGraph();
            long start = System.nanoTime();
            estate.nodes().forEach(oneByOne::upsertNode);
            estate.edges().forEach(oneByOne::putDependency);
            incremental = System.nanoTime() - start;
        }

        long withGraph = usedHeap();
        int edges = estate.edges().size();
        estate = null;
        long graphOnly = usedHeap();

        System.out.printf("%,d assets / %,d dependencies%n", graph.nodeCount(), edges);
        System.out.printf(
                "  bulk load           median %,.1f ms  (min %,.1f, max %,.1f, 5 runs)%n",
                loads[2] / 1e6, loads[0] / 1e6, loads[4] / 1e6);
        if (incremental > 0) {
            System.out.printf(
                    "  one-by-one load     %,.1f ms  (upsertNode + putDependency per edge, 1 run)%n",
                    incremental / 1e6);
        }
        System.out.printf(
                "  impact, all fields  p50 %,.1f µs  p99 %,.1f µs  (%d roots, %,d queries, "
                        + "e.g. %d impacted; with one field: %d)%n",
                percentile(latencies, 50) / 1e3,
                percentile(latencies, 99) / 1e3,
                roots.size(),
                QUERIES,
                resultSize,
                fieldResult);
        System.out.printf(
                "  heap: input lists %,.1f MB; lists + graph %,.1f MB; graph alone (lists dropped, "
                        + "incl. its node/edge records) %,.1f MB%n",
                (withLists - baseline) / 1e6, (withGraph - baseline) / 1e6, (graphOnly - baseline) / 1e6);
    }

    private static long[] query(DependencyGraph graph, List<String> roots, int count) {
        long[] latencies = new long[count];
        long sink = 0;
        for (int i = 0; i < count; i++) {
            String root = roots.get(i % roots.size());
            long start = System.nanoTime();
            List<ImpactedAsset> impacted = new FieldImpactAnalysis(graph).impact(root, List.of());
            latencies[i] = System.nanoTime() - start;
            sink += impacted.size();
        }
        if (sink < 0) {
            throw new IllegalStateException("unreachable; keeps the results alive");
        }
        Arrays.sort(latencies);
        return latencies;
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percent / 100.0) - 1)];
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        // Several collections: a single System.gc() may leave recently freed objects behind.
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
