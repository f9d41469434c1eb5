package dev.watershed.adapter.cli;

import dev.watershed.domain.declaration.ContractFiles;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Makes the registry match the contract files, all or nothing: the whole plan is sent once and applied in one
 * transaction. Idempotent: run twice, the second run finds nothing to do and says "No changes.". When the registry
 * refuses any change, nothing is applied and every refusal is reported at its file and line.
 */
@Command(
        name = "apply",
        description = "Make the registry match the contract files in one transaction, all or"
                + " nothing (needs a token). Idempotent. Exit 1 when a change is refused.")
final class ApplyCommand extends ReportingCommand {

    @Mixin
    RegistryOptions registry;

    @Option(
            names = "--prune",
            description = "Also delete the assets no file declares, owned by the teams the files manage;"
                    + " refused (and nothing applied) while other assets read one")
    boolean prune;

    @Parameters(
            paramLabel = "PATH",
            arity = "0..*",
            defaultValue = "contracts",
            description = "Contract files or directories (default: ${DEFAULT-VALUE})")
    List<Path> paths;

    @Override
    Report report() {
        RegistryClient client = registry.client();
        if (!client.hasToken()) {
            throw new CliException("apply changes the registry and needs a token: set --token or WATERSHED_TOKEN");
        }
        ContractFiles.Estate estate = ContractFiles.scan(contractPaths(paths));
        Report.Builder report = new Report.Builder("apply").emptyNote("No changes.");
        List<Report.Item> problems = Declarations.problemItems(estate.problems(), Report.Outcome.ERROR);
        problems.forEach(report::add);
        if (!problems.isEmpty()) {
            return report.build();
        }
        EstatePlanner.Outcome outcome = new EstatePlanner(client).send(estate, false, prune);
        List<Report.Item> items =
                PlanCommand.items(outcome, prune, outcome.refused() ? "refused, nothing applied: " : "");
        items.stream()
                .map(item -> item.outcome() == Report.Outcome.PASSED
                                && item.summary().matches("\\d+ changes?")
                        ? new Report.Item(
                                item.name(),
                                item.file(),
                                item.line(),
                                item.outcome(),
                                "applied " + item.summary(),
                                item.details(),
                                item.findings(),
                                item.data())
                        : item)
                .forEach(report::add);
        return report.build();
    }
}
