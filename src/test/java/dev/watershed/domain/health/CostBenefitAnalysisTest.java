package dev.watershed.domain.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watershed.domain.contract.SemanticVersion;
import dev.watershed.domain.graph.AssetNode;
import dev.watershed.domain.graph.Benefit;
import dev.watershed.domain.graph.Cost;
import dev.watershed.domain.graph.DependencyEdge;
import dev.watershed.domain.graph.Usage;
import dev.watershed.domain.graph.UsageTerms;
import dev.watershed.domain.graph.VersionRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostBenefitAnalysisTest {

    private static final List<AssetNode> ASSETS = List.of(
            node("sales", "SOURCE"),
            node("weather", "SOURCE"),
            node("promo", "SOURCE"),
            node("census", "SOURCE"),
            node("features", "FEATURE"),
            node("model", "MODEL"),
            node("other-model", "MODEL"));

    private final CostBenefitAnalysis analysis = new CostBenefitAnalysis(0.0001);

    @Test
    void ranksByBenefitPerCostAndFlagsTheCheapBenefitAndTheFreeRider() {
        List<DependencyEdge> edges = List.of(
                edge("sales", "features", 100, "USD/month", 0.5, "importance"),
                edge("sales", "other-model", 20, "USD/month", 0.1, "importance"),
                edge("weather", "features", 400, "USD/month", 0.004, "importance"),
                edge("promo", "features", 50, "USD/month", null, null),
                edge("census", "features", null, null, 0.2, "importance"));

        CostBenefitAnalysis.Report report = analysis.analyse(ASSETS, edges, null);

        assertThat(report.ranked())
                .extracting(CostBenefitAnalysis.Row::producer)
                .containsExactly("sales", "weather", "promo");
        CostBenefitAnalysis.Row sales = report.ranked().get(0);
        assertThat(sales.cost()).isEqualTo(new Cost(120, "USD/month"));
        assertThat(sales.benefit()).isEqualTo(new Benefit(0.6, "importance"));
        assertThat(sales.ratio()).isCloseTo(0.005, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(sales.consumers()).containsExactly("features", "other-model");
        assertThat(sales.removalCandidate()).isFalse();
        assertThat(report.ranked().get(1).removalCandidate()).isTrue();
        assertThat(report.ranked().get(1).reason()).contains("0.00001", "below the minimum 0.0001");
        assertThat(report.ranked().get(2).ratio()).isNull();
        assertThat(report.ranked().get(2).reason()).contains("no consumer declares a benefit");
        assertThat(report.unpriced())
                .extracting(CostBenefitAnalysis.Row::producer)
                .containsExactly("census");
    }

    @Test
    void unitsAndMetricsAreNeverAddedUp() {
        List<DependencyEdge> edges = List.of(
                edge("sales", "features", 100, "USD/month", 0.5, "importance"),
                edge("sales", "other-model", 90, "EUR/month", 0.02, "accuracy-delta"));

        CostBenefitAnalysis.Report all = analysis.analyse(ASSETS, edges, null);
        CostBenefitAnalysis.Report euros = analysis.analyse(ASSETS, edges, "EUR/month");

        assertThat(all.ranked())
                .hasSize(4)
                .extracting(row -> row.cost().unit() + " " + row.benefit().metric())
                .containsExactlyInAnyOrder(
                        "USD/month importance",
                        "USD/month accuracy-delta",
                        "EUR/month importance",
                        "EUR/month accuracy-delta");
        assertThat(euros.ranked()).allSatisfy(row -> assertThat(row.cost()).isEqualTo(new Cost(90, "EUR/month")));
        assertThat(analysis.analyse(ASSETS, List.of(DependencyEdge.of("sales", "features")), null)
                        .ranked())
                .isEmpty();
    }

    private static AssetNode node(String name, String kind) {
        return new AssetNode(name, kind, "team", SemanticVersion.parse("1.0.0"));
    }

    private static DependencyEdge edge(
            String producer, String consumer, Integer amount, String unit, Double value, String metric) {
        return new DependencyEdge(
                producer,
                consumer,
                VersionRange.ANY,
                null,
                List.of(),
                Usage.BOTH,
                null,
                new UsageTerms(
                        null,
                        List.of(),
                        amount == null ? null : new Cost(amount, unit),
                        value == null ? null : new Benefit(value, metric)));
    }
}
