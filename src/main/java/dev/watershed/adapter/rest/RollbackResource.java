package dev.watershed.adapter.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watershed.adapter.rest.ContractResource.ContractResponse;
import dev.watershed.application.contract.ContractService;
import dev.watershed.application.contract.DifferenceView;
import dev.watershed.application.contract.ImpactView;
import dev.watershed.application.contract.PublishPlan;
import dev.watershed.application.contract.RollbackPlan;
import dev.watershed.application.contract.RollbackRequest;
import dev.watershed.domain.contract.CompatibilityMode;
import dev.watershed.domain.contract.Contract;
import dev.watershed.domain.contract.VersionBump;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/assets/{name}/rollback")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Contracts")
public class RollbackResource {

    /** @param force publish even when going back breaks the asset's mode (admins only): as the next major */
    public record RollbackBody(String to, String changelog, Boolean force) {

        RollbackRequest toDomain() {
            return new RollbackRequest(to, changelog, Boolean.TRUE.equals(force));
        }
    }

    /**
     * The outcome of a rollback dry run, shaped like the publish dry run's.
     *
     * @param latestVersion the version the rollback would replace
     * @param version       the version it would publish
     * @param forced        it breaks the asset's mode and {@code force} overrides that
     */
    public record RollbackDryRunResponse(
            String asset,
            String rolledBackTo,
            boolean compatible,
            boolean forced,
            CompatibilityMode mode,
            String latestVersion,
            String version,
            VersionBump bump,
            List<DifferenceView> differences,
            List<ImpactView> impacted) {

        static RollbackDryRunResponse of(RollbackPlan rollback) {
            PublishPlan plan = rollback.publish();
            return new RollbackDryRunResponse(
                    plan.asset(),
                    rollback.rolledBackTo().toString(),
                    plan.compatible(),
                    rollback.forced(),
                    plan.verdict().mode(),
                    rollback.replacedVersion().toString(),
                    plan.version().toString(),
                    plan.bump().orElse(null),
                    plan.differences(),
                    plan.impacted());
        }
    }

    private final ContractService contracts;
    private final RequestCaller caller;
    private final ObjectMapper json;
    private final ComputeBudgets budgets;

    public RollbackResource(
            ContractService contracts, RequestCaller caller, ObjectMapper json, ComputeBudgets budgets) {
        this.contracts = contracts;
        this.caller = caller;
        this.json = json;
        this.budgets = budgets;
    }

    @POST
    @Operation(
            summary = "Republish a stored version's schema as the new latest version, or plan it with dryRun=true",
            description = "201 with the new version, which records rolledBackTo; 409 INCOMPATIBLE_SCHEMA when going"
                    + " back breaks the asset's compatibility mode (an admin may pass force: true, which publishes"
                    + " the next major); 409 ROLLBACK_TO_LATEST_SCHEMA when that schema is already the latest;"
                    + " 404 for an unknown version. With dryRun=true: 200 with the plan, nothing stored.")
    public Response rollback(@PathParam("name") String name, @QueryParam("dryRun") String dryRun, RollbackBody body) {
        RollbackRequest request = RequestBodies.require(body).toDomain();
        if (QueryParams.booleanValue(dryRun, "dryRun")) {
            return Response.ok(RollbackDryRunResponse.of(
                            budgets.within(budget -> contracts.planRollback(caller.get(), name, request, budget))))
                    .build();
        }
        Contract contract = budgets.within(budget -> contracts.rollback(caller.get(), name, request, budget));
        return Response.created(URI.create("/api/v1/assets/" + name + "/contracts/" + contract.version()))
                .entity(ContractResponse.of(contract, json))
                .build();
    }
}
