package dev.watershed.domain.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Walks up, down and both ways from one asset. */
class LineageTraversalTest {

    @Test
    void lineageRespectsDepthAndDirection() {
        DependencyGraph graph = PaymentsEstate.graph();

        assertThat(new LineageTraversal(graph)
                        .lineage("fraud.features", LineageDirection.DOWNSTREAM, 1)
                        .nodes())
                .extracting(AssetNode::name)
                .containsExactly("fraud.features", "fraud.scorer");
        assertThat(new LineageTraversal(graph)
                        .lineage("fraud.features", LineageDirection.DOWNSTREAM, 5)
                        .nodes())
                .extracting(AssetNode::name)
                .containsExactly("fraud.features", "fraud.scorer", "fraud.alerts");
        assertThat(new LineageTraversal(graph)
                        .lineage("fraud.scorer", LineageDirection.UPSTREAM, 2)
                        .nodes())
                .extracting(AssetNode::name)
                .containsExactlyInAnyOrder("fraud.scorer", "fraud.features", "risk.lists", "payments.transactions");
        Subgraph both = new LineageTraversal(graph).lineage("fraud.scorer", LineageDirection.BOTH, 1);
        assertThat(both.nodes())
                .extracting(AssetNode::name)
                .containsExactlyInAnyOrder("fraud.scorer", "fraud.features", "risk.lists", "fraud.alerts");
        assertThat(both.edges())
                .extracting(DependencyEdge::producer, DependencyEdge::consumer)
                .containsExactlyInAnyOrder(
                        tuple("fraud.scorer", "fraud.alerts"),
                        tuple("fraud.features", "fraud.scorer"),
                        tuple("risk.lists", "fraud.scorer"));
        assertThat(new LineageTraversal(graph)
                        .lineage("fraud.scorer", LineageDirection.BOTH, 0)
                        .nodes())
                .hasSize(1);
    }

    @Test
    void nodesComeRootFirstThenByDistanceDownstreamBeforeUpstreamAndTheWalkStopsAtTheDepth() {
        DependencyGraph graph = PaymentsEstate.graph();

        Subgraph both = new LineageTraversal(graph).lineage("fraud.scorer", LineageDirection.BOTH, 1);
        assertThat(both.nodes())
                .extracting(AssetNode::name)
                .containsExactly("fraud.scorer", "fraud.alerts", "fraud.features", "risk.lists");
        assertThat(both.edges())
                .extracting(DependencyEdge::producer, DependencyEdge::consumer)
                .containsExactly(
                        tuple("fraud.scorer", "fraud.alerts"),
                        tuple("fraud.features", "fraud.scorer"),
                        tuple("risk.lists", "fraud.scorer"));
        // One hop down: the edges leaving the assets one hop away are not followed.
        assertThat(new LineageTraversal(graph)
                        .lineage("payments.transactions", LineageDirection.DOWNSTREAM, 1)
                        .edges())
                .extracting(DependencyEdge::consumer)
                .containsExactly("fraud.features", "fx.rates", "ledger.daily");
        assertThat(new LineageTraversal(graph.snapshot()).lineage("fraud.scorer", LineageDirection.BOTH, 1))
                .isEqualTo(both);
        assertThatThrownBy(() -> new LineageTraversal(graph).lineage("ghost", LineageDirection.BOTH, 1))
                .isInstanceOf(AssetNotInGraphException.class);
        assertThatThrownBy(() -> new LineageTraversal(graph).lineage("fx.rates", LineageDirection.BOTH, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nearestDownstreamIsTheShortestPathToTheFirstMatch() {
        DependencyGraph graph = PaymentsEstate.graph();
        LineageTraversal lineage = new LineageTraversal(graph);

        assertThat(lineage.nearestDownstream("payments.transactions", "fraud.alerts"::equals))
                .containsExactly("payments.transactions", "fraud.features", "fraud.scorer", "fraud.alerts");
        assertThat(lineage.nearestDownstream("payments.transactions", name -> name.startsWith("f")))
                .containsExactly("payments.transactions", "fraud.features");
        assertThat(lineage.nearestDownstream("fraud.scorer", "fraud.scorer"::equals))
                .isEmpty();
        assertThat(lineage.nearestDownstream("fx.report", name -> true)).isEmpty();
    }

    @Test
    void upstreamPathsGiveEachProducerItsDistanceAndAShortestWayDown() {
        DependencyGraph graph = PaymentsEstate.graph();
        graph.putDependency(DependencyEdge.of("payments.transactions", "fraud.alerts"));

        UpstreamPaths upstream = new LineageTraversal(graph.snapshot()).upstreamPaths("fraud.alerts");

        assertThat(upstream.distances())
                .isEqualTo(Map.of(
                        "fraud.alerts",
                        0,
                        "fraud.scorer",
                        1,
                        "payments.transactions",
                        1,
                        "fraud.features",
                        2,
                        "risk.lists",
                        2));
        assertThat(upstream.pathFrom("payments.transactions")).containsExactly("payments.transactions", "fraud.alerts");
        assertThat(upstream.pathFrom("risk.lists")).containsExactly("risk.lists", "fraud.scorer", "fraud.alerts");
        assertThat(upstream.pathFrom("fraud.alerts")).containsExactly("fraud.alerts");
        assertThat(upstream.pathFrom("fx.rates")).isEqualTo(List.of());
    }

    @Test
    void theNearestSharedProducerCountsHopsBothWaysAndBreaksTiesByName() {
        DependencyGraph graph = PaymentsEstate.graph();
        LineageTraversal lineage = new LineageTraversal(graph);

        assertThat(lineage.upstreamPaths("fraud.alerts").nearestSharedWith(lineage.upstreamPaths("fx.report")))
                .contains("payments.transactions");
        assertThat(lineage.upstreamPaths("fraud.alerts").nearestSharedWith(lineage.upstreamPaths("fraud.scorer")))
                .contains("fraud.scorer");
        assertThat(lineage.upstreamPaths("fx.report").nearestSharedWith(lineage.upstreamPaths("risk.lists")))
                .isEmpty();
        graph.putDependency(DependencyEdge.of("risk.lists", "fx.report"));
        // payments.transactions and risk.lists are both three hops away in all: the smaller name wins.
        assertThat(lineage.upstreamPaths("fx.report").nearestSharedWith(lineage.upstreamPaths("fraud.features")))
                .contains("payments.transactions");
    }
}
