package dev.watershed.application.plan;

import dev.watershed.application.dependency.Dependency;
import dev.watershed.application.dependency.DependencyService;
import dev.watershed.domain.WatershedException;
import dev.watershed.domain.graph.DependencyCycleException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds the dependencies of a plan that would close a cycle once the whole plan is applied. The registry's graph
 * learns a transaction's changes only when it commits, so the plan checks its own edges together with the
 * registry's edges among the assets the plan does not declare.
 */
final class PlanCycles {

    private PlanCycles() {}

    /**
     * @param registryConsumers the consumers the registry records for an asset; empty for one it does not know
     * @return by pointer ({@code /assets/i/dependsOn/d}), the refusal of each declared dependency that closes a
     *     cycle
     */
    static Map<String, PlanError> of(EstatePlan plan, Function<String, List<String>> registryConsumers) {
        Set<String> declared = new HashSet<>();
        Map<String, List<String>> planConsumers = new HashMap<>();
        for (EstatePlan.AssetSpec spec : plan.assets()) {
            declared.add(spec.asset().name());
            for (EstatePlan.DependencySpec dependency : spec.dependsOn()) {
                planConsumers
                        .computeIfAbsent(dependency.producer(), key -> new ArrayList<>())
                        .add(spec.asset().name());
            }
        }
        Function<String, List<String>> consumers = name -> {
            List<String> all = new ArrayList<>(planConsumers.getOrDefault(name, List.of()));
            registryConsumers.apply(name).stream()
                    .filter(consumer -> !declared.contains(consumer))
                    .forEach(all::add);
            return all;
        };
        Map<String, PlanError> refusals = new HashMap<>();
        for (int i = 0; i < plan.assets().size(); i++) {
            String consumer = plan.assets().get(i).asset().name();
            List<EstatePlan.DependencySpec> dependsOn = plan.assets().get(i).dependsOn();
            for (int d = 0; d < dependsOn.size(); d++) {
                String producer = dependsOn.get(d).producer();
                List<String> back = path(consumer, producer, consumers);
                if (back != null) {
                    List<String> cycle = new ArrayList<>();
                    cycle.add(producer);
                    cycle.addAll(back);
                    DependencyCycleException refusal = new DependencyCycleException(producer, consumer, cycle);
                    String pointer = "/assets/" + i + "/dependsOn/" + d;
                    refusals.put(pointer, new PlanError(consumer, refusal.code(), refusal.detail(), pointer));
                }
            }
        }
        return refusals;
    }

    /** The shortest path from {@code from} down to {@code to}, both included; null when there is none. */
    private static List<String> path(String from, String to, Function<String, List<String>> consumers) {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(from));
        cameFrom.put(from, null);
        while (!queue.isEmpty()) {
            String node = queue.poll();
            if (node.equals(to)) {
                List<String> path = new ArrayList<>();
                for (String at = to; at != null; at = cameFrom.get(at)) {
                    path.add(0, at);
                }
                return path;
            }
            for (String next : consumers.apply(node)) {
                if (!cameFrom.containsKey(next)) {
                    cameFrom.put(next, node);
                    queue.add(next);
                }
            }
        }
        return null;
    }

    /** The consumers the registry records for {@code name}; none for an asset it does not know yet. */
    static List<String> registryConsumers(DependencyService dependencies, String name) {
        try {
            return dependencies.consumersOf(name).stream()
                    .map(Dependency::consumer)
                    .toList();
        } catch (WatershedException e) {
            return List.of(); // not registered yet
        }
    }
}
