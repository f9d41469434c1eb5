package dev.watershed.adapter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The estate's ML data health findings ({@code GET /api/v1/findings}, or {@code /assets/{name}/findings}), one item
 * per finding. Exit 1 when any finding is at or above {@code --fail-on}.
 */
@Command(
        name = "findings",
        description = "List ML data health findings (leakage, splits, replicas, churn, unused)"
                + " of the estate, an asset or a team. Exit 1 when any is at or above --fail-on.")
final class FindingsCommand extends ReportingCommand {

    /** The least severe finding that fails the command, most severe first as the registry orders severities. */
    enum FailOn {
        ERROR,
        WARNING,
        INFO,
        NONE
    }

    @Mixin
    RegistryOptions registry;

    @Option(
            names = "--asset",
            paramLabel = "NAME",
            description = "Findings to act on at this asset or whose path passes through it")
    String asset;

    @Option(names = "--owner", paramLabel = "TEAM", description = "Findings to act on at this team's assets")
    String owner;

    @Option(
            names = "--fail-on",
            paramLabel = "SEVERITY",
            defaultValue = "ERROR",
            description = "${COMPLETION-CANDIDATES}: fail on findings this severe or worse; NONE never fails"
                    + " (default: ${DEFAULT-VALUE})")
    FailOn failOn;

    @Override
    Report report() {
        RegistryClient client = registry.client();
        List<JsonNode> findings = new ArrayList<>();
        if (owner != null) {
            // The registry answers an unknown owner with no findings; in CI a misspelt team must not pass silently.
            RegistryClient.Reply team = client.get("/api/v1/teams/" + RegistryClient.encode(owner));
            if (!team.ok()) {
                throw new CliException("--owner " + owner + ": " + team.problem());
            }
            findings.addAll(list(client, "/api/v1/findings?owner=" + RegistryClient.encode(owner)));
        }
        if (asset != null) {
            List<JsonNode> ofAsset = list(client, "/api/v1/assets/" + RegistryClient.encode(asset) + "/findings");
            if (owner != null) {
                findings.retainAll(ofAsset);
            } else {
                findings.addAll(ofAsset);
            }
        }
        if (owner == null && asset == null) {
            findings.addAll(list(client, "/api/v1/findings"));
        }
        Report.Builder report = new Report.Builder("findings").emptyNote("No findings.");
        findings.forEach(finding -> report.add(item(finding)));
        return report.build();
    }

    private static List<JsonNode> list(RegistryClient client, String path) {
        RegistryClient.Reply reply = client.get(path);
        if (!reply.ok()) {
            throw new CliException("the registry could not list findings: " + reply.problem());
        }
        List<JsonNode> findings = new ArrayList<>();
        reply.body().path("findings").forEach(findings::add);
        return findings;
    }

    private Report.Item item(JsonNode finding) {
        String severity = finding.path("severity").asText();
        String summary = severity + " " + finding.path("code").asText() + ": "
                + finding.path("title").asText();
        List<String> details = new ArrayList<>();
        details.add(finding.path("detail").asText());
        List<String> path = new ArrayList<>();
        finding.path("path").forEach(step -> path.add(step.asText()));
        if (!path.isEmpty()) {
            details.add("path: " + String.join(" -> ", path));
        }
        List<String> fields = new ArrayList<>();
        finding.path("fields").forEach(field -> fields.add(field.asText()));
        if (!fields.isEmpty()) {
            details.add("fields: " + String.join(", ", fields));
        }
        details.add("remedy: " + finding.path("remedy").asText());
        String name = finding.path("asset").asText();
        if (fails(severity)) {
            return Report.Item.failed(name, null, 0, summary, details, finding);
        }
        Report.Severity annotation = switch (severity) {
            case "ERROR" -> Report.Severity.ERROR;
            case "WARNING" -> Report.Severity.WARNING;
            default -> Report.Severity.NOTICE;
        };
        return new Report.Item(
                name,
                null,
                0,
                Report.Outcome.PASSED,
                summary,
                details,
                List.of(new Report.Finding(annotation, null, 0, summary)),
                finding);
    }

    /** Whether a finding of this severity is at or above {@code --fail-on}; a severity this CLI does not know fails. */
    private boolean fails(String severity) {
        if (failOn == FailOn.NONE) {
            return false;
        }
        for (FailOn level : FailOn.values()) {
            if (level.name().equals(severity)) {
                return level.ordinal() <= failOn.ordinal();
            }
        }
        return true;
    }
}
