package dev.watershed.domain.graph;

import java.util.function.Function;

/**
 * What a graph algorithm is given: the live {@link DependencyGraph} or a {@link GraphSnapshot} of it. The algorithm
 * asks for one consistent {@link DependencyGraphView} per query, so a writer never changes the graph halfway
 * through a walk.
 */
public interface ReadableDependencyGraph {

    /**
     * Runs {@code query} against one consistent state of the graph and returns what it returns. The view must not
     * escape the query: results have to be copies (records, immutable lists), not views.
     */
    <T> T read(Function<? super DependencyGraphView, ? extends T> query);
}
