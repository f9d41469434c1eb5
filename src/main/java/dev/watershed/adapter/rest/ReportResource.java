package dev.watershed.adapter.rest;

import dev.watershed.adapter.rest.DependencyResource.BenefitBody;
import dev.watershed.adapter.rest.DependencyResource.CostBody;
import dev.watershed.application.health.CostBenefitService;
import dev.watershed.domain.health.CostBenefitAnalysis;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
public class ReportResource {

    /** @param rank 1 for the best benefit per cost; {@code null} for unpriced rows */
    public record CostBenefitRow(
            Integer rank,
            String producer,
            String kind,
            String owner,
            CostBody cost,
            BenefitBody benefit,
            Double ratio,
            List<String> consumers,
            boolean removalCandidate,
            String reason) {

        static CostBenefitRow of(Integer rank, CostBenefitAnalysis.Row row) {
            return new CostBenefitRow(
                    rank,
                    row.producer(),
                    row.kind(),
                    row.owner(),
                    row.cost() == null
                            ? null
                            : new CostBody(row.cost().amount(), row.cost().unit()),
                    row.benefit() == null
                            ? null
                            : new BenefitBody(
                                    row.benefit().value(), row.benefit().metric()),
                    row.ratio(),
                    row.consumers(),
                    row.removalCandidate(),
                    row.reason());
        }
    }

    /**
     * @param rows     producers with a cost, best benefit per cost first, those without a declared benefit last
     * @param unpriced benefits declared without a cost: no ratio, never removal candidates
     */
    public record CostBenefitResponse(
            String unit, double minRatio, List<CostBenefitRow> rows, List<CostBenefitRow> unpriced) {}

    private final CostBenefitService costBenefit;

    public ReportResource(CostBenefitService costBenefit) {
        this.costBenefit = costBenefit;
    }

    @GET
    @Path("/cost-benefit")
    @Operation(summary = "Producers ranked by declared benefit per cost, with candidates for removal")
    public CostBenefitResponse costBenefit(@QueryParam("unit") String unit) {
        CostBenefitAnalysis.Report report = costBenefit.report(unit);
        List<CostBenefitRow> rows = new ArrayList<>();
        for (CostBenefitAnalysis.Row row : report.ranked()) {
            rows.add(CostBenefitRow.of(rows.size() + 1, row));
        }
        return new CostBenefitResponse(
                QueryParams.stripped(unit),
                costBenefit.minRatio(),
                rows,
                report.unpriced().stream()
                        .map(row -> CostBenefitRow.of(null, row))
                        .toList());
    }
}
