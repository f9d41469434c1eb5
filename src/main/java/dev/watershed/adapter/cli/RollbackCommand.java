package dev.watershed.adapter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watershed.domain.declaration.ContractFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Republishes a stored contract version's schema as the asset's new latest version, through
 * {@code POST /api/v1/assets/{name}/rollback}; with {@code --dry-run}, only shows what that would do.
 */
@Command(
        name = "rollback",
        description = "Republish a stored contract version's schema as the asset's new latest"
                + " version (needs a token, except with --dry-run; --force needs an admin token either way). Exit 1 when the"
                + " registry refuses it.")
final class RollbackCommand extends ReportingCommand {

    @Mixin
    RegistryOptions registry;

    @Parameters(index = "0", paramLabel = "ASSET", description = "The asset whose contract to roll back")
    String asset;

    @Option(names = "--to", required = true, paramLabel = "VERSION", description = "The stored version to go back to")
    String to;

    @Option(
            names = "--force",
            description = "Roll back even when that breaks the asset's compatibility mode, as"
                    + " the next major version (admin token only)")
    boolean force;

    @Option(names = "--dry-run", description = "Show the version, differences and impact; change nothing")
    boolean dryRun;

    @Option(names = "--changelog", paramLabel = "TEXT", description = "Why (default: names the versions involved)")
    String changelog;

    @Parameters(
            index = "1..*",
            arity = "0..*",
            paramLabel = "PATH",
            defaultValue = "contracts",
            description = "Contract files or directories, to name the file to change afterwards (default:"
                    + " ${DEFAULT-VALUE})")
    List<Path> paths;

    @Override
    Report report() {
        RegistryClient client = registry.client();
        if (!dryRun && !client.hasToken()) {
            throw new CliException("rollback changes the registry and needs a token: set --token or WATERSHED_TOKEN,"
                    + " or look first with --dry-run");
        }
        ObjectNode body = Declarations.JSON.createObjectNode().put("to", to).put("force", force);
        if (changelog != null) {
            body.put("changelog", changelog);
        }
        RegistryClient.Reply reply = client.post(
                "/api/v1/assets/" + RegistryClient.encode(asset) + "/rollback" + (dryRun ? "?dryRun=true" : ""), body);
        Report.Builder report = new Report.Builder("rollback");
        JsonNode answer = reply.body();
        List<String> details = details(answer);
        if (!reply.ok()) {
            return report.add(Report.Item.failed(asset, null, 0, "refused: " + reply.problem(), details, answer))
                    .build();
        }
        Report.Finding fileChange = fileChange(answer.path("rolledBackTo").asText());
        if (!dryRun) {
            return report.add(new Report.Item(
                            asset,
                            null,
                            0,
                            Report.Outcome.PASSED,
                            "published " + answer.path("version").asText() + " with the schema of "
                                    + answer.path("rolledBackTo").asText(),
                            details,
                            List.of(fileChange),
                            answer))
                    .build();
        }
        String plan = "would publish the schema of "
                + answer.path("rolledBackTo").asText() + " as "
                + answer.path("version").asText() + " (" + answer.path("bump").asText() + ", replacing "
                + answer.path("latestVersion").asText() + ")";
        if (answer.path("compatible").asBoolean() || answer.path("forced").asBoolean()) {
            String summary = answer.path("compatible").asBoolean()
                    ? plan
                    : plan + ", forced over the " + answer.path("mode").asText() + " mode";
            Report.Finding afterwards = new Report.Finding(
                    fileChange.severity(),
                    fileChange.file(),
                    fileChange.line(),
                    "after the rollback, " + fileChange.message());
            return report.add(new Report.Item(
                            asset, null, 0, Report.Outcome.PASSED, summary, details, List.of(afterwards), answer))
                    .build();
        }
        return report.add(Report.Item.failed(
                        asset,
                        null,
                        0,
                        "would be refused: going back to "
                                + answer.path("rolledBackTo").asText() + " breaks the "
                                + answer.path("mode").asText()
                                + " mode; an admin may roll back with --force",
                        details,
                        answer))
                .build();
    }

    /**
     * What to change in the contract files so that the next plan keeps the rollback, in the words of the plan's
     * REGISTRY_ROLLED_BACK refusal (application.plan.RollbackAsCode), at the asset's file when the paths have it.
     */
    private Report.Finding fileChange(String restored) {
        String put = "put " + restored + "'s schema (GET /api/v1/assets/" + RegistryClient.encode(asset) + "/contracts/"
                + RegistryClient.encode(restored) + "/schema) in ";
        String otherwise = "; otherwise the next plan refuses the file with REGISTRY_ROLLED_BACK rather than publish"
                + " the schema that was rolled back again";
        ContractFiles.AssetFile file = ContractFiles.scan(paths).assets().stream()
                .filter(declared -> declared.name().equals(asset))
                .findFirst()
                .orElse(null);
        if (file == null) {
            return new Report.Finding(Report.Severity.NOTICE, null, 0, put + "the asset's contract file" + otherwise);
        }
        JsonNode schemaFile = file.declaration().path("contract").path("schemaFile");
        if (schemaFile.isTextual()) {
            Path schema = file.path().resolveSibling(schemaFile.asText()).normalize();
            return new Report.Finding(
                    Report.Severity.NOTICE,
                    file.path(),
                    file.lineOf("/contract/schemaFile"),
                    put + ReportWriter.display(schema) + ", the contract.schemaFile of "
                            + ReportWriter.display(file.path()) + otherwise);
        }
        return new Report.Finding(
                Report.Severity.NOTICE,
                file.path(),
                file.lineOf("/contract/schema"),
                put + "contract.schema of " + ReportWriter.display(file.path()) + otherwise);
    }

    private static List<String> details(JsonNode answer) {
        List<String> details = new ArrayList<>();
        answer.path("differences").forEach(difference -> details.add(Differences.describe(difference)));
        answer.path("impacted").forEach(impacted -> details.add(Differences.describeImpacted(impacted)));
        return details;
    }
}
