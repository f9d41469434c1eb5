package dev.watershed.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watershed.application.asset.AssetDraft;
import dev.watershed.application.plan.EstatePlan;
import dev.watershed.domain.InvalidInputException;
import dev.watershed.domain.asset.AssetKind;
import dev.watershed.domain.asset.Criticality;
import dev.watershed.domain.contract.CompatibilityMode;
import dev.watershed.domain.contract.SchemaFormat;
import dev.watershed.domain.graph.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The body of {@code POST /api/v1/plans}: the estate contract files declare, in the single endpoints' shapes. */
public final class PlanRequests {

    private PlanRequests() {}

    /** Teams, then assets, each with its metadata, contract and dependencies. */
    public record PlanRequest(List<TeamResource.TeamRequest> teams, List<PlanAsset> assets) {

        EstatePlan toPlan(boolean prune) {
            if (assets == null) {
                throw new InvalidInputException("/assets", "assets is required: a list, empty for none");
            }
            List<EstatePlan.TeamSpec> teamSpecs = new ArrayList<>();
            List<TeamResource.TeamRequest> declaredTeams = teams == null ? List.of() : teams;
            for (int i = 0; i < declaredTeams.size(); i++) {
                TeamResource.TeamRequest team = declaredTeams.get(i);
                if (team == null || team.name() == null || team.name().isBlank()) {
                    throw new InvalidInputException("/teams/" + i + "/name", "each team needs a name");
                }
                teamSpecs.add(new EstatePlan.TeamSpec(team.name(), team.email(), team.webhook()));
            }
            List<EstatePlan.AssetSpec> assetSpecs = new ArrayList<>();
            for (int i = 0; i < assets.size(); i++) {
                PlanAsset asset = assets.get(i);
                if (asset == null || asset.name() == null || asset.name().isBlank()) {
                    throw new InvalidInputException("/assets/" + i + "/name", "each asset needs a name");
                }
                assetSpecs.add(asset.toSpec("/assets/" + i));
            }
            return new EstatePlan(teamSpecs, assetSpecs, prune);
        }
    }

    /** An asset's metadata as {@code POST /api/v1/assets} takes it, with its contract and what it reads. */
    public record PlanAsset(
            String name,
            AssetKind kind,
            String owner,
            String description,
            List<String> tags,
            Criticality criticality,
            CompatibilityMode compatibility,
            Boolean strictCompatibility,
            String replicaOf,
            List<String> subjects,
            List<AssetResource.LineageIdBody> lineageIds,
            PlanContract contract,
            List<PlanDependency> dependsOn) {

        EstatePlan.AssetSpec toSpec(String pointer) {
            AssetDraft draft = new AssetDraft(
                    name,
                    kind,
                    owner,
                    description,
                    tags,
                    criticality,
                    compatibility,
                    strictCompatibility,
                    replicaOf,
                    subjects,
                    AssetResource.LineageIdBody.toDrafts(lineageIds));
            List<EstatePlan.DependencySpec> dependencies = new ArrayList<>();
            List<PlanDependency> declared = dependsOn == null ? List.of() : dependsOn;
            for (int d = 0; d < declared.size(); d++) {
                PlanDependency dependency = declared.get(d);
                if (dependency == null
                        || dependency.asset() == null
                        || dependency.asset().isBlank()) {
                    throw new InvalidInputException(
                            pointer + "/dependsOn/" + d + "/asset", "each dependency names its producer in asset");
                }
                dependencies.add(new EstatePlan.DependencySpec(dependency.asset(), dependency.toDraft()));
            }
            return new EstatePlan.AssetSpec(
                    draft, contract == null ? null : contract.request().toDomain(), dependencies);
        }
    }

    /**
     * A contract as {@code POST /api/v1/assets/{name}/contracts} takes it.
     *
     * @param breakingChange the file's acknowledgement of a breaking change, passed on as the contract request has it
     */
    public record PlanContract(
            SchemaFormat format,
            JsonNode schema,
            String version,
            String changelog,
            Map<String, ContractResource.FieldMetadataRequest> fields,
            BreakingChangeRequest breakingChange) {

        ContractResource.ContractRequest request() {
            return new ContractResource.ContractRequest(format, schema, version, changelog, fields, breakingChange);
        }
    }

    /** A dependency as {@code PUT /api/v1/assets/{consumer}/dependencies/{producer}} takes it, naming the producer. */
    public record PlanDependency(
            String asset,
            String versionRange,
            List<String> fields,
            Usage usage,
            String note,
            String splitKey,
            List<String> targetFields,
            DependencyResource.CostBody cost,
            DependencyResource.BenefitBody benefit) {

        dev.watershed.application.dependency.DependencyDraft toDraft() {
            return new DependencyResource.DependencyRequest(
                            versionRange, fields, usage, note, splitKey, targetFields, cost, benefit)
                    .toDraft();
        }
    }
}
