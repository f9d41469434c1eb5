package dev.watershed.domain.graph;

import static dev.watershed.domain.graph.PaymentsEstate.asset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.watershed.domain.contract.SemanticVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The graph store: writes, indexes, the bulk load, snapshots and the lock. */
class DependencyGraphTest {

    @Test
    void cycleIsRefusedWithTheCycleNamedAndTheGraphUnchanged() {
        DependencyGraph graph = PaymentsEstate.graph();
        int edgesBefore = graph.edgeCount();

        assertThatThrownBy(() -> graph.putDependency(DependencyEdge.of("fraud.alerts", "payments.transactions")))
                .isInstanceOf(DependencyCycleException.class)
                .hasMessageContaining(
                        "fraud.alerts → payments.transactions → fraud.features → fraud.scorer " + "→ fraud.alerts")
                .satisfies(e -> assertThat(((DependencyCycleException) e).cycle())
                        .containsExactly(
                                "fraud.alerts",
                                "payments.transactions",
                                "fraud.features",
                                "fraud.scorer",
                                "fraud.alerts"));

        assertThat(graph.edgeCount()).isEqualTo(edgesBefore);
        assertThat(graph.dependency("fraud.alerts", "payments.transactions")).isEmpty();
        assertThat(new RebuildOrder(graph).downstreamOf("payments.transactions"))
                .extracting(AssetNode::name)
                .containsExactly(
                        "fraud.features", "fraud.scorer", "fraud.alerts", "fx.rates", "fx.report", "ledger.daily");
        // Still usable for legal edges afterwards.
        assertThat(graph.putDependency(DependencyEdge.of("risk.lists", "fraud.alerts")))
                .isEmpty();
    }

    @Test
    void selfDependencyAndCyclicBulkLoadAreRefused() {
        DependencyGraph graph = PaymentsEstate.graph();
        assertThatThrownBy(() -> graph.putDependency(DependencyEdge.of("fx.rates", "fx.rates")))
                .isInstanceOf(DependencyCycleException.class)
                .hasMessageContaining("fx.rates → fx.rates");

        assertThatThrownBy(() -> DependencyGraph.of(
                        List.of(
                                asset("a.one", "DATASET", "t"), asset("a.two", "DATASET", "t"),
                                asset("a.three", "DATASET", "t"), asset("a.root", "SOURCE", "t")),
                        List.of(
                                DependencyEdge.of("a.root", "a.one"), DependencyEdge.of("a.one", "a.two"),
                                DependencyEdge.of("a.two", "a.three"), DependencyEdge.of("a.three", "a.one"))))
                .isInstanceOf(DependencyCycleException.class)
                .hasMessageContaining("the dependencies contain the cycle a.one → a.two → a.three → a.one");
    }

    @Test
    void putDependencyReplacesTheEdgeBetweenTheSamePair() {
        DependencyGraph graph = PaymentsEstate.graph();
        DependencyEdge replacement = new DependencyEdge(
                "fx.rates",
                "fx.report",
                VersionRange.parse("^1.2"),
                SemanticVersion.parse("1.4.0"),
                List.of("rate"),
                Usage.SERVING,
                "daily job");

        assertThat(graph.putDependency(replacement)).contains(DependencyEdge.of("fx.rates", "fx.report"));
        assertThat(graph.dependency("fx.rates", "fx.report")).contains(replacement);
        assertThat(graph.edgeCount()).isEqualTo(7);
        assertThat(graph.removeDependency("fx.rates", "fx.report")).contains(replacement);
        assertThat(graph.removeDependency("fx.rates", "fx.report")).isEmpty();
    }

    @Test
    void unknownAssetsAreReported() {
        DependencyGraph graph = PaymentsEstate.graph();
        assertThatThrownBy(() -> new FieldImpactAnalysis(graph).impact("no.such", List.of()))
                .isInstanceOf(AssetNotInGraphException.class)
                .hasMessageContaining("'no.such'");
        assertThatThrownBy(() -> graph.putDependency(DependencyEdge.of("fx.rates", "ghost")))
                .isInstanceOf(AssetNotInGraphException.class)
                .hasMessageContaining("'ghost'");
        assertThat(graph.removeNode("ghost")).isFalse();
    }

    @Test
    void estateFiltersByOwnerAndKindWithLimit() {
        DependencyGraph graph = PaymentsEstate.graph();

        Subgraph fraud = graph.estate("fraud", null, 10);
        assertThat(fraud.nodes())
                .extracting(AssetNode::name)
                .containsExactly("fraud.alerts", "fraud.features", "fraud.scorer", "risk.lists");
        assertThat(fraud.edges()).hasSize(3);
        assertThat(fraud.truncated()).isFalse();

        assertThat(graph.estate("fraud", "SOURCE", 10).nodes())
                .extracting(AssetNode::name)
                .containsExactly("risk.lists");
        assertThat(graph.estate(null, "DATASET", 2).truncated()).isTrue();
        assertThat(graph.estate("nobody", null, 5).nodes()).isEmpty();

        graph.upsertNode(asset("risk.lists", "DATASET", "risk"));
        assertThat(graph.estate("fraud", null, 10).nodes()).hasSize(3);
        assertThat(graph.directConsumers("risk.lists"))
                .extracting(DependencyEdge::consumer)
                .containsExactly("fraud.scorer");
    }

    @Test
    void removeNodeDropsItsDependencies() {
        DependencyGraph graph = PaymentsEstate.graph();
        assertThat(graph.removeNode("fraud.scorer")).isTrue();
        assertThat(graph.edgeCount()).isEqualTo(4);
        assertThat(graph.directDependencies("fraud.alerts")).isEmpty();
        assertThat(graph.estate("fraud", "MODEL", 5).nodes()).isEmpty();
    }

    @Test
    void concurrentReadersAndWritersStayConsistent() throws Exception {
        DependencyGraph graph = PaymentsEstate.graph();
        FieldImpactAnalysis impact = new FieldImpactAnalysis(graph);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        assertThat(impact.impact("payments.transactions", List.of("amount")))
                                .isNotEmpty();
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

    @Test
    void aSnapshotIsAnImmutableCopyInTopologicalOrder() {
        DependencyGraph graph = PaymentsEstate.graph();

        GraphSnapshot snapshot = graph.snapshot();
        graph.removeNode("fraud.scorer");

        List<String> order = snapshot.assets().stream().map(AssetNode::name).toList();
        assertThat(order).hasSize(8);
        for (DependencyEdge edge : snapshot.edgeSet()) {
            assertThat(order.indexOf(edge.producer())).isLessThan(order.indexOf(edge.consumer()));
        }
        assertThat(snapshot.edgeSet()).hasSize(7).contains(DependencyEdge.of("fraud.scorer", "fraud.alerts"));
        assertThat(snapshot.incomingEdgesOf("fraud.scorer"))
                .extracting(DependencyEdge::producer)
                .containsExactly("fraud.features", "risk.lists");
        assertThat(snapshot.getEdge("risk.lists", "fraud.scorer"))
                .isEqualTo(DependencyEdge.of("risk.lists", "fraud.scorer"));
        assertThat(snapshot.getEdge("risk.lists", "fraud.alerts")).isNull();
        assertThat(snapshot.asset("fraud.scorer")).map(AssetNode::kind).contains("MODEL");
        assertThat(snapshot.asset("ghost")).isEmpty();
        assertThatThrownBy(() -> snapshot.addVertex("new.asset")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> snapshot.outgoingEdgesOf("ghost")).isInstanceOf(IllegalArgumentException.class);
        assertThat(graph.nodeCount()).isEqualTo(7);
    }

    @Test
    void theLiveViewReadsTheGraphButCannotChangeIt() {
        DependencyGraph graph = PaymentsEstate.graph();

        assertThat(graph.<Integer>read(view -> view.outDegreeOf("payments.transactions")))
                .isEqualTo(3);
        assertThat(graph.<String>read(view -> view.require("fx.rates").owner())).isEqualTo("fx");
        assertThatThrownBy(() -> graph.read(view -> view.require("ghost")))
                .isInstanceOf(AssetNotInGraphException.class)
                .hasMessageContaining("'ghost'");
        assertThatThrownBy(() -> graph.read(view -> view.removeVertex("fx.rates")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(graph.nodeCount()).isEqualTo(8);
    }
}
