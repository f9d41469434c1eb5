package dev.watershed.domain.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Who a change to some fields of a contract affects. */
class FieldImpactAnalysisTest {

    @Test
    void impactIsFieldPrecise() {
        DependencyGraph graph = PaymentsEstate.graph();

        List<ImpactedAsset> impacted =
                new FieldImpactAnalysis(graph).impact("payments.transactions", List.of("amount"));

        // fx.rates reads only /currency: neither it nor fx.report is impacted. ledger.daily reads everything.
        assertThat(impacted)
                .extracting(ImpactedAsset::name, ImpactedAsset::depth, ImpactedAsset::direct)
                .containsExactly(
                        tuple("fraud.features", 1, true),
                        tuple("ledger.daily", 1, true),
                        tuple("fraud.scorer", 2, false),
                        tuple("fraud.alerts", 3, false));
        ImpactedAsset features = impacted.get(0);
        assertThat(features.fields()).containsExactly("/amount");
        assertThat(features.reason()).isEqualTo("reads `/amount` from payments.transactions");
        assertThat(impacted.get(1).reason()).isEqualTo("reads the whole contract of payments.transactions");
        ImpactedAsset alerts = impacted.get(3);
        assertThat(alerts.path())
                .containsExactly("payments.transactions", "fraud.features", "fraud.scorer", "fraud.alerts");
        assertThat(alerts.fields()).containsExactly("/amount");
        assertThat(alerts.reason())
                .isEqualTo("downstream of fraud.features via fraud.features → fraud.scorer → fraud.alerts");
        assertThat(alerts.owner()).isEqualTo("fraud");
        assertThat(alerts.kind()).isEqualTo("DATASET");
    }

    @Test
    void impactMatchesByPrefixBothWays() {
        DependencyGraph graph = PaymentsEstate.graph();

        // A change inside /customer hits the reader of /customer.
        assertThat(new FieldImpactAnalysis(graph).impact("payments.transactions", List.of("customer.email")))
                .extracting(ImpactedAsset::name)
                .contains("fraud.features");
        // A change of /currency as a whole hits a reader of /currency/code.
        graph.putDependency(DependencyEdge.of("payments.transactions", "fx.rates", List.of("/currency/code")));
        assertThat(new FieldImpactAnalysis(graph).impact("payments.transactions", List.of("/currency")))
                .extracting(ImpactedAsset::name)
                .containsExactly("fx.rates", "ledger.daily", "fx.report");
        // /currencyCode is a different field, not a prefix match.
        assertThat(new FieldImpactAnalysis(graph).impact("payments.transactions", List.of("/currencyCode")))
                .extracting(ImpactedAsset::name)
                .containsExactly("ledger.daily");
        // No fields: the whole contract changed, every consumer and its downstream.
        assertThat(new FieldImpactAnalysis(graph).impact("payments.transactions", List.of()))
                .hasSize(6);
    }

    @Test
    void impactTakesTheShortestPathAndReachesNonReadersThroughOthers() {
        DependencyGraph graph = PaymentsEstate.graph();
        // fx.rates does not read /amount, but now it is downstream of ledger.daily, which reads everything.
        graph.putDependency(DependencyEdge.of("ledger.daily", "fx.rates"));
        graph.putDependency(DependencyEdge.of("payments.transactions", "fraud.alerts", List.of("/amount")));

        List<ImpactedAsset> impacted =
                new FieldImpactAnalysis(graph).impact("payments.transactions", List.of("/amount"));

        assertThat(impacted)
                .extracting(ImpactedAsset::name, ImpactedAsset::depth, ImpactedAsset::direct)
                .containsExactly(
                        tuple("fraud.alerts", 1, true),
                        tuple("fraud.features", 1, true),
                        tuple("ledger.daily", 1, true),
                        tuple("fraud.scorer", 2, false),
                        tuple("fx.rates", 2, false),
                        tuple("fx.report", 3, false));
        assertThat(impacted.get(4).path()).containsExactly("payments.transactions", "ledger.daily", "fx.rates");
        assertThat(impacted.get(4).fields()).containsExactly("/amount");
    }

    @Test
    void aReaderOfOneArrayItemIsHitByAChangeToEveryItem() {
        DependencyGraph graph = PaymentsEstate.graph();
        graph.putDependency(DependencyEdge.of("payments.transactions", "fx.rates", List.of("lines[0].price")));

        assertThat(new FieldImpactAnalysis(graph).impact("payments.transactions", List.of("lines[].price")))
                .extracting(ImpactedAsset::name)
                .containsExactly("fx.rates", "ledger.daily", "fx.report");
        assertThat(new FieldImpactAnalysis(graph).impact("payments.transactions", List.of("lines[1].price")))
                .extracting(ImpactedAsset::name)
                .containsExactly("ledger.daily");
    }

    @Test
    void aSnapshotAnswersAsTheLiveGraphDoes() {
        DependencyGraph graph = PaymentsEstate.graph();
        graph.putDependency(DependencyEdge.of("ledger.daily", "fx.rates"));

        assertThat(new FieldImpactAnalysis(graph.snapshot()).impact("payments.transactions", List.of("/amount")))
                .isEqualTo(new FieldImpactAnalysis(graph).impact("payments.transactions", List.of("/amount")));
    }

    @Test
    void anUnknownAssetOrAFieldThatIsNoPathIsRefused() {
        FieldImpactAnalysis impact = new FieldImpactAnalysis(PaymentsEstate.graph());

        assertThatThrownBy(() -> impact.impact("no.such", List.of())).isInstanceOf(AssetNotInGraphException.class);
        assertThatThrownBy(() -> impact.impact("fx.rates", List.of("a..b")))
                .isInstanceOf(dev.watershed.domain.contract.InvalidFieldPathException.class);
        assertThat(impact.impact("fx.report", List.of())).isEmpty();
    }
}
