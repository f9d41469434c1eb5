package dev.watershed.adapter.cli;

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
 * What {@code apply} would change in the registry, changing nothing: the registry's own dry run of the whole plan,
 * so it refuses here exactly what apply would. Exit 1 when a change would be refused.
 */
@Command(
        name = "plan",
        description = "Show what apply would change: teams, assets, metadata, contract versions"
                + " with their bump, dependencies, assets no file declares. Exit 1 when the registry"
                + " would refuse a change.")
final class PlanCommand extends ReportingCommand {

    @Mixin
    RegistryOptions registry;

    @Option(names = "--prune", description = "Show the removal of assets no file declares, as apply --prune does")
    boolean prune;

    @Parameters(
            paramLabel = "PATH",
            arity = "0..*",
            defaultValue = "contracts",
            description = "Contract files or directories (default: ${DEFAULT-VALUE})")
    List<Path> paths;

    @Override
    Report report() {
        ContractFiles.Estate estate = ContractFiles.scan(contractPaths(paths));
        Report.Builder report = new Report.Builder("plan").emptyNote("No changes.");
        List<Report.Item> problems = Declarations.problemItems(estate.problems(), Report.Outcome.ERROR);
        problems.forEach(report::add);
        if (!problems.isEmpty()) {
            return report.build();
        }
        EstatePlanner.Outcome outcome = new EstatePlanner(registry.client()).send(estate, true, prune);
        items(outcome, prune, "would be refused: ").forEach(report::add);
        return report.build();
    }

    /** One item per team step, per asset with changes or refusals, per asset no file declares. */
    static List<Report.Item> items(EstatePlanner.Outcome outcome, boolean prune, String refusedPrefix) {
        List<Report.Item> items = new ArrayList<>();
        if (!outcome.teamSteps().isEmpty()) {
            items.add(Report.Item.passed(
                    "teams",
                    null,
                    1,
                    outcome.teamSteps().size() + " change"
                            + (outcome.teamSteps().size() == 1 ? "" : "s"),
                    outcome.teamSteps().stream().map(step -> "+ " + step).toList(),
                    null));
        }
        for (EstatePlanner.Target target : outcome.targets()) {
            if (target.changes() || target.refused()) {
                items.add(item(target, refusedPrefix));
            }
        }
        for (String name : outcome.notInFiles()) {
            String message = "not in the files: the registry has it and a team the files manage owns it; "
                    + (prune ? "--prune deletes it" : "apply --prune deletes it");
            items.add(new Report.Item(
                    name,
                    null,
                    1,
                    Report.Outcome.PASSED,
                    message,
                    List.of(),
                    List.of(new Report.Finding(Report.Severity.WARNING, null, 1, name + " is " + message)),
                    null));
        }
        return items;
    }

    static Report.Item item(EstatePlanner.Target target, String refusedPrefix) {
        ObjectNode data = Declarations.JSON.createObjectNode();
        data.set("changes", EstatePlanner.steps(target.steps()));
        if (target.verdict() != null) {
            data.set("contract", target.verdict());
        }
        List<String> details = new ArrayList<>();
        target.steps().forEach(step -> details.add("+ " + step));
        if (target.refused()) {
            // Each refusal is a finding, which every format prints at its line: not again as a detail.
            String first = target.errors().get(0).message();
            String summary = refusedPrefix
                    + (target.errors().size() == 1 ? first : target.errors().size() + " refusals");
            return new Report.Item(
                    target.name(),
                    target.file(),
                    target.errors().get(0).line(),
                    Report.Outcome.FAILED,
                    summary,
                    details,
                    target.errors(),
                    data);
        }
        String summary = target.steps().size() + " change" + (target.steps().size() == 1 ? "" : "s");
        return Report.Item.passed(target.name(), target.file(), target.line(), summary, details, data);
    }
}
