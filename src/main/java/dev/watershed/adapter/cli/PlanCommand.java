package dev.watershed.adapter.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watershed.domain.declaration.ContractFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** What {@code apply} would change in the registry, changing nothing. Exit 1 when a change would be refused. */
@Command(
        name = "plan",
        description = "Show what apply would change: teams, assets, metadata, contract versions"
                + " with their bump, dependencies. Exit 1 when the registry would refuse a change.")
final class PlanCommand extends ReportingCommand {

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
        ContractFiles.Estate estate = ContractFiles.scan(paths);
        Report.Builder report = new Report.Builder("plan").emptyNote("No changes.");
        List<Report.Item> problems = Declarations.problemItems(estate.problems(), Report.Outcome.ERROR);
        problems.forEach(report::add);
        if (!problems.isEmpty()) {
            return report.build();
        }
        for (EstatePlanner.Target target : new EstatePlanner(registry.client()).plan(estate)) {
            if (target.changes() || target.refusal() != null || !target.notes().isEmpty()) {
                report.add(item(target));
            }
        }
        return report.build();
    }

    static Report.Item item(EstatePlanner.Target target) {
        List<String> details = new ArrayList<>();
        ObjectNode data = Declarations.JSON.createObjectNode();
        ArrayNode steps = data.putArray("changes");
        for (EstatePlanner.Step step : target.steps()) {
            details.add("+ " + step.description());
            steps.addObject()
                    .put("description", step.description())
                    .put("method", step.method())
                    .put("path", step.path())
                    .set("body", step.body());
        }
        target.notes().forEach(note -> details.add("note: " + note));
        if (target.refusal() != null) {
            return Report.Item.failed(
                    target.name(),
                    target.file(),
                    target.line(),
                    "would be refused: " + target.refusal(),
                    details,
                    data);
        }
        String summary = target.steps().isEmpty()
                ? "no changes"
                : target.steps().size() + " change" + (target.steps().size() == 1 ? "" : "s");
        return new Report.Item(
                target.name(),
                target.file(),
                target.line(),
                Report.Outcome.PASSED,
                summary,
                details,
                target.notes().stream()
                        .map(note -> new Report.Finding(Report.Severity.WARNING, target.file(), target.line(), note))
                        .toList(),
                data);
    }
}
