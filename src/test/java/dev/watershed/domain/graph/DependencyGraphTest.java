package dev.watershed.domain.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.watershed.domain.contract.SemanticVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {

    private static AssetNode asset(String name, String kind, String owner) {
        return new AssetNode(name, kind, owner, SemanticVersion.FIRST);
    }

    /**
     * payments.transactions ─(/amount,/customer)→ fraud.features → fraud.scorer → fraud.alerts
     *                       ─(/currency)→ fx.rates → fx.report
     *                       ─(whole)→ ledger.daily
     * fraud.scorer also reads risk.lists.
     */
    private static DependencyGraph payments() {
        return DependencyGraph.of(
                List.of(asset("payments.transactions", "SOURCE", "payments"),
                        asset("fraud.features", "FEATURE", "fraud"),
                        asset("fraud.scorer", "MODEL", "fraud"),
                        asset("fraud.alerts", "DATASET", "fraud"),
                        asset("fx.rates", "DATASET", "fx"),
                        asset("fx.report", "DATASET", "fx"),
                        asset("ledger.daily", "DATASET", "finance"),
                        asset("risk.lists", "SOURCE", "fraud")),
                List.of(DependencyEdge.of("payments.transactions", "fraud.features", List.of("amount", "customer")),
                        DependencyEdge.of("fraud.features", "fraud.scorer", List.of("/score_inputs")),
                        DependencyEdge.of("risk.lists", "fraud.scorer"),
                        DependencyEdge.of("fraud.scorer", "fraud.alerts"),
                        DependencyEdge.of("payments.transactions", "fx.rates", List.of("currency")),
                        DependencyEdge.of("fx.rates", "fx.report"),
                        DependencyEdge.of("payments.transactions", "ledger.daily")));
    }

    @Test
    void cycleIfAddedNamesTheCycleWithoutChangingTheGraph() {
        DependencyGraph graph = payments();
        int edgesBefore = graph.edgeCount();

        assertThat(graph.cycleIfAdded("fraud.alerts", "payments.transactions")).contains(List.of("fraud.alerts",
                "payments.transactions", "fraud.features", "fraud.scorer", "fraud.alerts"));
        assertThat(graph.cycleIfAdded("fx.rates", "fx.rates")).contains(List.of("fx.rates", "fx.rates"));
        assertThat(graph.cycleIfAdded("fx.report", "fraud.alerts")).isEmpty();
        assertThat(graph.cycleIfAdded("payments.transactions", "fraud.features")).isEmpty();
        assertThat(graph.edgeCount()).isEqualTo(edgesBefore);
        assertThatThrownBy(() -> graph.cycleIfAdded("nope", "fx.rates")).isInstanceOf(AssetNotInGraphException.class);
    }

    @Test
    void cycleIsRefusedWithTheCycleNamedAndTheGraphUnchanged() {
        DependencyGraph graph = payments();
        int edgesBefore = graph.edgeCount();

        assertThatThrownBy(() -> graph.putDependency(DependencyEdge.of("fraud.alerts", "payments.transactions")))
                .isInstanceOf(DependencyCycleException.class)
                .hasMessageContaining("fraud.alerts → payments.transactions → fraud.features → fraud.scorer "
                        + "→ fraud.alerts")
                .satisfies(e -> assertThat(((DependencyCycleException) e).cycle()).containsExactly("fraud.alerts",
                        "payments.transactions", "fraud.features", "fraud.scorer", "fraud.alerts"));

        assertThat(graph.edgeCount()).isEqualTo(edgesBefore);
        assertThat(graph.dependency("fraud.alerts", "payments.transactions")).isEmpty();
        assertThat(graph.rebuildOrder("payments.transactions")).extracting(AssetNode::name)
                .containsExactly("fraud.features", "fraud.scorer", "fraud.alerts", "fx.rates", "fx.report",
                        "ledger.daily");
        // Still usable for legal edges afterwards.
        assertThat(graph.putDependency(DependencyEdge.of("risk.lists", "fraud.alerts"))).isEmpty();
    }

    @Test
    void selfDependencyAndCyclicBulkLoadAreRefused() {
        DependencyGraph graph = payments();
        assertThatThrownBy(() -> graph.putDependency(DependencyEdge.of("fx.rates", "fx.rates")))
                .isInstanceOf(DependencyCycleException.class).hasMessageContaining("fx.rates → fx.rates");

        assertThatThrownBy(() -> DependencyGraph.of(
                List.of(asset("a.one", "DATASET", "t"), asset("a.two", "DATASET", "t"),
                        asset("a.three", "DATASET", "t"), asset("a.root", "SOURCE", "t")),
                List.of(DependencyEdge.of("a.root", "a.one"), DependencyEdge.of("a.one", "a.two"),
                        DependencyEdge.of("a.two", "a.three"), DependencyEdge.of("a.three", "a.one"))))
                .isInstanceOf(DependencyCycleException.class)
                .hasMessageContaining("the dependencies contain the cycle a.one → a.two → a.three → a.one");
    }

    @Test
    void putDependencyReplacesTheEdgeBetweenTheSamePair() {
        DependencyGraph graph = payments();
        DependencyEdge replacement = new DependencyEdge("fx.rates", "fx.report", VersionRange.parse("^1.2"),
                SemanticVersion.parse("1.4.0"), List.of("rate"), Usage.SERVING, "daily job");

        assertThat(graph.putDependency(replacement)).contains(DependencyEdge.of("fx.rates", "fx.report"));
        assertThat(graph.dependency("fx.rates", "fx.report")).contains(replacement);
        assertThat(graph.edgeCount()).isEqualTo(7);
        assertThat(graph.removeDependency("fx.rates", "fx.report")).contains(replacement);
        assertThat(graph.removeDependency("fx.rates", "fx.report")).isEmpty();
    }

    @Test
    void unknownAssetsAreReported() {
        DependencyGraph graph = payments();
        assertThatThrownBy(() -> graph.impact("no.such", List.of()))
                .isInstanceOf(AssetNotInGraphException.class).hasMessageContaining("'no.such'");
        assertThatThrownBy(() -> graph.putDependency(DependencyEdge.of("fx.rates", "ghost")))
                .isInstanceOf(AssetNotInGraphException.class).hasMessageContaining("'ghost'");
        assertThat(graph.removeNode("ghost")).isFalse();
    }

    @Test
    void lineageRespectsDepthAndDirection() {
        DependencyGraph graph = payments();

        assertThat(graph.lineage("fraud.features", LineageDirection.DOWNSTREAM, 1).nodes())
                .extracting(AssetNode::name).containsExactly("fraud.features", "fraud.scorer");
        assertThat(graph.lineage("fraud.features", LineageDirection.DOWNSTREAM, 5).nodes())
                .extracting(AssetNode::name).containsExactly("fraud.features", "fraud.scorer", "fraud.alerts");
        assertThat(graph.lineage("fraud.scorer", LineageDirection.UPSTREAM, 2).nodes())
                .extracting(AssetNode::name)
                .containsExactlyInAnyOrder("fraud.scorer", "fraud.features", "risk.lists", "payments.transactions");
        Subgraph both = graph.lineage("fraud.scorer", LineageDirection.BOTH, 1);
        assertThat(both.nodes()).extracting(AssetNode::name)
                .containsExactlyInAnyOrder("fraud.scorer", "fraud.features", "risk.lists", "fraud.alerts");
        assertThat(both.edges()).extracting(DependencyEdge::producer, DependencyEdge::consumer)
                .containsExactlyInAnyOrder(tuple("fraud.scorer", "fraud.alerts"),
                        tuple("fraud.features", "fraud.scorer"), tuple("risk.lists", "fraud.scorer"));
        assertThat(graph.lineage("fraud.scorer", LineageDirection.BOTH, 0).nodes()).hasSize(1);
    }

    @Test
    void impactIsFieldPrecise() {
        DependencyGraph graph = payments();

        List<ImpactedAsset> impacted = graph.impact("payments.transactions", List.of("amount"));

        // fx.rates reads only /currency: neither it nor fx.report is impacted. ledger.daily reads everything.
        assertThat(impacted).extracting(ImpactedAsset::name, ImpactedAsset::depth, ImpactedAsset::direct)
                .containsExactly(tuple("fraud.features", 1, true), tuple("ledger.daily", 1, true),
                        tuple("fraud.scorer", 2, false), tuple("fraud.alerts", 3, false));
        ImpactedAsset features = impacted.get(0);
        assertThat(features.fields()).containsExactly("/amount");
        assertThat(features.reason()).isEqualTo("reads `/amount` from payments.transactions");
        assertThat(impacted.get(1).reason()).isEqualTo("reads the whole contract of payments.transactions");
        ImpactedAsset alerts = impacted.get(3);
        assertThat(alerts.path()).containsExactly("payments.transactions", "fraud.features", "fraud.scorer",
                "fraud.alerts");
        assertThat(alerts.fields()).containsExactly("/amount");
        assertThat(alerts.reason())
                .isEqualTo("downstream of fraud.features via fraud.features → fraud.scorer → fraud.alerts");
        assertThat(alerts.owner()).isEqualTo("fraud");
        assertThat(alerts.kind()).isEqualTo("DATASET");
    }

    @Test
    void impactMatchesByPrefixBothWays() {
        DependencyGraph graph = payments();

        // A change inside /customer hits the reader of /customer.
        assertThat(graph.impact("payments.transactions", List.of("customer.email")))
                .extracting(ImpactedAsset::name).contains("fraud.features");
        // A change of /currency as a whole hits a reader of /currency/code.
        graph.putDependency(DependencyEdge.of("payments.transactions", "fx.rates", List.of("/currency/code")));
        assertThat(graph.impact("payments.transactions", List.of("/currency")))
                .extracting(ImpactedAsset::name).containsExactly("fx.rates", "ledger.daily", "fx.report");
        // /currencyCode is a different field, not a prefix match.
        assertThat(graph.impact("payments.transactions", List.of("/currencyCode")))
                .extracting(ImpactedAsset::name).containsExactly("ledger.daily");
        // No fields: the whole contract changed, every consumer and its downstream.
        assertThat(graph.impact("payments.transactions", List.of())).hasSize(6);
    }

    @Test
    void impactTakesTheShortestPathAndReachesNonReadersThroughOthers() {
        DependencyGraph graph = payments();
        // fx.rates does not read /amount, but now it is downstream of ledger.daily, which reads everything.
        graph.putDependency(DependencyEdge.of("ledger.daily", "fx.rates"));
        graph.putDependency(DependencyEdge.of("payments.transactions", "fraud.alerts", List.of("/amount")));

        List<ImpactedAsset> impacted = graph.impact("payments.transactions", List.of("/amount"));

        assertThat(impacted).extracting(ImpactedAsset::name, ImpactedAsset::depth, ImpactedAsset::direct)
                .containsExactly(tuple("fraud.alerts", 1, true), tuple("fraud.features", 1, true),
                        tuple("ledger.daily", 1, true), tuple("fraud.scorer", 2, false), tuple("fx.rates", 2, false),
                        tuple("fx.report", 3, false));
        assertThat(impacted.get(4).path()).containsExactly("payments.transactions", "ledger.daily", "fx.rates");
        assertThat(impacted.get(4).fields()).containsExactly("/amount");
    }

    @Test
    void rebuildOrderPutsProducersFirst() {
        DependencyGraph graph = payments();
        graph.putDependency(DependencyEdge.of("fx.report", "fraud.alerts"));

        List<String> order = graph.rebuildOrder("payments.transactions").stream().map(AssetNode::name).toList();

        assertThat(order).doesNotContain("payments.transactions").hasSize(6);
        for (DependencyEdge edge : List.of(DependencyEdge.of("fraud.features", "fraud.scorer"),
                DependencyEdge.of("fraud.scorer", "fraud.alerts"), DependencyEdge.of("fx.rates", "fx.report"),
                DependencyEdge.of("fx.report", "fraud.alerts"))) {
            assertThat(order.indexOf(edge.producer())).isLessThan(order.indexOf(edge.consumer()));
        }
        assertThat(graph.rebuildOrder("fraud.alerts")).isEmpty();
    }

    @Test
    void estateFiltersByOwnerAndKindWithLimit() {
        DependencyGraph graph = payments();

        Subgraph fraud = graph.estate("fraud", null, 10);
        assertThat(fraud.nodes()).extracting(AssetNode::name)
                .containsExactly("fraud.alerts", "fraud.features", "fraud.scorer", "risk.lists");
        assertThat(fraud.edges()).hasSize(3);
        assertThat(fraud.truncated()).isFalse();

        assertThat(graph.estate("fraud", "SOURCE", 10).nodes()).extracting(AssetNode::name)
                .containsExactly("risk.lists");
        assertThat(graph.estate(null, "DATASET", 2).truncated()).isTrue();
        assertThat(graph.estate("nobody", null, 5).nodes()).isEmpty();

        graph.upsertNode(asset("risk.lists", "DATASET", "risk"));
        assertThat(graph.estate("fraud", null, 10).nodes()).hasSize(3);
        assertThat(graph.directConsumers("risk.lists")).extracting(DependencyEdge::consumer)
                .containsExactly("fraud.scorer");
    }

    @Test
    void removeNodeDropsItsDependencies() {
        DependencyGraph graph = payments();
        assertThat(graph.removeNode("fraud.scorer")).isTrue();
        assertThat(graph.edgeCount()).isEqualTo(4);
        assertThat(graph.directDependencies("fraud.alerts")).isEmpty();
        assertThat(graph.estate("fraud", "MODEL", 5).nodes()).isEmpty();
    }

    @Test
    void concurrentReadersAndWritersStayConsistent() throws Exception {
        DependencyGraph graph = payments();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        assertThat(graph.impact("payments.transactions", List.of("amount"))).isNotEmpty();
                    }
                }));
            }
            work.add(pool.submit(() -> {
                for (int i = 0; i < 500; i++) {
                    String name = "tmp.asset" + i;
                    graph.upsertNode(asset(name, "DATASET", "tmp"));
                    graph.putDependency(DependencyEdge.of("fraud.alerts", name));
                    graph.removeNode(name);
                }
            }));
            for (Future<?> future : work) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(graph.nodeCount()).isEqualTo(8);
        assertThat(graph.edgeCount()).isEqualTo(7);
    }
}
