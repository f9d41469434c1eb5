package dev.watershed.domain.graph;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jgrapht.GraphType;
import org.jgrapht.graph.AbstractGraph;
import org.jgrapht.graph.DefaultGraphType;
import org.jgrapht.util.ArrayUnenforcedSet;

/**
 * An immutable copy of the dependency graph ({@link DependencyGraph#snapshot()}), for analyses that walk the whole
 * estate: they read it without taking the live graph's lock at each step, and a writer does not wait for them.
 * It is a read-only JGraphT graph, so JGraphT's traversals run on it, and a {@link ReadableDependencyGraph}, so the
 * graph algorithms here ({@link LineageTraversal}, {@link FieldImpactAnalysis}, ...) take it as they take the live
 * graph.
 *
 * <p>Each asset's incoming and outgoing edges are kept in the order they were added, as the live graph keeps them,
 * so a traversal of the snapshot breaks ties the way the same traversal of the live graph does. They are held as
 * arrays one map lookup away (no record per asset in between): the findings rules walk the upstream of every model
 * dependency, and at 100k assets each extra pointer on that path is a cache miss that showed in their time.
 */
public final class GraphSnapshot extends AbstractGraph<String, DependencyEdge>
        implements DependencyGraphView, ReadableDependencyGraph {

    private static final GraphType TYPE = DefaultGraphType.dag().asUnmodifiable();

    private final List<AssetNode> assets;
    private final Map<String, AssetNode> byName;
    private final Map<String, Edges> incoming;
    private final Map<String, Edges> outgoing;
    private final Set<String> names;
    private final int edgeCount;
    private final Set<DependencyEdge> edges = new EdgeSet();

    /**
     * Copies the graph; the caller holds whatever lock keeps it still meanwhile.
     *
     * @param topological every asset, each after the producers it reads
     * @param incoming    each asset's dependencies on producers, in the order they were added
     * @param outgoing    each asset's consumers' dependencies on it, in the order they were added
     */
    GraphSnapshot(
            List<AssetNode> topological,
            Function<String, Set<DependencyEdge>> incoming,
            Function<String, Set<DependencyEdge>> outgoing) {
        this.assets = List.copyOf(topological);
        int capacity = assets.size() * 4 / 3 + 1;
        this.byName = new HashMap<>(capacity);
        this.incoming = new HashMap<>(capacity);
        this.outgoing = new HashMap<>(capacity);
        int count = 0;
        for (AssetNode asset : assets) {
            byName.put(asset.name(), asset);
            this.incoming.put(asset.name(), Edges.of(incoming.apply(asset.name())));
            Edges out = Edges.of(outgoing.apply(asset.name()));
            this.outgoing.put(asset.name(), out);
            count += out.size();
        }
        this.names = Collections.unmodifiableSet(byName.keySet());
        this.edgeCount = count;
    }

    /**
     * Every asset, each after all the producers it reads (a topological order).
     *
     * @return empty for an empty graph
     */
    public List<AssetNode> assets() {
        return assets;
    }

    @Override
    public Optional<AssetNode> asset(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * What {@code name} reads, in the order the dependencies were added; unlike {@link #incomingEdgesOf}, lenient.
     *
     * @return empty when {@code name} reads nothing or the graph does not hold it
     */
    public Set<DependencyEdge> dependenciesOf(String name) {
        return incoming.getOrDefault(name, Edges.NONE);
    }

    /**
     * Who reads {@code name}, in the order the dependencies were added; unlike {@link #outgoingEdgesOf}, lenient.
     *
     * @return empty when nothing reads {@code name} or the graph does not hold it
     */
    public Set<DependencyEdge> consumersOf(String name) {
        return outgoing.getOrDefault(name, Edges.NONE);
    }

    /** Runs {@code query} on this snapshot; no lock is needed, nothing changes it. */
    @Override
    public <T> T read(Function<? super DependencyGraphView, ? extends T> query) {
        return query.apply(this);
    }

    // ------------------------------------------------------------------------------------ JGraphT's Graph, read

    /** @return empty when nothing depends on anything */
    @Override
    public Set<DependencyEdge> edgeSet() {
        return edges;
    }

    /** @return empty for an empty graph */
    @Override
    public Set<String> vertexSet() {
        return names;
    }

    @Override
    public boolean containsVertex(String name) {
        return byName.containsKey(name);
    }

    @Override
    public boolean containsEdge(DependencyEdge edge) {
        return consumersOf(edge.producer()).contains(edge);
    }

    /** @return {@code null} when there is no such dependency or either asset is not in the graph */
    @Override
    public DependencyEdge getEdge(String producer, String consumer) {
        for (DependencyEdge edge : consumersOf(producer)) {
            if (edge.consumer().equals(consumer)) {
                return edge;
            }
        }
        return null;
    }

    /** @return {@code null} when either asset is not in the graph; empty when there is no such dependency */
    @Override
    public Set<DependencyEdge> getAllEdges(String producer, String consumer) {
        if (!containsVertex(producer) || !containsVertex(consumer)) {
            return null;
        }
        DependencyEdge edge = getEdge(producer, consumer);
        return edge == null ? Collections.emptySet() : Collections.singleton(edge);
    }

    /**
     * @return empty when nothing reads {@code name}
     * @throws IllegalArgumentException when the graph does not hold {@code name}, as JGraphT's graphs do
     */
    @Override
    public Set<DependencyEdge> outgoingEdgesOf(String name) {
        return strict(outgoing, name);
    }

    /**
     * @return empty when {@code name} reads nothing
     * @throws IllegalArgumentException when the graph does not hold {@code name}, as JGraphT's graphs do
     */
    @Override
    public Set<DependencyEdge> incomingEdgesOf(String name) {
        return strict(incoming, name);
    }

    /** @return a new set, empty when {@code name} has no dependencies either way */
    @Override
    public Set<DependencyEdge> edgesOf(String name) {
        Set<DependencyEdge> in = incomingEdgesOf(name);
        Set<DependencyEdge> out = outgoingEdgesOf(name);
        Set<DependencyEdge> touching = new ArrayUnenforcedSet<>(in.size() + out.size());
        touching.addAll(in);
        touching.addAll(out);
        return Collections.unmodifiableSet(touching);
    }

    @Override
    public int inDegreeOf(String name) {
        return incomingEdgesOf(name).size();
    }

    @Override
    public int outDegreeOf(String name) {
        return outgoingEdgesOf(name).size();
    }

    @Override
    public int degreeOf(String name) {
        return inDegreeOf(name) + outDegreeOf(name);
    }

    @Override
    public String getEdgeSource(DependencyEdge edge) {
        return edge.producer();
    }

    @Override
    public String getEdgeTarget(DependencyEdge edge) {
        return edge.consumer();
    }

    @Override
    public double getEdgeWeight(DependencyEdge edge) {
        return DEFAULT_EDGE_WEIGHT;
    }

    @Override
    public GraphType getType() {
        return TYPE;
    }

    /** @return {@code null}: a snapshot makes no vertices */
    @Override
    public Supplier<String> getVertexSupplier() {
        return null;
    }

    /** @return {@code null}: a snapshot makes no edges */
    @Override
    public Supplier<DependencyEdge> getEdgeSupplier() {
        return null;
    }

    private static Edges strict(Map<String, Edges> side, String name) {
        Edges edges = side.get(name);
        if (edges == null) {
            throw new IllegalArgumentException("no such vertex in graph: " + name);
        }
        return edges;
    }

    // ---------------------------------------------------------------------------- JGraphT's Graph, refused

    @Override
    public DependencyEdge addEdge(String producer, String consumer) {
        throw unmodifiable();
    }

    @Override
    public boolean addEdge(String producer, String consumer, DependencyEdge edge) {
        throw unmodifiable();
    }

    @Override
    public String addVertex() {
        throw unmodifiable();
    }

    @Override
    public boolean addVertex(String name) {
        throw unmodifiable();
    }

    @Override
    public DependencyEdge removeEdge(String producer, String consumer) {
        throw unmodifiable();
    }

    @Override
    public boolean removeEdge(DependencyEdge edge) {
        throw unmodifiable();
    }

    @Override
    public boolean removeVertex(String name) {
        throw unmodifiable();
    }

    @Override
    public void setEdgeWeight(DependencyEdge edge, double weight) {
        throw unmodifiable();
    }

    private static UnsupportedOperationException unmodifiable() {
        return new UnsupportedOperationException("a graph snapshot cannot change; change the live DependencyGraph");
    }

    /** Every edge, as a view over the assets' outgoing edges: no third copy of them. */
    private final class EdgeSet extends AbstractSet<DependencyEdge> {

        @Override
        public int size() {
            return edgeCount;
        }

        @Override
        public boolean contains(Object candidate) {
            return candidate instanceof DependencyEdge edge && containsEdge(edge);
        }

        @Override
        public Iterator<DependencyEdge> iterator() {
            return assets.stream()
                    .flatMap(asset -> outgoing.get(asset.name()).stream())
                    .iterator();
        }
    }

    /** One asset's edges on one side, in the order added: an array seen as the read-only set JGraphT asks for. */
    private static final class Edges extends AbstractSet<DependencyEdge> {

        /** Most assets lack producers or consumers: one shared empty set keeps them from costing anything. */
        static final Edges NONE = new Edges(new DependencyEdge[0]);

        private final DependencyEdge[] edges;

        private Edges(DependencyEdge[] edges) {
            this.edges = edges;
        }

        static Edges of(Set<DependencyEdge> edges) {
            return edges.isEmpty() ? NONE : new Edges(edges.toArray(new DependencyEdge[0]));
        }

        @Override
        public int size() {
            return edges.length;
        }

        @Override
        public boolean contains(Object edge) {
            for (DependencyEdge candidate : edges) {
                if (candidate.equals(edge)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Iterator<DependencyEdge> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < edges.length;
                }

                @Override
                public DependencyEdge next() {
                    if (next >= edges.length) {
                        throw new NoSuchElementException();
                    }
                    return edges[next++];
                }
            };
        }

        @Override
        public String toString() {
            return Arrays.toString(edges);
        }
    }
}
