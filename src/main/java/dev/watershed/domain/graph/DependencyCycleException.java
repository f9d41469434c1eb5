package dev.watershed.domain.graph;

import dev.watershed.domain.WatershedException;
import java.util.List;
import java.util.Map;

/** A dependency that would make data flow in a circle; the graph refuses it and stays as it was. */
public class DependencyCycleException extends WatershedException {

    private final List<String> cycle;

    /**
     * @param cycle asset names around the cycle, first and last the same, e.g. {@code [a, b, c, a]}
     */
    public DependencyCycleException(String refusedProducer, String refusedConsumer, List<String> cycle) {
        super(
                "DEPENDENCY_CYCLE",
                "a dependency " + refusedProducer + " → " + refusedConsumer + " would close the cycle "
                        + String.join(" → ", cycle)
                        + "; data cannot flow in a circle, so one of these dependencies has to go");
        this.cycle = List.copyOf(cycle);
    }

    /**
     * For a batch of dependencies that contains a cycle.
     *
     * @param cycle asset names around the cycle, first and last the same
     */
    public DependencyCycleException(List<String> cycle) {
        super(
                "DEPENDENCY_CYCLE",
                "the dependencies contain the cycle " + String.join(" → ", cycle)
                        + "; data cannot flow in a circle, so one of these dependencies has to go");
        this.cycle = List.copyOf(cycle);
    }

    /** Asset names around the cycle, the first repeated at the end. */
    public List<String> cycle() {
        return cycle;
    }

    /** The cycle, as the problem member {@code cycle}. */
    @Override
    public Map<String, Object> details() {
        return Map.of("cycle", cycle);
    }
}
