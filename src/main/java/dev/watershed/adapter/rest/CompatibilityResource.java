package dev.watershed.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watershed.application.contract.CompatibilityService;
import dev.watershed.application.contract.DifferenceView;
import dev.watershed.application.contract.ImpactView;
import dev.watershed.domain.contract.CompatibilityMode;
import dev.watershed.domain.contract.DialectSource;
import dev.watershed.domain.contract.SchemaFormat;
import dev.watershed.domain.contract.VersionBump;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/compatibility")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Compatibility")
public class CompatibilityResource {

    /**
     * @param previous earlier versions, oldest first
     * @param asset    optional: a registered asset whose consumers the breaking differences would impact
     */
    public record CompatibilityRequest(
            SchemaFormat format,
            CompatibilityMode mode,
            Boolean strict,
            JsonNode schema,
            List<JsonNode> previous,
            String asset) {}

    /**
     * @param bump     the smallest version bump the change from the latest previous version needs
     * @param impacted consumers of {@code asset} that read a field some difference breaks; empty without an asset
     * @param dialect  the JSON Schema dialect URI {@code schema} was read as; {@code null} for Avro
     * @param dialectSource {@code DECLARED} when {@code schema} names it with {@code $schema}, else {@code DETECTED};
     *                 {@code null} for Avro
     */
    public record CompatibilityResponse(
            boolean compatible,
            CompatibilityMode mode,
            VersionBump bump,
            List<DifferenceView> differences,
            List<ImpactView> impacted,
            String dialect,
            DialectSource dialectSource) {}

    private final CompatibilityService compatibility;
    private final ComputeBudgets budgets;

    public CompatibilityResource(CompatibilityService compatibility, ComputeBudgets budgets) {
        this.compatibility = compatibility;
        this.budgets = budgets;
    }

    @POST
    @Operation(summary = "Check a schema against earlier versions without registering anything")
    public CompatibilityResponse check(CompatibilityRequest request) {
        RequestBodies.require(request);
        CompatibilityService.StatelessVerdict result = budgets.within(budget -> compatibility.check(
                request.format(),
                request.mode(),
                Boolean.TRUE.equals(request.strict()),
                request.schema(),
                request.previous(),
                request.asset(),
                budget));
        return new CompatibilityResponse(
                result.verdict().compatible(),
                result.verdict().mode(),
                result.verdict().requiredBump().orElse(null),
                result.differences(),
                result.impacted(),
                result.dialect(),
                result.dialectSource());
    }
}
