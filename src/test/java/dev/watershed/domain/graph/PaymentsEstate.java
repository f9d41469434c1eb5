package dev.watershed.domain.graph;

import dev.watershed.domain.contract.SemanticVersion;
import java.util.List;

/** The small estate the graph tests share, built fresh for each test. */
final class PaymentsEstate {

    private PaymentsEstate() {}

    static AssetNode asset(String name, String kind, String owner) {
        return new AssetNode(name, kind, owner, SemanticVersion.FIRST);
    }

    /**
     * payments.transactions ─(/amount,/customer)→ fraud.features → fraud.scorer → fraud.alerts
     *                       ─(/currency)→ fx.rates → fx.report
     *                       ─(whole)→ ledger.daily
     * fraud.scorer also reads risk.lists.
     */
    static DependencyGraph graph() {
        return DependencyGraph.of(
                List.of(
                        asset("payments.transactions", "SOURCE", "payments"),
                        asset("fraud.features", "FEATURE", "fraud"),
                        asset("fraud.scorer", "MODEL", "fraud"),
                        asset("fraud.alerts", "DATASET", "fraud"),
                        asset("fx.rates", "DATASET", "fx"),
                        asset("fx.report", "DATASET", "fx"),
                        asset("ledger.daily", "DATASET", "finance"),
                        asset("risk.lists", "SOURCE", "fraud")),
                List.of(
                        DependencyEdge.of("payments.transactions", "fraud.features", List.of("amount", "customer")),
                        DependencyEdge.of("fraud.features", "fraud.scorer", List.of("/score_inputs")),
                        DependencyEdge.of("risk.lists", "fraud.scorer"),
                        DependencyEdge.of("fraud.scorer", "fraud.alerts"),
                        DependencyEdge.of("payments.transactions", "fx.rates", List.of("currency")),
                        DependencyEdge.of("fx.rates", "fx.report"),
                        DependencyEdge.of("payments.transactions", "ledger.daily")));
    }
}
