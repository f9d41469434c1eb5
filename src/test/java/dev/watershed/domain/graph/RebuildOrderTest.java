package dev.watershed.domain.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What to rebuild after a change, producers first. */
class RebuildOrderTest {

    @Test
    void rebuildOrderPutsProducersFirst() {
        DependencyGraph graph = PaymentsEstate.graph();
        graph.putDependency(DependencyEdge.of("fx.report", "fraud.alerts"));

        List<String> order = new RebuildOrder(graph)
                .downstreamOf("payments.transactions").stream()
                        .map(AssetNode::name)
                        .toList();

        assertThat(order).doesNotContain("payments.transactions").hasSize(6);
        for (DependencyEdge edge : List.of(
                DependencyEdge.of("fraud.features", "fraud.scorer"),
                DependencyEdge.of("fraud.scorer", "fraud.alerts"),
                DependencyEdge.of("fx.rates", "fx.report"),
                DependencyEdge.of("fx.report", "fraud.alerts"))) {
            assertThat(order.indexOf(edge.producer())).isLessThan(order.indexOf(edge.consumer()));
        }
        assertThat(new RebuildOrder(graph).downstreamOf("fraud.alerts")).isEmpty();
    }

    @Test
    void readyAssetsGoInNameOrderSoTheOrderIsStable() {
        DependencyGraph graph = PaymentsEstate.graph();
        graph.putDependency(DependencyEdge.of("fx.report", "fraud.alerts"));

        List<String> expected =
                List.of("fraud.features", "fraud.scorer", "fx.rates", "fx.report", "fraud.alerts", "ledger.daily");
        assertThat(new RebuildOrder(graph).downstreamOf("payments.transactions"))
                .extracting(AssetNode::name)
                .containsExactlyElementsOf(expected);
        assertThat(new RebuildOrder(graph.snapshot()).downstreamOf("payments.transactions"))
                .extracting(AssetNode::name)
                .containsExactlyElementsOf(expected);
        assertThatThrownBy(() -> new RebuildOrder(graph).downstreamOf("ghost"))
                .isInstanceOf(AssetNotInGraphException.class);
    }
}
