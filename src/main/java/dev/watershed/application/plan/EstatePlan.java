package dev.watershed.application.plan;

import dev.watershed.application.asset.AssetDraft;
import dev.watershed.application.contract.PublishRequest;
import dev.watershed.application.dependency.DependencyDraft;
import java.util.List;

/**
 * The whole estate some contract files declare, to be compared with the registry and applied in one go.
 *
 * @param prune remove the assets of the managed teams that the plan does not declare
 */
public record EstatePlan(List<TeamSpec> teams, List<AssetSpec> assets, boolean prune) {

    public record TeamSpec(String name, String email, String webhook) {}

    /**
     * @param contract  the contract the asset should have, or {@code null} for none
     * @param dependsOn every producer the asset reads: the files are the truth, so others are removed
     */
    public record AssetSpec(AssetDraft asset, PublishRequest contract, List<DependencySpec> dependsOn) {}

    public record DependencySpec(String producer, DependencyDraft draft) {}
}
