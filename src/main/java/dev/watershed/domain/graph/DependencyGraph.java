package dev.watershed.domain.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DefaultGraphSpecificsStrategy;
import org.jgrapht.graph.DirectedAcyclicGraph;

/**
 * The estate's data dependencies, held in memory as a JGraphT {@link DirectedAcyclicGraph} whose vertices are asset
 * names and whose edges point the way data flows (producer → consumer), with the assets themselves and indexes of
 * them by owner and kind. This class stores and guards the graph; the questions asked of it are answered by one
 * class per problem, each given the graph in its constructor: {@link FieldImpactAnalysis}, {@link LineageTraversal},
 * {@link RebuildOrder}, {@link DependencyCycleCheck}. Analyses of the whole estate take a {@link #snapshot()}.
 *
 * <p><b>Queries</b> walk only what they return: each costs time proportional to the assets and dependencies in its
 * answer (plus the edges leaving them that it has to look at), never to the size of the estate. {@link #estate}
 * uses the owner and kind indexes for the same reason. A query naming an asset the graph does not hold throws
 * {@link AssetNotInGraphException}; removals of absent things return {@code false}/empty instead, so they can be
 * repeated safely.
 *
 * <p><b>Threads</b>: a {@link ReentrantReadWriteLock}. Many readers run at once; a writer waits for them and blocks
 * new ones while it changes the graph. Copy-on-write was considered and rejected: one dependency added to an estate
 * of 300k edges would copy the whole graph (about a second and twice the heap), whereas reads here are short, so
 * writers wait briefly. An algorithm reads through {@link #read}, which holds the read lock for the whole query;
 * everything returned is an immutable copy that stays valid after the lock is released.
 *
 * <p><b>Bulk loading</b> ({@link #of}) checks acyclicity once ({@link KahnTopologicalSort}), then inserts the
 * vertices in that topological order, so that JGraphT's incremental cycle check finds every edge already in order
 * and never has to reorder or search.
 */
public final class DependencyGraph implements ReadableDependencyGraph {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final DirectedAcyclicGraph<String, DependencyEdge> dag;
    private final AssetIndex nodes = new AssetIndex();
    private final LiveView view;

    /** An empty graph. */
    public DependencyGraph() {
        // The default strategy finds an edge by scanning its source's outgoing edges; that keeps a pair index of
        // 300k entries off the heap, and out-degrees are small enough for the scan to be cheap.
        Supplier<String> noVertexSupplier = null;
        Supplier<DependencyEdge> noEdgeSupplier = null;
        this.dag = new DirectedAcyclicGraph<>(
                noVertexSupplier, noEdgeSupplier, false, false, new DefaultGraphSpecificsStrategy<>());
        this.view = new LiveView(dag, nodes.byName());
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
        for (AssetNode asset : KahnTopologicalSort.sort(assets, dependencies)) {
            graph.dag.addVertex(asset.name());
            graph.nodes.put(asset);
        }
        for (DependencyEdge dependency : dependencies) {
            graph.addOrReplace(dependency);
        }
        return graph;
    }

    /**
     * Runs {@code query} under the read lock, against a view of the graph that is valid until it returns.
     *
     * @return what {@code query} returns
     */
    @Override
    public <T> T read(Function<? super DependencyGraphView, ? extends T> query) {
        lock.readLock().lock();
        try {
            return query.apply(view);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * An immutable copy of the whole graph, taken under the read lock in time proportional to its size.
     *
     * @return an empty snapshot for an empty graph
     */
    public GraphSnapshot snapshot() {
        lock.readLock().lock();
        try {
            List<AssetNode> ordered = new ArrayList<>(nodes.size());
            // The DAG iterates in the topological order it maintains: no sort needed.
            dag.iterator().forEachRemaining(name -> ordered.add(nodes.get(name)));
            return new GraphSnapshot(ordered, dag::incomingEdgesOf, dag::outgoingEdgesOf);
        } finally {
            lock.readLock().unlock();
        }
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
            AssetNode previous = nodes.put(asset);
            if (previous == null) {
                dag.addVertex(asset.name());
            }
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
            if (nodes.remove(name) == null) {
                return false;
            }
            dag.removeVertex(name);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Adds a dependency, replacing the one between the same producer and consumer if there is one.
     *
     * @return the dependency replaced, if any; empty when it is new
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
                throw new DependencyCycleException(
                        dependency.producer(),
                        dependency.consumer(),
                        List.of(dependency.producer(), dependency.producer()));
            }
            return addOrReplace(dependency);
        } finally {
            lock.writeLock().unlock();
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
            if (!nodes.contains(producer) || !nodes.contains(consumer)) {
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
            List<String> cycle = DependencyCycleCheck.cycleIfAdded(view, dependency.producer(), dependency.consumer())
                    .orElseThrow(() -> refused);
            throw new DependencyCycleException(dependency.producer(), dependency.consumer(), cycle);
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------------------------------------- reads

    /**
     * The asset with this name.
     *
     * @return empty when the graph does not hold it
     */
    public Optional<AssetNode> node(String name) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(nodes.get(name));
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The dependency of {@code consumer} on {@code producer}.
     *
     * @return empty when there is none, or either asset is not in the graph
     */
    public Optional<DependencyEdge> dependency(String producer, String consumer) {
        lock.readLock().lock();
        try {
            if (!nodes.contains(producer) || !nodes.contains(consumer)) {
                return Optional.empty();
            }
            return Optional.ofNullable(dag.getEdge(producer, consumer));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Number of assets; 0 for an empty graph. */
    public int nodeCount() {
        lock.readLock().lock();
        try {
            return nodes.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Number of dependencies; 0 when nothing depends on anything. */
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
     * @return empty when it reads nothing
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
     * @return empty when nothing reads it
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
     * A page of the estate: assets filtered by owner and kind (either may be {@code null} for any), sorted by name,
     * at most {@code limit} of them, and the dependencies among them.
     *
     * @param limit at least 1
     * @return an empty page when no asset matches
     */
    public Subgraph estate(String ownerFilter, String kindFilter, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        lock.readLock().lock();
        try {
            NavigableSet<String> candidates = nodes.matching(ownerFilter, kindFilter);
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

    private void require(String name) {
        if (name == null || !nodes.contains(name)) {
            throw AssetNotInGraphException.queried(name);
        }
    }

    private void requireForEdge(String name, DependencyEdge dependency) {
        if (!nodes.contains(name)) {
            throw AssetNotInGraphException.named(name, dependency.producer(), dependency.consumer());
        }
    }

    /**
     * The graph as the algorithms read it, while the lock is held: JGraphT's read-only view of the DAG, with the
     * assets beside it, and edge ends taken from the edge (see {@link DependencyGraphView}).
     */
    private static final class LiveView extends AsUnmodifiableGraph<String, DependencyEdge>
            implements DependencyGraphView {

        private final transient Map<String, AssetNode> nodes;

        LiveView(DirectedAcyclicGraph<String, DependencyEdge> dag, Map<String, AssetNode> nodes) {
            super(dag);
            this.nodes = nodes;
        }

        @Override
        public Optional<AssetNode> asset(String name) {
            return Optional.ofNullable(nodes.get(name));
        }

        @Override
        public String getEdgeSource(DependencyEdge edge) {
            return edge.producer();
        }

        @Override
        public String getEdgeTarget(DependencyEdge edge) {
            return edge.consumer();
        }
    }
}
