package dev.watershed.domain.health;

import dev.watershed.domain.graph.AssetNode;
import dev.watershed.domain.graph.Benefit;
import dev.watershed.domain.graph.Cost;
import dev.watershed.domain.graph.DependencyEdge;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Ranks producers by benefit per cost over the dependencies that declare them.
 *
 * <p>Amounts are only ever added within one cost unit and values within one benefit metric: a producer whose
 * readers declare costs in two units, or benefits in two metrics, gets one row per (unit, metric) pair, each summed
 * over the dependencies that declare that unit or that metric. A producer with cost but no benefit in any metric
 * gets a row per unit with no ratio, marked a removal candidate. Benefits without any cost (or with a total cost of
 * zero) have no ratio and are listed apart as unpriced.
 */
public final class CostBenefitAnalysis {

    private final double minRatio;

    /** @param minRatio benefit per unit of cost below which a row is a removal candidate */
    public CostBenefitAnalysis(double minRatio) {
        this.minRatio = minRatio;
    }

    /** One producer's cost and benefit in one unit and metric. */
    public record Row(
            String producer,
            String kind,
            String owner,
            Cost cost,
            Benefit benefit,
            Double ratio,
            List<String> consumers,
            boolean removalCandidate,
            String reason) {}

    /**
     * @param ranked   rows with a cost, best ratio first, those without a benefit last
     * @param unpriced benefits declared without a cost, by producer
     */
    public record Report(List<Row> ranked, List<Row> unpriced) {}

    /**
     * @param unit only costs in this unit; {@code null} for all
     * @return empty lists when no dependency declares a cost or a benefit
     */
    public Report analyse(Collection<AssetNode> assets, Collection<DependencyEdge> dependencies, String unit) {
        Map<String, AssetNode> byName = new TreeMap<>();
        assets.forEach(asset -> byName.put(asset.name(), asset));
        Map<String, List<DependencyEdge>> byProducer = new TreeMap<>();
        for (DependencyEdge edge : dependencies) {
            if (edge.terms().cost() != null || edge.terms().benefit() != null) {
                byProducer
                        .computeIfAbsent(edge.producer(), k -> new ArrayList<>())
                        .add(edge);
            }
        }
        List<Row> ranked = new ArrayList<>();
        List<Row> unpriced = new ArrayList<>();
        byProducer.forEach((producer, edges) -> {
            AssetNode node = byName.get(producer);
            String kind = node == null ? null : node.kind();
            String owner = node == null ? null : node.owner();
            Map<String, List<DependencyEdge>> costs = group(
                    edges,
                    edge -> edge.terms().cost() == null
                            ? null
                            : edge.terms().cost().unit());
            Map<String, List<DependencyEdge>> benefits = group(
                    edges,
                    edge -> edge.terms().benefit() == null
                            ? null
                            : edge.terms().benefit().metric());
            for (Map.Entry<String, List<DependencyEdge>> costGroup : costs.entrySet()) {
                if (unit != null && !unit.equals(costGroup.getKey())) {
                    continue;
                }
                double amount = costGroup.getValue().stream()
                        .mapToDouble(e -> e.terms().cost().amount())
                        .sum();
                Cost cost = new Cost(amount, costGroup.getKey());
                if (benefits.isEmpty()) {
                    ranked.add(new Row(
                            producer,
                            kind,
                            owner,
                            cost,
                            null,
                            null,
                            consumers(costGroup.getValue()),
                            true,
                            "costs " + number(amount) + " " + cost.unit() + " and no consumer declares a benefit"));
                }
                for (Map.Entry<String, List<DependencyEdge>> benefitGroup : benefits.entrySet()) {
                    double value = benefitGroup.getValue().stream()
                            .mapToDouble(e -> e.terms().benefit().value())
                            .sum();
                    Benefit benefit = new Benefit(value, benefitGroup.getKey());
                    List<DependencyEdge> both = new ArrayList<>(costGroup.getValue());
                    both.addAll(benefitGroup.getValue());
                    if (amount == 0) {
                        unpriced.add(new Row(producer, kind, owner, cost, benefit, null, consumers(both), false, null));
                        continue;
                    }
                    double ratio = value / amount;
                    boolean candidate = ratio < minRatio;
                    ranked.add(new Row(
                            producer,
                            kind,
                            owner,
                            cost,
                            benefit,
                            ratio,
                            consumers(both),
                            candidate,
                            candidate
                                    ? "benefit per cost " + number(ratio) + " (" + number(value) + " "
                                            + benefit.metric() + " for " + number(amount) + " " + cost.unit()
                                            + ") is below the minimum " + number(minRatio)
                                    : null));
                }
            }
            if (costs.isEmpty() && unit == null) {
                benefits.forEach((metric, group) -> unpriced.add(new Row(
                        producer,
                        kind,
                        owner,
                        null,
                        new Benefit(
                                group.stream()
                                        .mapToDouble(e -> e.terms().benefit().value())
                                        .sum(),
                                metric),
                        null,
                        consumers(group),
                        false,
                        null)));
            }
        });
        ranked.sort(Comparator.comparing((Row row) -> row.ratio() == null)
                .thenComparing(row -> row.ratio() == null ? 0 : -row.ratio())
                .thenComparing(Row::producer));
        return new Report(List.copyOf(ranked), List.copyOf(unpriced));
    }

    private static Map<String, List<DependencyEdge>> group(
            List<DependencyEdge> edges, Function<DependencyEdge, String> key) {
        Map<String, List<DependencyEdge>> groups = new TreeMap<>();
        for (DependencyEdge edge : edges) {
            String value = key.apply(edge);
            if (value != null) {
                groups.computeIfAbsent(value, k -> new ArrayList<>()).add(edge);
            }
        }
        return groups;
    }

    private static List<String> consumers(List<DependencyEdge> edges) {
        TreeSet<String> names = new TreeSet<>();
        edges.forEach(edge -> names.add(edge.consumer()));
        return List.copyOf(names);
    }

    private static String number(double value) {
        // Six significant digits: sums of doubles carry noise (0.1 + 0.2) nobody should read.
        return new BigDecimal(value)
                .round(new MathContext(6))
                .stripTrailingZeros()
                .toPlainString();
    }
}
