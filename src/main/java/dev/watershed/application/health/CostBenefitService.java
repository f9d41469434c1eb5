package dev.watershed.application.health;

import dev.watershed.application.config.WatershedConfig;
import dev.watershed.application.dependency.EstateGraph;
import dev.watershed.domain.graph.GraphSnapshot;
import dev.watershed.domain.health.CostBenefitAnalysis;
import jakarta.enterprise.context.ApplicationScoped;

/** The cost/benefit report, from the costs and benefits the in-memory graph's dependencies carry. */
@ApplicationScoped
public class CostBenefitService {

    private final EstateGraph estate;
    private final CostBenefitAnalysis analysis;
    private final double minRatio;

    public CostBenefitService(EstateGraph estate, WatershedConfig config) {
        this.estate = estate;
        this.minRatio = config.costBenefit().minRatio();
        this.analysis = new CostBenefitAnalysis(minRatio);
    }

    /** @param unit only costs in this unit; {@code null} or blank for all */
    public CostBenefitAnalysis.Report report(String unit) {
        GraphSnapshot graph = estate.read().snapshot();
        return analysis.analyse(graph.assets(), graph.edgeSet(), unit == null || unit.isBlank() ? null : unit.strip());
    }

    public double minRatio() {
        return minRatio;
    }
}
