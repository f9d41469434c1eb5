package dev.watershed.adapter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watershed.domain.declaration.ContractFiles;
import dev.watershed.domain.declaration.LocatedJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends the whole estate the contract files declare to the registry's plan endpoint once ({@code POST
 * /api/v1/plans}), as a dry run for {@code check} and {@code plan} or applied in one transaction for {@code apply},
 * and ties the answer back to the files: each refusal at the YAML line of the field or range it names, each
 * breaking difference at the schema file's line of the changed property.
 */
final class EstatePlanner {

    /**
     * The registry's answer for one team or asset.
     *
     * @param steps   the changes made or to make, in words
     * @param errors  every refusal, each at its place in the files
     * @param verdict the contract's dry-run verdict as the registry wrote it; null without a contract
     */
    record Target(String name, Path file, int line, List<String> steps, List<Report.Finding> errors, JsonNode verdict) {

        boolean refused() {
            return !errors.isEmpty();
        }

        boolean changes() {
            return !steps.isEmpty();
        }
    }

    /**
     * @param refused    the registry refused the applied plan: nothing was stored
     * @param notInFiles assets of the teams the files manage that no file declares
     */
    record Outcome(
            List<Target> targets,
            List<String> teamSteps,
            List<String> notInFiles,
            List<String> notes,
            boolean refused,
            JsonNode answer) {}

    private final RegistryClient client;

    EstatePlanner(RegistryClient client) {
        this.client = client;
    }

    Outcome send(ContractFiles.Estate estate, boolean dryRun, boolean prune) {
        List<ContractFiles.AssetFile> files = ContractFiles.inDependencyOrder(estate.assets());
        ObjectNode request = Declarations.planRequest(estate.teams(), files);
        String query = dryRun ? "?dryRun=true" : "";
        if (prune) {
            query += (query.isEmpty() ? "?" : "&") + "prune=true";
        }
        RegistryClient.Reply reply = client.post("/api/v1/plans" + query, request);
        boolean refused = reply.status() == 409 && "PLAN_REFUSED".equals(reply.code());
        if (!reply.ok() && !refused) {
            throw new CliException("the registry could not plan the files: " + reply.problem());
        }
        JsonNode answer = reply.body();
        JsonNode errors = answer.path("errors");
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            ContractFiles.AssetFile file = files.get(i);
            JsonNode outcome = answer.path("assets").path(i);
            List<Report.Finding> found = new ArrayList<>();
            String prefix = "/assets/" + i;
            for (JsonNode error : errors) {
                String pointer = error.path("pointer").asText("");
                if (pointer.equals(prefix) || pointer.startsWith(prefix + "/")) {
                    String inner = pointer.substring(prefix.length());
                    found.add(new Report.Finding(
                            Report.Severity.ERROR, file.path(), lineOf(file, inner), message(error)));
                }
            }
            List<String> steps = refused ? List.of() : Declarations.texts(outcome.path("steps"));
            JsonNode verdict = outcome.path("contract").isObject() ? outcome.get("contract") : null;
            targets.add(new Target(file.name(), file.path(), file.lineOf("/name"), steps, found, verdict));
        }
        for (int t = 0; t < estate.teams().size(); t++) {
            ContractFiles.TeamEntry team = estate.teams().get(t);
            List<Report.Finding> found = new ArrayList<>();
            for (JsonNode error : errors) {
                if (error.path("pointer").asText("").startsWith("/teams/" + t)) {
                    found.add(new Report.Finding(Report.Severity.ERROR, team.file(), team.line(), message(error)));
                }
            }
            if (!found.isEmpty()) {
                targets.add(0, new Target(team.name(), team.file(), team.line(), List.of(), found, null));
            }
        }
        for (JsonNode error : errors) {
            if (error.path("pointer").asText("").startsWith("/prune/")) {
                targets.add(new Target(
                        error.path("asset").asText(),
                        null,
                        1,
                        List.of(),
                        List.of(new Report.Finding(Report.Severity.ERROR, null, 1, message(error))),
                        null));
            }
        }
        return new Outcome(
                targets,
                refused ? List.of() : Declarations.texts(answer.path("teams")),
                Declarations.texts(answer.path("notInFiles")),
                Declarations.texts(answer.path("notes")),
                refused,
                answer);
    }

    private static String message(JsonNode error) {
        return error.path("detail").asText() + " (" + error.path("code").asText() + ")";
    }

    /**
     * The YAML line of a pointer into one asset of the plan request: {@code /dependsOn/0/fields/1} is where it is
     * in the file too; the contract's field metadata sits at the file's top-level {@code fields}.
     */
    static int lineOf(ContractFiles.AssetFile file, String pointer) {
        if (pointer.startsWith("/contract/fields")) {
            return file.lineOf(pointer.substring("/contract".length()));
        }
        if (pointer.startsWith("/contract/schema")) {
            return file.lineOf("/contract/schema");
        }
        return file.lineOf(pointer.isEmpty() ? "/name" : pointer);
    }

    /**
     * Where a difference belongs: the line of the changed property in the schema file, or the YAML line of an
     * inline schema.
     */
    static Report.Finding atSchema(ContractFiles.AssetFile file, JsonNode difference, Report.Severity severity) {
        String message = Differences.describe(difference);
        JsonNode schemaFile = file.declaration().path("contract").path("schemaFile");
        if (schemaFile.isTextual()) {
            Path path = file.path().resolveSibling(schemaFile.asText()).normalize();
            try {
                int line = LocatedJson.of(Files.readString(path))
                        .lineOfDataPath(difference.path("path").asText());
                return new Report.Finding(severity, path, line, message);
            } catch (IOException e) {
                // Read when the files were scanned; gone since: point at the YAML instead.
            }
        }
        return new Report.Finding(severity, file.path(), file.lineOf("/contract/schema"), message);
    }

    static ArrayNode steps(List<String> steps) {
        return Declarations.array(steps);
    }
}
