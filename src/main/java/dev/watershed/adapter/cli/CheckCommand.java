package dev.watershed.adapter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watershed.domain.WatershedException;
import dev.watershed.domain.contract.CompatibilityMode;
import dev.watershed.domain.contract.SchemaFormat;
import dev.watershed.domain.contract.SchemaParser;
import dev.watershed.domain.declaration.ContractFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * A dry run of every contract file against the registry: the verdict under the asset's mode, the differences and
 * who they impact. Fails (exit 1) on a change that breaks the asset's mode or breaks a field a consumer reads.
 */
@Command(
        name = "check",
        description = "Dry-run contract files against the registry: verdict, differences and"
                + " impacted consumers. Exit 1 when a change breaks its mode or a consumer.")
final class CheckCommand extends ReportingCommand {

    @Mixin
    RegistryOptions registry;

    @Parameters(
            paramLabel = "PATH",
            arity = "0..*",
            defaultValue = "contracts",
            description = "Contract files or directories (default: ${DEFAULT-VALUE})")
    List<Path> paths;

    /** Made when a command runs, not when picocli builds the command tree, which {@code --version} also does. */
    private SchemaParser parser;

    @Override
    Report report() {
        parser = new SchemaParser(256);
        ContractFiles.Estate estate = ContractFiles.scan(paths);
        RegistryClient client = registry.client();
        Report.Builder report = new Report.Builder("check").emptyNote("No contract files found.");
        Declarations.problemItems(estate.problems(), Report.Outcome.ERROR).forEach(report::add);
        for (ContractFiles.AssetFile file : estate.assets()) {
            report.add(check(client, file));
        }
        return report.build();
    }

    private Report.Item check(RegistryClient client, ContractFiles.AssetFile file) {
        String name = file.name();
        int line = file.lineOf("/contract");
        if (!Declarations.hasContract(file)) {
            return Report.Item.passed(name, file.path(), file.lineOf("/name"), "declares no contract", List.of(), null);
        }
        ObjectNode request = Declarations.contractRequest(file);
        RegistryClient.Reply reply = client.post("/api/v1/assets/" + name + "/contracts?dryRun=true", request);
        if (reply.status() == 404 && "ASSET_NOT_FOUND".equals(reply.code())) {
            return newAsset(file, line);
        }
        if (!reply.ok()) {
            return Report.Item.failed(
                    name, file.path(), lineOf(file, reply.body()), reply.problem(), List.of(), reply.body());
        }
        JsonNode verdict = reply.body();
        String mode = verdict.path("mode").asText();
        if (verdict.path("unchanged").asBoolean()) {
            return Report.Item.passed(
                    name,
                    file.path(),
                    line,
                    "unchanged (" + verdict.path("latestVersion").asText() + ")",
                    List.of(),
                    verdict);
        }
        List<String> details = new ArrayList<>();
        verdict.path("differences").forEach(difference -> details.add(Differences.describe(difference)));
        JsonNode impacted = verdict.has("impacted") ? verdict.get("impacted") : impacted(client, name, verdict);
        impacted.forEach(consumer -> details.add(Differences.describeImpacted(consumer)));
        ObjectNode data = verdict.deepCopy();
        data.set("impacted", impacted);
        boolean compatible = verdict.path("compatible").asBoolean();
        String change = "would be " + verdict.path("version").asText()
                + (verdict.hasNonNull("bump")
                        ? " (" + verdict.path("bump").asText() + " from "
                                + verdict.path("latestVersion").asText() + ")"
                        : "");
        if (!compatible) {
            long breaking = countBreaking(verdict, mode);
            return Report.Item.failed(
                    name,
                    file.path(),
                    line,
                    "breaking under " + mode + ": " + breaking
                            + " breaking difference" + (breaking == 1 ? "" : "s") + ", " + impacted.size()
                            + " impacted consumer" + (impacted.size() == 1 ? "" : "s") + "; " + change,
                    details,
                    data);
        }
        if (!impacted.isEmpty()) {
            return Report.Item.failed(
                    name,
                    file.path(),
                    line,
                    "compatible under " + mode + " but breaks fields " + impacted.size() + " consumer"
                            + (impacted.size() == 1 ? "" : "s") + " read; " + change,
                    details,
                    data);
        }
        return Report.Item.passed(name, file.path(), line, "compatible under " + mode + ", " + change, details, data);
    }

    /** An asset the registry does not know yet: its schema is checked here, and it would start at 1.0.0. */
    private Report.Item newAsset(ContractFiles.AssetFile file, int line) {
        JsonNode contract = file.declaration().path("contract");
        try {
            parser.parse(SchemaFormat.valueOf(contract.path("format").asText()), file.schema(), "/schema");
        } catch (WatershedException invalid) {
            return Report.Item.failed(file.name(), file.path(), line, invalid.getMessage(), List.of(), null);
        }
        String version = contract.path("version").asText("1.0.0");
        return Report.Item.passed(file.name(), file.path(), line, "new asset, would be " + version, List.of(), null);
    }

    /**
     * Who reads what the change breaks: the registry's impact of the paths of every difference that breaks either
     * direction. The registry's dry run may list them itself ({@code impacted}); this is for registries that don't.
     */
    private static JsonNode impacted(RegistryClient client, String name, JsonNode verdict) {
        Set<String> paths = new LinkedHashSet<>();
        boolean root = false;
        for (JsonNode difference : verdict.path("differences")) {
            if (Differences.breaks(difference)) {
                String path = difference.path("path").asText();
                root |= path.isEmpty();
                paths.add(path);
            }
        }
        if (paths.isEmpty()) {
            return Declarations.JSON.createArrayNode();
        }
        // A change at the root touches every field: ask for the impact of any change.
        String query = root ? "" : "?fields=" + RegistryClient.encode(String.join(",", paths));
        RegistryClient.Reply reply = client.get("/api/v1/assets/" + name + "/impact" + query);
        if (!reply.ok()) {
            throw new CliException("the impact of " + name + " could not be read: " + reply.problem());
        }
        JsonNode impacted = reply.body().path("impacted");
        return impacted.isArray() ? impacted : Declarations.JSON.createArrayNode();
    }

    private static long countBreaking(JsonNode verdict, String mode) {
        CompatibilityMode checked = CompatibilityMode.valueOf(mode);
        boolean backward = checked.checksBackward();
        boolean forward = checked.checksForward();
        long count = 0;
        for (JsonNode difference : verdict.path("differences")) {
            if (backward && difference.path("breaksBackward").asBoolean()
                    || forward && difference.path("breaksForward").asBoolean()) {
                count++;
            }
        }
        return count;
    }

    /** A problem pointing into the request ({@code /fields/~1x}) is reported at that line of the file. */
    static int lineOf(ContractFiles.AssetFile file, JsonNode problem) {
        String pointer = problem.path("pointer").asText("");
        if (pointer.startsWith("/fields")) {
            return file.lineOf(pointer);
        }
        if (pointer.startsWith("/schema")) {
            return file.lineOf("/contract/schema");
        }
        return file.lineOf("/contract");
    }
}
