package dev.watershed.domain.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The cycle a new dependency would close, found before anything changes. */
class DependencyCycleCheckTest {

    @Test
    void cycleIfAddedNamesTheCycleWithoutChangingTheGraph() {
        DependencyGraph graph = PaymentsEstate.graph();
        DependencyCycleCheck check = new DependencyCycleCheck(graph);
        int edgesBefore = graph.edgeCount();

        assertThat(check.cycleIfAdded("fraud.alerts", "payments.transactions"))
                .contains(List.of(
                        "fraud.alerts", "payments.transactions", "fraud.features", "fraud.scorer", "fraud.alerts"));
        assertThat(check.cycleIfAdded("fx.rates", "fx.rates")).contains(List.of("fx.rates", "fx.rates"));
        assertThat(check.cycleIfAdded("fx.report", "fraud.alerts")).isEmpty();
        assertThat(check.cycleIfAdded("payments.transactions", "fraud.features"))
                .isEmpty();
        assertThat(graph.edgeCount()).isEqualTo(edgesBefore);
        assertThatThrownBy(() -> check.cycleIfAdded("nope", "fx.rates"))
                .isInstanceOf(AssetNotInGraphException.class)
                .hasMessageContaining("the dependency nope → fx.rates names 'nope'");
    }

    @Test
    void theShortestWayRoundIsNamedOnASnapshotToo() {
        DependencyGraph graph = PaymentsEstate.graph();
        // A second, longer way from payments.transactions to fraud.alerts: the direct one is the shorter.
        graph.putDependency(DependencyEdge.of("payments.transactions", "fraud.alerts"));

        assertThat(new DependencyCycleCheck(graph.snapshot()).cycleIfAdded("fraud.alerts", "payments.transactions"))
                .contains(List.of("fraud.alerts", "payments.transactions", "fraud.alerts"));
    }
}
