package dev.watershed.application.plan;

import dev.watershed.application.contract.PublishPlan;
import java.util.List;

/**
 * What a plan did (applied) or would do (dry run).
 *
 * @param applied    the changes are stored; false for a dry run
 * @param teamSteps  the teams created (or that would be)
 * @param notInFiles assets of the managed teams that the plan does not declare (removed when pruning)
 */
public record PlanResult(
        boolean applied,
        List<String> teamSteps,
        List<AssetOutcome> assets,
        List<String> notInFiles,
        List<PlanError> errors,
        List<String> notes) {

    /**
     * @param verdict the contract's verdict, judged after the plan's earlier steps; {@code null} without a contract
     */
    public record AssetOutcome(String asset, List<String> steps, PublishPlan verdict, List<PlanError> errors) {}
}
