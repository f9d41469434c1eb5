package dev.watershed.adapter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watershed.domain.contract.CompatibilityMode;
import dev.watershed.domain.declaration.ContractFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * A dry run of the whole plan the contract files make (the registry's {@code POST /api/v1/plans?dryRun=true}, the
 * same as {@code plan}'s): every refusal apply would give at its file and line, and each contract's verdict under
 * its mode as it will be after the plan's earlier steps, the differences (breaking ones at the schema file's line)
 * and who they impact. Fails (exit 1) on a change that breaks the asset's mode or breaks a field a consumer reads.
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

    @Override
    Report report() {
        ContractFiles.Estate estate = ContractFiles.scan(contractPaths(paths));
        Report.Builder report = new Report.Builder("check").emptyNote("No contract files found.");
        List<Report.Item> problems = Declarations.problemItems(estate.problems(), Report.Outcome.ERROR);
        problems.forEach(report::add);
        if (estate.assets().isEmpty()) {
            return report.build();
        }
        // One dry run of the whole plan: what apply would refuse fails here, with apply's own words.
        EstatePlanner.Outcome outcome = new EstatePlanner(registry.client()).send(estate, true, false);
        Map<String, ContractFiles.AssetFile> files = new HashMap<>();
        estate.assets().forEach(file -> files.put(file.name(), file));
        for (EstatePlanner.Target target : outcome.targets()) {
            ContractFiles.AssetFile file = files.get(target.name());
            if (file == null) {
                report.add(PlanCommand.item(target, ""));
            } else {
                report.add(check(file, target));
            }
        }
        return report.build();
    }

    private Report.Item check(ContractFiles.AssetFile file, EstatePlanner.Target target) {
        String name = file.name();
        int line = file.lineOf("/contract");
        List<Report.Finding> refusals = target.errors().stream()
                .filter(error -> !error.message().endsWith("(INCOMPATIBLE_SCHEMA)"))
                .toList();
        if (!refusals.isEmpty()) {
            // Each refusal is a finding, which every format prints at its line: not again as a detail.
            String summary = refusals.size() == 1 ? refusals.get(0).message() : refusals.size() + " refusals";
            return new Report.Item(
                    name,
                    file.path(),
                    refusals.get(0).line(),
                    Report.Outcome.FAILED,
                    summary,
                    List.of(),
                    refusals,
                    target.verdict());
        }
        JsonNode verdict = target.verdict();
        if (verdict == null) {
            return Report.Item.passed(name, file.path(), file.lineOf("/name"), "declares no contract", List.of(), null);
        }
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
        if (!verdict.hasNonNull("latestVersion")) {
            return Report.Item.passed(
                    name,
                    file.path(),
                    line,
                    "new asset, would be " + verdict.path("version").asText(),
                    List.of(),
                    verdict);
        }
        List<String> details = new ArrayList<>();
        verdict.path("differences").forEach(difference -> details.add(Differences.describe(difference)));
        JsonNode impacted = verdict.path("impacted");
        boolean acknowledged =
                verdict.path("breakingChange").path("acknowledged").asBoolean(false);
        impacted.forEach(consumer ->
                details.add((acknowledged ? "will be told: " : "") + Differences.describeImpacted(consumer)));
        boolean compatible = verdict.path("compatible").asBoolean();
        String change = "would be " + verdict.path("version").asText()
                + (verdict.hasNonNull("bump")
                        ? " (" + verdict.path("bump").asText() + " from "
                                + verdict.path("latestVersion").asText() + ")"
                        : "");
        if (acknowledged) {
            return Report.Item.passed(
                    name,
                    file.path(),
                    line,
                    "acknowledged breaking change under " + mode + "; " + impacted.size() + " impacted consumer"
                            + (impacted.size() == 1 ? "" : "s") + " will be told; " + change,
                    details,
                    verdict);
        }
        if (!compatible) {
            CompatibilityMode checked = CompatibilityMode.valueOf(mode);
            List<Report.Finding> findings = new ArrayList<>();
            for (JsonNode difference : verdict.path("differences")) {
                if (checked.checksBackward()
                                && difference.path("breaksBackward").asBoolean()
                        || checked.checksForward()
                                && difference.path("breaksForward").asBoolean()) {
                    findings.add(EstatePlanner.atSchema(file, difference, Report.Severity.ERROR));
                }
            }
            long breaking = findings.size();
            String summary = "breaking under " + mode + ": " + breaking
                    + " breaking difference" + (breaking == 1 ? "" : "s") + ", " + impacted.size()
                    + " impacted consumer" + (impacted.size() == 1 ? "" : "s") + "; " + change;
            findings.add(0, new Report.Finding(Report.Severity.ERROR, file.path(), line, summary));
            return new Report.Item(name, file.path(), line, Report.Outcome.FAILED, summary, details, findings, verdict);
        }
        if (!impacted.isEmpty()) {
            return Report.Item.failed(
                    name,
                    file.path(),
                    line,
                    "compatible under " + mode + " but breaks fields " + impacted.size() + " consumer"
                            + (impacted.size() == 1 ? "" : "s") + " read; " + change,
                    details,
                    verdict);
        }
        return Report.Item.passed(
                name, file.path(), line, "compatible under " + mode + ", " + change, details, verdict);
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
