package dev.watershed.domain.graph;

import dev.watershed.domain.contract.FieldPath;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who is affected when fields of an asset's contract change: a breadth-first walk downstream that only leaves the
 * changed asset through the consumers that read a changed field, so it costs time proportional to the affected
 * assets and the edges leaving them, never to the estate.
 *
 * <p>The walk is hand-written rather than JGraphT's {@code BreadthFirstIterator} (with the changed asset's edges
 * filtered in {@code selectOutgoingEdges}), because it is the query the service answers most, on every contract
 * check and publication, and the iterator was slower: about 1.2x for a whole-contract change and 1.3x for a
 * one-field change (p50, 40-60 impacted assets in the 100k-asset bench estate, same answers). The iterator keeps a
 * search record per asset in a map of its own while this walk needs its own map anyway for each hit's first hop and
 * fields, and it asks the graph for both ends of every edge it crosses where this walk reads the consumer off the
 * edge.
 */
public final class FieldImpactAnalysis {

    private final ReadableDependencyGraph graph;

    /** @param graph the live graph or a snapshot */
    public FieldImpactAnalysis(ReadableDependencyGraph graph) {
        this.graph = Objects.requireNonNull(graph, "graph");
    }

    /**
     * Who is affected if {@code fields} of {@code name}'s contract change. A direct consumer is affected when it
     * reads the whole contract or a field that overlaps a changed one ({@link FieldPath#overlaps}: reading
     * {@code /customer} is hit by a change at {@code /customer/email} and the other way round, and {@code *} stands
     * for any array item). Everything downstream of an affected consumer is affected through it, whatever it reads.
     * A consumer reading none of the changed fields is not affected, nor is what lies beyond it unless reached
     * another way.
     *
     * @param fields changed fields as pointers or dotted paths; empty means the whole contract changed
     * @return the affected assets, each once with its shortest path, ordered by depth then name; empty when no
     *         consumer reads a changed field
     * @throws AssetNotInGraphException when the graph does not hold {@code name}
     * @throws dev.watershed.domain.contract.InvalidFieldPathException when a field is not a path
     */
    public List<ImpactedAsset> impact(String name, Collection<String> fields) {
        List<String> changed = new ArrayList<>(fields.size());
        for (String field : fields) {
            changed.add(FieldPath.normalize(field));
        }
        return graph.read(view -> impact(view, name, changed));
    }

    private static List<ImpactedAsset> impact(DependencyGraphView view, String name, List<String> changed) {
        view.require(name);
        Map<String, Hit> hits = new LinkedHashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        List<DependencyEdge> direct = new ArrayList<>(view.outgoingEdgesOf(name));
        direct.sort(Comparator.comparing(DependencyEdge::consumer));
        for (DependencyEdge edge : direct) {
            List<String> matched = matchedFields(edge, changed);
            if (matched != null) {
                hits.put(edge.consumer(), new Hit(null, 1, edge.consumer(), matched, edge.readsWholeContract()));
                queue.add(edge.consumer());
            }
        }
        while (!queue.isEmpty()) {
            String current = queue.poll();
            Hit hit = hits.get(current);
            for (DependencyEdge edge : view.outgoingEdgesOf(current)) {
                if (!hits.containsKey(edge.consumer())) {
                    hits.put(edge.consumer(), new Hit(current, hit.depth + 1, hit.firstHop, hit.fields, false));
                    queue.add(edge.consumer());
                }
            }
        }
        List<ImpactedAsset> impacted = new ArrayList<>(hits.size());
        for (Map.Entry<String, Hit> entry : hits.entrySet()) {
            impacted.add(describe(view, name, entry.getKey(), entry.getValue(), hits));
        }
        impacted.sort(Comparator.comparingInt(ImpactedAsset::depth).thenComparing(ImpactedAsset::name));
        return impacted;
    }

    /** The edge's fields that overlap the change, or null when the consumer is not affected. */
    private static List<String> matchedFields(DependencyEdge edge, List<String> changed) {
        if (changed.isEmpty()) {
            return edge.fields();
        }
        if (edge.readsWholeContract()) {
            return changed;
        }
        List<String> matched = new ArrayList<>();
        for (String read : edge.fields()) {
            for (String change : changed) {
                if (FieldPath.overlaps(read, change)) {
                    matched.add(read);
                    break;
                }
            }
        }
        return matched.isEmpty() ? null : matched;
    }

    private static ImpactedAsset describe(
            DependencyGraphView view, String root, String name, Hit hit, Map<String, Hit> hits) {
        List<String> path = new ArrayList<>(hit.depth + 1);
        for (String step = name; step != null; step = hits.get(step).parent) {
            path.add(step);
        }
        path.add(root);
        Collections.reverse(path);
        String reason;
        if (hit.parent == null) {
            reason = hit.wholeContract
                    ? "reads the whole contract of " + root
                    : "reads " + quoted(hit.fields) + " from " + root;
        } else {
            reason = "downstream of " + hit.firstHop + " via " + String.join(" → ", path.subList(1, path.size()));
        }
        AssetNode asset = view.require(name);
        return new ImpactedAsset(
                name, asset.kind(), asset.owner(), hit.depth, path, hit.fields, hit.parent == null, reason);
    }

    private static String quoted(List<String> fields) {
        List<String> quoted = new ArrayList<>(fields.size());
        for (String field : fields) {
            quoted.add("`" + field + "`");
        }
        return String.join(", ", quoted);
    }

    /** How an impacted asset was reached: its BFS parent (null for direct consumers) and the first hop's fields. */
    private record Hit(String parent, int depth, String firstHop, List<String> fields, boolean wholeContract) {}
}
