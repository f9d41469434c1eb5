package dev.watershed.adapter.rest;

import dev.watershed.application.plan.PlanError;
import dev.watershed.application.plan.PlanResult;
import dev.watershed.application.plan.PlanService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plans")
public class PlanResource {

    /**
     * @param applied    true when the plan was stored, false for a dry run
     * @param teams      the teams created (or that would be)
     * @param notInFiles the managed teams' assets the plan does not declare (deleted by {@code prune=true})
     * @param errors     every refusal, as apply gives it; empty when the plan applies
     * @param notes      what the reader should know, such as which team's token applying needs
     */
    public record PlanResponse(
            boolean applied,
            List<String> teams,
            List<AssetPlanResponse> assets,
            List<String> notInFiles,
            List<PlanError> errors,
            List<String> notes) {

        static PlanResponse of(PlanResult result) {
            return new PlanResponse(
                    result.applied(),
                    result.teamSteps(),
                    result.assets().stream().map(AssetPlanResponse::of).toList(),
                    result.notInFiles(),
                    result.errors(),
                    result.notes());
        }
    }

    /**
     * @param steps    the changes made (or that would be), in order; empty when the registry already matches
     * @param contract the contract's verdict judged after the plan's earlier steps; {@code null} without a contract
     *                 or when the asset itself was refused
     */
    public record AssetPlanResponse(
            String asset, List<String> steps, ContractResource.DryRunResponse contract, List<PlanError> errors) {

        static AssetPlanResponse of(PlanResult.AssetOutcome outcome) {
            return new AssetPlanResponse(
                    outcome.asset(),
                    outcome.steps(),
                    outcome.verdict() == null ? null : ContractResource.DryRunResponse.of(outcome.verdict()),
                    outcome.errors());
        }
    }

    private final PlanService plans;
    private final RequestCaller caller;
    private final ComputeBudgets budgets;

    public PlanResource(PlanService plans, RequestCaller caller, ComputeBudgets budgets) {
        this.plans = plans;
        this.caller = caller;
        this.budgets = budgets;
    }

    @POST
    @Operation(
            summary = "Apply the estate contract files declare, all or nothing, or judge it with dryRun=true",
            description = "Apply (a token needed): 200 when every change was stored in one transaction; 409"
                    + " PLAN_REFUSED listing every refusal when any change is refused, and then nothing is stored."
                    + " With dryRun=true (no token needed): 200 with the steps, each contract's verdict and every"
                    + " refusal apply would give, nothing stored. prune=true deletes the managed teams' assets the"
                    + " plan does not declare.")
    public PlanResponse apply(
            @QueryParam("dryRun") String dryRun, @QueryParam("prune") String prune, PlanRequests.PlanRequest request) {
        var plan = RequestBodies.require(request).toPlan(QueryParams.booleanValue(prune, "prune"));
        boolean dry = QueryParams.booleanValue(dryRun, "dryRun");
        return PlanResponse.of(budgets.within(budget -> plans.run(caller.get(), plan, dry, budget)));
    }
}
