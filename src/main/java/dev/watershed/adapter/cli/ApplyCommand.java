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

/**
 * Makes the registry match the contract files, in dependency order, producers first. Idempotent: run twice, the
 * second run finds nothing to do and says "No changes.". An asset whose changes the registry would refuse (found
 * by the plan's dry runs) is left alone entirely and reported as failed; the others are applied.
 */
@Command(
        name = "apply",
        description = "Make the registry match the contract files (needs a token). Idempotent."
                + " Exit 1 when a change is refused.")
final class ApplyCommand extends ReportingCommand {

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
        RegistryClient client = registry.client();
        if (!client.hasToken()) {
            throw new CliException("apply changes the registry and needs a token: set --token or WATERSHED_TOKEN");
        }
        ContractFiles.Estate estate = ContractFiles.scan(paths);
        Report.Builder report = new Report.Builder("apply").emptyNote("No changes.");
        List<Report.Item> problems = Declarations.problemItems(estate.problems(), Report.Outcome.ERROR);
        problems.forEach(report::add);
        if (!problems.isEmpty()) {
            return report.build();
        }
        for (EstatePlanner.Target target : new EstatePlanner(client).plan(estate)) {
            if (target.refusal() != null) {
                report.add(PlanCommand.item(target));
            } else if (target.changes()) {
                report.add(apply(client, target));
            }
        }
        return report.build();
    }

    private static Report.Item apply(RegistryClient client, EstatePlanner.Target target) {
        List<String> done = new ArrayList<>();
        ObjectNode data = Declarations.JSON.createObjectNode();
        ArrayNode answers = data.putArray("changes");
        for (EstatePlanner.Step step : target.steps()) {
            RegistryClient.Reply reply = switch (step.method()) {
                case "POST" -> client.post(step.path(), step.body());
                case "PUT" -> client.put(step.path(), step.body());
                case "DELETE" -> client.delete(step.path());
                default -> throw new IllegalStateException("no such method: " + step.method());
            };
            answers.addObject()
                    .put("description", step.description())
                    .put("status", reply.status())
                    .set("answer", reply.body());
            if (!reply.ok()) {
                List<String> details = new ArrayList<>(done);
                details.add("! " + step.description() + ": " + reply.problem());
                return Report.Item.failed(
                        target.name(),
                        target.file(),
                        target.line(),
                        "failed to " + step.description() + ": " + reply.problem(),
                        details,
                        data);
            }
            done.add("+ " + step.description()
                    + (step.path().endsWith("/contracts") && reply.body().has("version")
                            ? " -> " + reply.body().path("version").asText()
                            : ""));
        }
        return Report.Item.passed(
                target.name(),
                target.file(),
                target.line(),
                "applied " + done.size() + " change" + (done.size() == 1 ? "" : "s"),
                done,
                data);
    }
}
