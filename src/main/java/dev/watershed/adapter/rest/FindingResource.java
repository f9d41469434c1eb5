package dev.watershed.adapter.rest;

import dev.watershed.application.health.FindingsService;
import dev.watershed.domain.health.Finding;
import dev.watershed.domain.health.FindingCode;
import dev.watershed.domain.health.Severity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/findings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Findings")
public class FindingResource {

    /** @param otherPaths paths the finding follows besides {@code path} (a split finding's evaluation path) */
    public record FindingResponse(
            FindingCode code,
            Severity severity,
            String asset,
            String title,
            String detail,
            List<String> path,
            List<String> fields,
            String remedy,
            List<List<String>> otherPaths) {

        static FindingResponse of(Finding finding) {
            return new FindingResponse(
                    finding.code(),
                    finding.severity(),
                    finding.asset(),
                    finding.title(),
                    finding.detail(),
                    finding.path(),
                    finding.fields(),
                    finding.remedy(),
                    finding.otherPaths());
        }
    }

    /** @param counts findings listed, by severity (all three, zeros included) */
    public record FindingsResponse(Map<Severity, Integer> counts, List<FindingResponse> findings) {

        static FindingsResponse of(List<Finding> findings) {
            Map<Severity, Integer> counts = new TreeMap<>();
            for (Severity severity : Severity.values()) {
                counts.put(severity, 0);
            }
            findings.forEach(finding -> counts.merge(finding.severity(), 1, Integer::sum));
            return new FindingsResponse(
                    counts, findings.stream().map(FindingResponse::of).toList());
        }
    }

    private final FindingsService findings;

    public FindingResource(FindingsService findings) {
        this.findings = findings;
    }

    @GET
    @Operation(
            summary = "ML data health findings across the estate (leakage, splits, replicas, churn, unused),"
                    + " errors first")
    public FindingsResponse list(
            @QueryParam("severity") String severity,
            @QueryParam("code") String code,
            @QueryParam("owner") String owner) {
        return FindingsResponse.of(findings.findings(new FindingsService.Filter(
                QueryParams.enumValue(Severity.class, severity, "severity"),
                QueryParams.enumValue(FindingCode.class, code, "code"),
                QueryParams.stripped(owner))));
    }
}
