package dev.watershed.adapter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watershed.domain.WatershedException;
import dev.watershed.domain.contract.FieldPath;
import dev.watershed.domain.declaration.ContractFiles;
import dev.watershed.domain.graph.VersionRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares contract files with the registry and lists the changes that would make the registry match them: new
 * teams, new assets, metadata updates, new contract versions, dependency additions, changes and removals for the
 * assets the files declare. Assets come in dependency order, producers first, so applying the changes in list order
 * never declares a dependency on a contract that is not there yet.
 */
final class EstatePlanner {

    /** One call to the registry, described for the plan. */
    record Step(String description, String method, String path, JsonNode body) {}

    /**
     * The changes for one team or asset.
     *
     * @param refusal why the registry would refuse them (a breaking contract, a kind change); null when it would not
     * @param notes   differences apply leaves alone, said so the reader knows
     */
    record Target(String name, Path file, int line, List<Step> steps, String refusal, List<String> notes) {

        boolean changes() {
            return !steps.isEmpty();
        }
    }

    private final RegistryClient client;

    EstatePlanner(RegistryClient client) {
        this.client = client;
    }

    List<Target> plan(ContractFiles.Estate estate) {
        List<Target> targets = new ArrayList<>();
        for (ContractFiles.TeamEntry team : estate.teams()) {
            targets.add(team(team));
        }
        for (ContractFiles.AssetFile file : ContractFiles.inDependencyOrder(estate.assets())) {
            targets.add(asset(file));
        }
        return targets;
    }

    private Target team(ContractFiles.TeamEntry team) {
        RegistryClient.Reply reply = client.get("/api/v1/teams/" + team.name());
        List<Step> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (reply.status() == 404) {
            steps.add(new Step(
                    "create team " + team.name() + " <"
                            + team.declaration().path("email").asText() + ">",
                    "POST",
                    "/api/v1/teams",
                    team.declaration()));
        } else if (reply.ok()) {
            for (String field : List.of("email", "webhook")) {
                String declared = text(team.declaration(), field);
                String current = text(reply.body(), field);
                if (!Objects.equals(declared, current)) {
                    notes.add("team " + team.name() + " has " + field + " " + current + " in the registry, " + declared
                            + " here; teams are not updated by apply");
                }
            }
        } else {
            throw new CliException("team " + team.name() + " could not be read: " + reply.problem());
        }
        return new Target(team.name(), team.file(), team.line(), steps, null, notes);
    }

    private Target asset(ContractFiles.AssetFile file) {
        String name = file.name();
        String base = "/api/v1/assets/" + name;
        List<Step> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String refusal = null;
        RegistryClient.Reply current = client.get(base);
        boolean exists = current.ok();
        if (!exists && current.status() != 404) {
            throw new CliException("asset " + name + " could not be read: " + current.problem());
        }
        ObjectNode assetRequest = Declarations.assetRequest(file);
        if (!exists) {
            steps.add(new Step(
                    "register asset " + name + " ("
                            + file.declaration().path("kind").asText() + ", owner "
                            + file.declaration().path("owner").asText() + ")",
                    "POST",
                    "/api/v1/assets",
                    assetRequest));
        } else {
            JsonNode registered = current.body();
            if (!registered
                    .path("kind")
                    .asText()
                    .equals(file.declaration().path("kind").asText())) {
                refusal = "kind cannot change (" + registered.path("kind").asText() + " in the registry, "
                        + file.declaration().path("kind").asText() + " here): register a new asset instead";
            }
            List<String> changed = metadataChanges(file.declaration(), registered);
            if (!changed.isEmpty()) {
                steps.add(new Step(
                        "update asset " + name + ": " + String.join("; ", changed), "PUT", base, assetRequest));
            }
        }
        if (Declarations.hasContract(file)) {
            ObjectNode contract = Declarations.contractRequest(file);
            if (!exists) {
                steps.add(new Step(
                        "publish contract "
                                + file.declaration()
                                        .path("contract")
                                        .path("version")
                                        .asText("1.0.0") + " (first version)",
                        "POST",
                        base + "/contracts",
                        contract));
            } else {
                RegistryClient.Reply dryRun = client.post(base + "/contracts?dryRun=true", contract);
                if (!dryRun.ok()) {
                    refusal = "the contract would be refused: " + dryRun.problem();
                } else if (!dryRun.body().path("unchanged").asBoolean()) {
                    JsonNode verdict = dryRun.body();
                    String from = verdict.hasNonNull("latestVersion")
                            ? verdict.path("bump").asText() + " from "
                                    + verdict.path("latestVersion").asText()
                            : "first version";
                    steps.add(new Step(
                            "publish contract " + verdict.path("version").asText() + " (" + from + ", "
                                    + verdict.path("differences").size() + " differences)",
                            "POST",
                            base + "/contracts",
                            contract));
                    if (!verdict.path("compatible").asBoolean()) {
                        refusal = "the contract breaks " + name + "'s "
                                + verdict.path("mode").asText()
                                + " compatibility; run watershed check for the differences";
                    }
                }
            }
        }
        steps.addAll(dependencySteps(file, exists));
        return new Target(name, file.path(), file.lineOf("/name"), steps, refusal, notes);
    }

    /**
     * What to send so the registry's metadata equals the file's. Description and tags left out of a file mean none;
     * criticality, compatibility and strictCompatibility left out keep the registry's value, as the API does.
     */
    private static List<String> metadataChanges(JsonNode declared, JsonNode registered) {
        List<String> changes = new ArrayList<>();
        compare(changes, "owner", text(declared, "owner"), text(registered, "owner"));
        compare(changes, "description", text(declared, "description"), text(registered, "description"));
        compare(changes, "replicaOf", text(declared, "replicaOf"), text(registered, "replicaOf"));
        Set<String> tags = new TreeSet<>(Declarations.texts(declared.path("tags")));
        Set<String> registeredTags = new TreeSet<>(Declarations.texts(registered.path("tags")));
        if (!tags.equals(registeredTags)) {
            changes.add("tags " + registeredTags + " -> " + tags);
        }
        for (String field : List.of("criticality", "compatibility", "strictCompatibility")) {
            if (declared.hasNonNull(field)) {
                compare(changes, field, declared.get(field).asText(), text(registered, field));
            }
        }
        return changes;
    }

    private static void compare(List<String> changes, String field, String declared, String registered) {
        if (!Objects.equals(declared, registered)) {
            changes.add(field + " " + (registered == null ? "(none)" : registered) + " -> "
                    + (declared == null ? "(none)" : declared));
        }
    }

    /** Dependencies of a consumer the files declare: the files are the truth, so undeclared ones are removed. */
    private List<Step> dependencySteps(ContractFiles.AssetFile file, boolean exists) {
        String consumer = file.name();
        Map<String, JsonNode> registered = new LinkedHashMap<>();
        if (exists) {
            RegistryClient.Reply reply = client.get("/api/v1/assets/" + consumer + "/dependencies");
            if (!reply.ok()) {
                throw new CliException("the dependencies of " + consumer + " could not be read: " + reply.problem());
            }
            reply.body()
                    .forEach(dependency ->
                            registered.put(dependency.path("producer").asText(), dependency));
        }
        List<Step> steps = new ArrayList<>();
        Set<String> declaredProducers = new HashSet<>();
        for (JsonNode dependsOn : file.declaration().path("dependsOn")) {
            String producer = dependsOn.path("asset").asText();
            declaredProducers.add(producer);
            String path = "/api/v1/assets/" + consumer + "/dependencies/" + producer;
            JsonNode current = registered.get(producer);
            if (current == null) {
                steps.add(new Step(
                        "declare dependency " + consumer + " <- " + producer + describe(dependsOn),
                        "PUT",
                        path,
                        Declarations.dependencyRequest(dependsOn)));
            } else {
                List<String> changed = dependencyChanges(dependsOn, current);
                if (!changed.isEmpty()) {
                    steps.add(new Step(
                            "change dependency " + consumer + " <- " + producer + ": " + String.join("; ", changed),
                            "PUT",
                            path,
                            Declarations.dependencyRequest(dependsOn)));
                }
            }
        }
        for (String producer : registered.keySet()) {
            if (!declaredProducers.contains(producer)) {
                // Removals first, so that a replaced dependency never counts twice in a cycle check.
                steps.add(
                        0,
                        new Step(
                                "remove dependency " + consumer + " <- " + producer,
                                "DELETE",
                                "/api/v1/assets/" + consumer + "/dependencies/" + producer,
                                null));
            }
        }
        return steps;
    }

    private static List<String> dependencyChanges(JsonNode declared, JsonNode current) {
        List<String> changes = new ArrayList<>();
        if (declared.hasNonNull("versionRange")) {
            compare(
                    changes,
                    "versionRange",
                    range(declared.get("versionRange").asText()),
                    range(current.path("versionRange").asText()));
        }
        Set<String> fields = new TreeSet<>();
        for (String field : Declarations.texts(declared.path("fields"))) {
            try {
                fields.add(FieldPath.normalize(field));
            } catch (WatershedException e) {
                fields.add(field);
            }
        }
        Set<String> currentFields = new TreeSet<>(Declarations.texts(current.path("fields")));
        if (!fields.equals(currentFields)) {
            changes.add("fields " + currentFields + " -> " + fields);
        }
        compare(
                changes,
                "usage",
                declared.path("usage").asText("BOTH"),
                current.path("usage").asText("BOTH"));
        compare(changes, "note", text(declared, "note"), text(current, "note"));
        compare(
                changes,
                "splitKey",
                splitKey(text(declared, "splitKey"), text(current, "splitKey")),
                text(current, "splitKey"));
        Set<String> targets = new TreeSet<>();
        for (String field : Declarations.texts(declared.path("targetFields"))) {
            targets.add(pointer(field));
        }
        Set<String> currentTargets = new TreeSet<>(Declarations.texts(current.path("targetFields")));
        if (!targets.equals(currentTargets)) {
            changes.add("targetFields " + currentTargets + " -> " + targets);
        }
        compare(
                changes,
                "cost",
                amount(declared.path("cost"), "amount", "unit"),
                amount(current.path("cost"), "amount", "unit"));
        compare(
                changes,
                "benefit",
                amount(declared.path("benefit"), "value", "metric"),
                amount(current.path("benefit"), "value", "metric"));
        return changes;
    }

    /**
     * The registry stores a split key that names a field as a canonical pointer and free text as given; a declared
     * dotted path the registry turned into that pointer is no change.
     */
    private static String splitKey(String text, String registered) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String key = text.strip();
        String pointer = pointer(key);
        return key.startsWith("/") || pointer.equals(registered) ? pointer : key;
    }

    private static String pointer(String field) {
        try {
            return FieldPath.normalize(field);
        } catch (WatershedException e) {
            return field;
        }
    }

    /** "120 USD/month", comparable whether the number came from YAML or from the registry's JSON. */
    private static String amount(JsonNode node, String number, String unit) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        return node.path(number).decimalValue().stripTrailingZeros().toPlainString() + " "
                + node.path(unit).asText();
    }

    private static String range(String text) {
        try {
            return VersionRange.parse(text).toString();
        } catch (WatershedException e) {
            return text;
        }
    }

    private static String describe(JsonNode dependsOn) {
        List<String> parts = new ArrayList<>();
        if (dependsOn.hasNonNull("versionRange")) {
            parts.add(dependsOn.get("versionRange").asText());
        }
        if (dependsOn.path("fields").size() > 0) {
            parts.add(dependsOn.path("fields").size() + " fields");
        }
        parts.add(dependsOn.path("usage").asText("BOTH"));
        return " (" + String.join(", ", parts) + ")";
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
