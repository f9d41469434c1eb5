package dev.watershed.domain.graph;

import dev.watershed.domain.contract.FieldPath;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.jgrapht.graph.DefaultGraphSpecificsStrategy;
import org.jgrapht.graph.DirectedAcyclicGraph;

/**
 * The estate's data dependencies, held in memory as a JGraphT {@link DirectedAcyclicGraph} whose vertices are asset
 * names and whose edges point the way data flows (producer → consumer).
 *
 * <p><b>Queries</b> walk only what they return: each costs time proportional to the assets and dependencies in its
 * answer (plus the edges leaving them that it has to look at), never to the size of the estate. {@link #estate}
 * uses owner and kind indexes for the same reason. A query naming an asset the graph does not hold throws
 * {@link AssetNotInGraphException}; removals of absent things return {@code false}/empty instead, so they can be
 * repeated safely.
 *
 * <p><b>Threads</b>: a {@link ReentrantReadWriteLock}. Many readers run at once; a writer waits for them and blocks
 * new ones while it changes the graph. Copy-on-write was considered and rejected: one dependency added to an estate
 * of 300k edges would copy the whole graph (about a second and twice the heap), whereas reads here are short, so
 * writers wait briefly. Everything returned is an immutable snapshot that stays valid after the lock is released.
 *
 * <p><b>Bulk loading</b> ({@link #of}) checks acyclicity once with Kahn's algorithm over int arrays, then inserts the
 * vertices in that topological order, so that JGraphT's incremental cycle check finds every edge already in order
 * and never has to reorder or search.
 */
public final class DependencyGraph {

    private static final String KEY_SEPARATOR = "\u0000";

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final DirectedAcyclicGraph<String, DependencyEdge> dag;
    private final Map<String, AssetNode> nodes = new HashMap<>();
    private final NavigableSet<String> names = new TreeSet<>();
    private final Map<String, NavigableSet<String>> byOwner = new HashMap<>();
    private final Map<String, NavigableSet<String>> byKind = new HashMap<>();
    private final Map<String, NavigableSet<String>> byOwnerAndKind = new HashMap<>();

    /** An empty graph. */
    public DependencyGraph() {
        // The default strategy finds an edge by scanning its source's outgoing edges; that keeps a pair index of
        // 300k entries off the heap, and out-degrees are small enough for the scan to be cheap.
        Supplier<String> noVertexSupplier = null;
        Supplier<DependencyEdge> noEdgeSupplier = null;
        this.dag = new DirectedAcyclicGraph<>(noVertexSupplier, noEdgeSupplier, false, false,
                new DefaultGraphSpecificsStrategy<>());
    }

    /**
     * Builds a graph from lists in one pass. A later node with the same name replaces an earlier one; a later
     * dependency between the same pair replaces an earlier one.
     *
     * @throws AssetNotInGraphException  when a dependency names an asset not among {@code assets}
     * @throws DependencyCycleException  when the dependencies contain a cycle (one cycle is named)
     */
    public static DependencyGraph of(Collection<AssetNode> assets, Collection<DependencyEdge> dependencies) {
        DependencyGraph graph = new DependencyGraph();
        Map<String, Integer> ids = new HashMap<>(assets.size() * 2);
        List<AssetNode> byId = new ArrayList<>(assets.size());
        for (AssetNode asset : assets) {
            Integer id = ids.putIfAbsent(asset.name(), byId.size());
            if (id == null) {
                byId.add(asset);
            } else {
                byId.set(id, asset);
            }
        }
        int n = byId.size();
        int m = dependencies.size();
        int[] sources = new int[m];
        int[] targets = new int[m];
        int[] inDegree = new int[n];
        int[] outStart = new int[n + 1];
        int e = 0;
        for (DependencyEdge dependency : dependencies) {
            sources[e] = idOf(ids, dependency.producer(), dependency);
            targets[e] = idOf(ids, dependency.consumer(), dependency);
            if (sources[e] == targets[e]) {
                throw new DependencyCycleException(dependency.producer(), dependency.consumer(),
                        List.of(dependency.producer(), dependency.producer()));
            }
            outStart[sources[e] + 1]++;
            inDegree[targets[e]]++;
            e++;
        }
        for (int i = 0; i < n; i++) {
            outStart[i + 1] += outStart[i];
        }
        int[] outTargets = new int[m];
        int[] fill = Arrays.copyOf(outStart, n);
        for (int i = 0; i < m; i++) {
            outTargets[fill[sources[i]]++] = targets[i];
        }
        int[] order = topologicalOrder(n, outStart, outTargets, inDegree.clone());
        if (order == null) {
            List<String> cycle = findCycle(byId, sources, targets, inDegree, outStart, outTargets);
            throw new DependencyCycleException(cycle);
        }
        for (int id : order) {
            AssetNode asset = byId.get(id);
            graph.dag.addVertex(asset.name());
            graph.index(asset);
        }
        for (DependencyEdge dependency : dependencies) {
            graph.addOrReplace(dependency);
        }
        return graph;
    }

    private static int idOf(Map<String, Integer> ids, String name, DependencyEdge dependency) {
        Integer id = ids.get(name);
        if (id == null) {
            throw new AssetNotInGraphException(name, "the dependency " + dependency.producer() + " → "
                    + dependency.consumer() + " names '" + name + "', which is not among the assets loaded");
        }
        return id;
    }

    /** Kahn's algorithm; null when some vertices never reach in-degree zero, i.e. there is a cycle. */
    private static int[] topologicalOrder(int n, int[] outStart, int[] outTargets, int[] inDegree) {
        int[] order = new int[n];
        int head = 0;
        int tail = 0;
        for (int v = 0; v < n; v++) {
            if (inDegree[v] == 0) {
                order[tail++] = v;
            }
        }
        while (head < tail) {
            int v = order[head++];
            for (int i = outStart[v]; i < outStart[v + 1]; i++) {
                if (--inDegree[outTargets[i]] == 0) {
                    order[tail++] = outTargets[i];
                }
            }
        }
        return tail == n ? order : null;
    }

    /**
     * Names one cycle. Runs Kahn again to find the vertices left with producers of their own; each of those has a
     * producer that is also left, so walking producers must come back to a vertex already seen.
     */
    private static List<String> findCycle(List<AssetNode> byId, int[] sources, int[] targets, int[] inDegree,
                                          int[] outStart, int[] outTargets) {
        int n = byId.size();
        int[] remaining = inDegree.clone();
        topologicalOrder(n, outStart, outTargets, remaining);
        int[] producerOf = new int[n];
        Arrays.fill(producerOf, -1);
        for (int i = 0; i < sources.length; i++) {
            if (remaining[sources[i]] > 0 && remaining[targets[i]] > 0) {
                producerOf[targets[i]] = sources[i];
            }
        }
        int start = 0;
        while (remaining[start] == 0) {
            start++;
        }
        Map<Integer, Integer> seenAt = new HashMap<>();
        List<Integer> walk = new ArrayList<>();
        int v = start;
        while (!seenAt.containsKey(v)) {
            seenAt.put(v, walk.size());
            walk.add(v);
            v = producerOf[v];
        }
        List<Integer> loop = new ArrayList<>(walk.subList(seenAt.get(v), walk.size()));
        Collections.reverse(loop);
        // Start at the smallest name so the same cycle is always reported the same way.
        int smallest = 0;
        for (int i = 1; i < loop.size(); i++) {
            if (byId.get(loop.get(i)).name().compareTo(byId.get(loop.get(smallest)).name()) < 0) {
                smallest = i;
            }
        }
        Collections.rotate(loop, -smallest);
        List<String> cycle = new ArrayList<>();
        for (int id : loop) {
            cycle.add(byId.get(id).name());
        }
        cycle.add(cycle.get(0));
        return cycle;
    }

    // ---------------------------------------------------------------------------------------------- writes

    /**
     * Adds an asset or replaces the one with the same name, keeping its dependencies.
     *
     * @return whether the asset is new
     */
    public boolean upsertNode(AssetNode asset) {
        Objects.requireNonNull(asset, "asset");
        lock.writeLock().lock();
        try {
            AssetNode previous = nodes.get(asset.name());
            if (previous != null) {
                unindex(previous);
            } else {
                dag.addVertex(asset.name());
            }
            index(asset);
            return previous == null;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Removes an asset and every dependency to or from it.
     *
     * @return whether it was there
     */
    public boolean removeNode(String name) {
        lock.writeLock().lock();
        try {
            AssetNode previous = nodes.get(name);
            if (previous == null) {
                return false;
            }
            unindex(previous);
            dag.removeVertex(name);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Adds a dependency, replacing the one between the same producer and consumer if there is one.
     *
     * @return the dependency replaced, if any
     * @throws AssetNotInGraphException when the producer or consumer is not in the graph
     * @throws DependencyCycleException when the consumer already feeds the producer; the graph is left unchanged
     */
    public Optional<DependencyEdge> putDependency(DependencyEdge dependency) {
        Objects.requireNonNull(dependency, "dependency");
        lock.writeLock().lock();
        try {
            requireForEdge(dependency.producer(), dependency);
            requireForEdge(dependency.consumer(), dependency);
            if (dependency.producer().equals(dependency.consumer())) {
                throw new DependencyCycleException(dependency.producer(), dependency.consumer(),
                        List.of(dependency.producer(), dependency.producer()));
            }
            return addOrReplace(dependency);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * The cycle that adding a dependency of {@code consumer} on {@code producer} would close, without changing the
     * graph: lets a caller refuse a write before it commits it anywhere.
     *
     * @return the asset names around the cycle in data-flow order, producer first and last (e.g. {@code [a, b, a]}
     *         when {@code a} already feeds {@code b} and {@code a} would now read {@code b}); {@code [a, a]} for a
     *         self-dependency; empty when the dependency is safe, including when it already exists
     * @throws AssetNotInGraphException when the producer or consumer is not in the graph
     */
    public Optional<List<String>> cycleIfAdded(String producer, String consumer) {
        DependencyEdge probe = DependencyEdge.of(producer, consumer);
        lock.readLock().lock();
        try {
            requireForEdge(producer, probe);
            requireForEdge(consumer, probe);
            if (producer.equals(consumer)) {
                return Optional.of(List.of(producer, producer));
            }
            if (dag.getEdge(producer, consumer) != null) {
                return Optional.empty();
            }
            List<String> path = pathDownstream(consumer, producer);
            if (!path.get(0).equals(consumer)) {
                return Optional.empty();
            }
            List<String> cycle = new ArrayList<>(path.size() + 1);
            cycle.add(producer);
            cycle.addAll(path);
            return Optional.of(List.copyOf(cycle));
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Removes the dependency of {@code consumer} on {@code producer}.
     *
     * @return the dependency removed; empty when there was none (or either asset is unknown)
     */
    public Optional<DependencyEdge> removeDependency(String producer, String consumer) {
        lock.writeLock().lock();
        try {
            if (!nodes.containsKey(producer) || !nodes.containsKey(consumer)) {
                return Optional.empty();
            }
            return Optional.ofNullable(dag.removeEdge(producer, consumer));
        } finally {
            lock.writeLock().unlock();
        }
    }

    private Optional<DependencyEdge> addOrReplace(DependencyEdge dependency) {
        DependencyEdge previous = dag.getEdge(dependency.producer(), dependency.consumer());
        if (previous != null) {
            // Same pair, same direction: swapping the edge cannot create a cycle.
            dag.removeEdge(previous);
            dag.addEdge(dependency.producer(), dependency.consumer(), dependency);
            return Optional.of(previous);
        }
        try {
            dag.addEdge(dependency.producer(), dependency.consumer(), dependency);
        } catch (IllegalArgumentException refused) {
            // JGraphT refuses before changing anything; find the path it saw to name the cycle.
            List<String> cycle = new ArrayList<>(pathDownstream(dependency.consumer(), dependency.producer()));
            cycle.add(0, dependency.producer());
            throw new DependencyCycleException(dependency.producer(), dependency.consumer(), cycle);
        }
        return Optional.empty();
    }

    /** Shortest path from {@code from} to {@code to} following data flow; both ends included. */
    private List<String> pathDownstream(String from, String to) {
        Map<String, String> parent = new HashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        parent.put(from, null);
        queue.add(from);
        while (!queue.isEmpty()) {
            String current = queue.poll();
            if (current.equals(to)) {
                break;
            }
            for (DependencyEdge out : dag.outgoingEdgesOf(current)) {
                if (!parent.containsKey(out.consumer())) {
                    parent.put(out.consumer(), current);
                    queue.add(out.consumer());
                }
            }
        }
        List<String> path = new ArrayList<>();
        for (String step = to; step != null; step = parent.get(step)) {
            path.add(step);
        }
        Collections.reverse(path);
        return path;
    }

    private void index(AssetNode asset) {
        nodes.put(asset.name(), asset);
        names.add(asset.name());
        byKind.computeIfAbsent(asset.kind(), k -> new TreeSet<>()).add(asset.name());
        if (asset.owner() != null) {
            byOwner.computeIfAbsent(asset.owner(), k -> new TreeSet<>()).add(asset.name());
            byOwnerAndKind.computeIfAbsent(ownerKindKey(asset.owner(), asset.kind()), k -> new TreeSet<>())
                    .add(asset.name());
        }
    }

    private void unindex(AssetNode asset) {
        nodes.remove(asset.name());
        names.remove(asset.name());
        removeFromIndex(byKind, asset.kind(), asset.name());
        if (asset.owner() != null) {
            removeFromIndex(byOwner, asset.owner(), asset.name());
            removeFromIndex(byOwnerAndKind, ownerKindKey(asset.owner(), asset.kind()), asset.name());
        }
    }

    private static void removeFromIndex(Map<String, NavigableSet<String>> index, String key, String name) {
        NavigableSet<String> members = index.get(key);
        if (members != null && members.remove(name) && members.isEmpty()) {
            index.remove(key);
        }
    }

    private static String ownerKindKey(String owner, String kind) {
        return owner + KEY_SEPARATOR + kind;
    }

    // ---------------------------------------------------------------------------------------------- reads

    /** The asset with this name, if the graph holds it. */
    public Optional<AssetNode> node(String name) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(nodes.get(name));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The dependency of {@code consumer} on {@code producer}, if there is one. */
    public Optional<DependencyEdge> dependency(String producer, String consumer) {
        lock.readLock().lock();
        try {
            if (!nodes.containsKey(producer) || !nodes.containsKey(consumer)) {
                return Optional.empty();
            }
            return Optional.ofNullable(dag.getEdge(producer, consumer));
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Every asset, each after all the producers it reads (the DAG's topological order): one snapshot for analyses
     * that walk the whole estate without taking the lock per step.
     *
     * @return empty for an empty graph
     */
    public List<AssetNode> assetsInTopologicalOrder() {
        lock.readLock().lock();
        try {
            List<AssetNode> ordered = new ArrayList<>(nodes.size());
            dag.iterator().forEachRemaining(name -> ordered.add(nodes.get(name)));
            return List.copyOf(ordered);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Every dependency, in no particular order.
     *
     * @return empty when nothing depends on anything
     */
    public List<DependencyEdge> dependencies() {
        lock.readLock().lock();
        try {
            return List.copyOf(dag.edgeSet());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Number of assets. */
    public int nodeCount() {
        lock.readLock().lock();
        try {
            return nodes.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Number of dependencies. */
    public int edgeCount() {
        lock.readLock().lock();
        try {
            return dag.edgeSet().size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * What {@code name} reads: its dependencies on producers, sorted by producer name.
     *
     * @throws AssetNotInGraphException when the graph does not hold {@code name}
     */
    public List<DependencyEdge> directDependencies(String name) {
        lock.readLock().lock();
        try {
            require(name);
            List<DependencyEdge> edges = new ArrayList<>(dag.incomingEdgesOf(name));
            edges.sort(Comparator.comparing(DependencyEdge::producer));
            return List.copyOf(edges);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Who reads {@code name}: the dependencies of its consumers on it, sorted by consumer name.
     *
     * @throws AssetNotInGraphException when the graph does not hold {@code name}
     */
    public List<DependencyEdge> directConsumers(String name) {
        lock.readLock().lock();
        try {
            require(name);
            List<DependencyEdge> edges = new ArrayList<>(dag.outgoingEdgesOf(name));
            edges.sort(Comparator.comparing(DependencyEdge::consumer));
            return List.copyOf(edges);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The assets within {@code depth} hops of {@code name}, breadth first, and the dependencies followed to reach
     * them. {@code BOTH} is the union of the upstream and the downstream walk; it does not wander sideways to the
     * other consumers of a producer. Nodes come root first, then by distance; never truncated.
     *
     * @param depth 0 for the asset alone; {@link Integer#MAX_VALUE} for everything reachable
     * @throws AssetNotInGraphException when the graph does not hold {@code name}
     */
    public Subgraph lineage(String name, LineageDirection direction, int depth) {
        Objects.requireNonNull(direction, "direction");
        if (depth < 0) {
            throw new IllegalArgumentException("depth cannot be negative: " + depth);
        }
        lock.readLock().lock();
        try {
            require(name);
            Map<String, Integer> distance = new LinkedHashMap<>();
            distance.put(name, 0);
            Set<DependencyEdge> edges = new LinkedHashSet<>();
            if (direction != LineageDirection.UPSTREAM) {
                walk(name, depth, true, distance, edges);
            }
            if (direction != LineageDirection.DOWNSTREAM) {
                walk(name, depth, false, distance, edges);
            }
            List<String> ordered = new ArrayList<>(distance.keySet());
            ordered.sort(Comparator.comparing(distance::get));
            List<AssetNode> found = new ArrayList<>(ordered.size());
            for (String asset : ordered) {
                found.add(nodes.get(asset));
            }
            return new Subgraph(found, new ArrayList<>(edges), false);
        } finally {
            lock.readLock().unlock();
        }
    }

    private void walk(String root, int depth, boolean downstream, Map<String, Integer> distance,
                      Set<DependencyEdge> edges) {
        Map<String, Integer> seen = new HashMap<>();
        seen.put(root, 0);
        ArrayDeque<String> queue = new ArrayDeque<>();
        queue.add(root);
        while (!queue.isEmpty()) {
            String current = queue.poll();
            int d = seen.get(current);
            if (d >= depth) {
                continue;
            }
            for (DependencyEdge edge : downstream ? dag.outgoingEdgesOf(current) : dag.incomingEdgesOf(current)) {
                edges.add(edge);
                String next = downstream ? edge.consumer() : edge.producer();
                if (!seen.containsKey(next)) {
                    seen.put(next, d + 1);
                    distance.merge(next, d + 1, Math::min);
                    queue.add(next);
                }
            }
        }
    }

    /**
     * A page of the estate: assets filtered by owner and kind (either may be {@code null} for any), sorted by name,
     * at most {@code limit} of them, and the dependencies among them.
     *
     * @param limit at least 1
     */
    public Subgraph estate(String ownerFilter, String kindFilter, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        lock.readLock().lock();
        try {
            NavigableSet<String> candidates;
            if (ownerFilter != null && kindFilter != null) {
                candidates = byOwnerAndKind.get(ownerKindKey(ownerFilter, kindFilter));
            } else if (ownerFilter != null) {
                candidates = byOwner.get(ownerFilter);
            } else if (kindFilter != null) {
                candidates = byKind.get(kindFilter);
            } else {
                candidates = names;
            }
            if (candidates == null) {
                return new Subgraph(List.of(), List.of(), false);
            }
            List<AssetNode> page = new ArrayList<>(Math.min(limit, candidates.size()));
            Set<String> selected = new HashSet<>();
            for (String asset : candidates) {
                if (page.size() == limit) {
                    break;
                }
                page.add(nodes.get(asset));
                selected.add(asset);
            }
            List<DependencyEdge> edges = new ArrayList<>();
            for (AssetNode asset : page) {
                for (DependencyEdge edge : dag.outgoingEdgesOf(asset.name())) {
                    if (selected.contains(edge.consumer())) {
                        edges.add(edge);
                    }
                }
            }
            return new Subgraph(page, edges, candidates.size() > limit);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Who is affected if {@code fields} of {@code name}'s contract change. A direct consumer is affected when it
     * reads the whole contract or a field that overlaps a changed one ({@link FieldPath#overlaps}: reading
     * {@code /customer} is hit by a change at {@code /customer/email} and the other way round). Everything
     * downstream of an affected consumer is affected through it, whatever it reads. A consumer reading none of the
     * changed fields is not affected, nor is what lies beyond it unless reached another way.
     *
     * @param fields changed fields as pointers or dotted paths; empty means the whole contract changed
     * @return the affected assets, each once with its shortest path, ordered by depth then name
     * @throws AssetNotInGraphException when the graph does not hold {@code name}
     */
    public List<ImpactedAsset> impact(String name, Collection<String> fields) {
        List<String> changed = new ArrayList<>();
        for (String field : fields) {
            changed.add(FieldPath.normalize(field));
        }
        lock.readLock().lock();
        try {
            require(name);
            Map<String, Hit> hits = new LinkedHashMap<>();
            ArrayDeque<String> queue = new ArrayDeque<>();
            List<DependencyEdge> direct = new ArrayList<>(dag.outgoingEdgesOf(name));
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
                for (DependencyEdge edge : dag.outgoingEdgesOf(current)) {
                    if (!hits.containsKey(edge.consumer())) {
                        hits.put(edge.consumer(), new Hit(current, hit.depth + 1, hit.firstHop, hit.fields, false));
                        queue.add(edge.consumer());
                    }
                }
            }
            List<ImpactedAsset> impacted = new ArrayList<>(hits.size());
            for (Map.Entry<String, Hit> entry : hits.entrySet()) {
                impacted.add(describe(name, entry.getKey(), entry.getValue(), hits, changed));
            }
            impacted.sort(Comparator.comparingInt(ImpactedAsset::depth).thenComparing(ImpactedAsset::name));
            return impacted;
        } finally {
            lock.readLock().unlock();
        }
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

    private ImpactedAsset describe(String root, String name, Hit hit, Map<String, Hit> hits, List<String> changed) {
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
        AssetNode asset = nodes.get(name);
        return new ImpactedAsset(name, asset.kind(), asset.owner(), hit.depth, path, hit.fields, hit.parent == null,
                reason);
    }

    private static String quoted(List<String> fields) {
        List<String> quoted = new ArrayList<>(fields.size());
        for (String field : fields) {
            quoted.add("`" + field + "`");
        }
        return String.join(", ", quoted);
    }

    /**
     * The assets downstream of {@code name}, excluding {@code name} itself, in an order safe for rebuilding or
     * retraining: every asset comes after all of its producers that are also being rebuilt. Ties are broken by
     * name so the order is stable.
     *
     * @return empty when nothing reads {@code name}
     * @throws AssetNotInGraphException when the graph does not hold {@code name}
     */
    public List<AssetNode> rebuildOrder(String name) {
        lock.readLock().lock();
        try {
            require(name);
            Set<String> downstream = new HashSet<>();
            ArrayDeque<String> queue = new ArrayDeque<>();
            queue.add(name);
            while (!queue.isEmpty()) {
                for (DependencyEdge edge : dag.outgoingEdgesOf(queue.poll())) {
                    if (downstream.add(edge.consumer())) {
                        queue.add(edge.consumer());
                    }
                }
            }
            Map<String, Integer> waitingOn = new HashMap<>();
            for (String asset : downstream) {
                int producersToRebuild = 0;
                for (DependencyEdge edge : dag.incomingEdgesOf(asset)) {
                    if (downstream.contains(edge.producer())) {
                        producersToRebuild++;
                    }
                }
                waitingOn.put(asset, producersToRebuild);
            }
            PriorityQueue<String> ready = new PriorityQueue<>();
            waitingOn.forEach((asset, count) -> {
                if (count == 0) {
                    ready.add(asset);
                }
            });
            List<AssetNode> order = new ArrayList<>(downstream.size());
            while (!ready.isEmpty()) {
                String asset = ready.poll();
                order.add(nodes.get(asset));
                for (DependencyEdge edge : dag.outgoingEdgesOf(asset)) {
                    if (waitingOn.merge(edge.consumer(), -1, Integer::sum) == 0) {
                        ready.add(edge.consumer());
                    }
                }
            }
            return List.copyOf(order);
        } finally {
            lock.readLock().unlock();
        }
    }

    private void require(String name) {
        if (name == null || !nodes.containsKey(name)) {
            throw new AssetNotInGraphException(name, "'" + name + "' is not in the dependency graph; register the "
                    + "asset first or check the name");
        }
    }

    private void requireForEdge(String name, DependencyEdge dependency) {
        if (!nodes.containsKey(name)) {
            throw new AssetNotInGraphException(name, "the dependency " + dependency.producer() + " → "
                    + dependency.consumer() + " names '" + name + "', which is not in the dependency graph; "
                    + "register the asset first");
        }
    }

    /** How an impacted asset was reached: its BFS parent (null for direct consumers) and the first hop's fields. */
    private record Hit(String parent, int depth, String firstHop, List<String> fields, boolean wholeContract) {
    }
}
