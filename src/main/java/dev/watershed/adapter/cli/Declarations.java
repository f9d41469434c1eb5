package dev.watershed.adapter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watershed.domain.declaration.ContractFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns what contract files declare into the registry's request bodies, and file problems into report items. */
final class Declarations {

    static final ObjectMapper JSON = new ObjectMapper();

    private Declarations() {}

    /** The body of {@code POST /api/v1/assets/{name}/contracts}: format, schema, version, changelog, fields. */
    static ObjectNode contractRequest(ContractFiles.AssetFile file) {
        JsonNode contract = file.declaration().path("contract");
        ObjectNode body = JSON.createObjectNode();
        body.set("format", contract.get("format"));
        body.set("schema", file.schema());
        copy(contract, body, "version");
        copy(contract, body, "changelog");
        if (file.declaration().has("fields")) {
            body.set("fields", file.declaration().get("fields"));
        }
        return body;
    }

    /**
     * The body of {@code POST /api/v1/plans}: the teams, then each asset (producers first) with its metadata, its
     * contract (with the file's {@code breakingChange} passed on untouched) and what it reads.
     */
    static ObjectNode planRequest(List<ContractFiles.TeamEntry> teams, List<ContractFiles.AssetFile> files) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode teamBodies = body.putArray("teams");
        teams.forEach(team -> teamBodies.add(team.declaration()));
        ArrayNode assets = body.putArray("assets");
        for (ContractFiles.AssetFile file : files) {
            ObjectNode asset = assetRequest(file);
            if (hasContract(file)) {
                ObjectNode contract = contractRequest(file);
                copy(file.declaration().path("contract"), contract, "breakingChange");
                asset.set("contract", contract);
            }
            ArrayNode dependsOn = asset.putArray("dependsOn");
            for (JsonNode declared : file.declaration().path("dependsOn")) {
                ObjectNode dependency = JSON.createObjectNode();
                dependency.set("asset", declared.get("asset"));
                dependency.setAll(dependencyRequest(declared));
                dependsOn.add(dependency);
            }
            assets.add(asset);
        }
        return body;
    }

    /** The body of {@code POST /api/v1/assets} and {@code PUT /api/v1/assets/{name}}. */
    static ObjectNode assetRequest(ContractFiles.AssetFile file) {
        JsonNode asset = file.declaration();
        ObjectNode body = JSON.createObjectNode();
        for (String field : List.of(
                "name",
                "kind",
                "owner",
                "description",
                "tags",
                "criticality",
                "compatibility",
                "strictCompatibility",
                "replicaOf",
                "subjects",
                "lineageIds")) {
            copy(asset, body, field);
        }
        return body;
    }

    /** The body of {@code PUT /api/v1/assets/{consumer}/dependencies/{producer}}. */
    static ObjectNode dependencyRequest(JsonNode dependsOn) {
        ObjectNode body = JSON.createObjectNode();
        for (String field :
                List.of("versionRange", "fields", "usage", "note", "splitKey", "targetFields", "cost", "benefit")) {
            copy(dependsOn, body, field);
        }
        return body;
    }

    static boolean hasContract(ContractFiles.AssetFile file) {
        return file.schema() != null;
    }

    /** One ERROR item per file with problems, listing each problem at its line. */
    static List<Report.Item> problemItems(List<ContractFiles.Problem> problems, Report.Outcome outcome) {
        Map<Path, List<ContractFiles.Problem>> byFile = new LinkedHashMap<>();
        problems.forEach(problem ->
                byFile.computeIfAbsent(problem.file(), key -> new ArrayList<>()).add(problem));
        List<Report.Item> items = new ArrayList<>();
        byFile.forEach((file, found) -> {
            List<Report.Finding> findings = found.stream()
                    .map(problem -> new Report.Finding(
                            Report.Severity.ERROR, problem.file(), problem.line(), problem.column(), problem.message()))
                    .toList();
            String summary = found.size() == 1
                    ? found.get(0).message()
                    : found.size() + " problems, the first: " + found.get(0).message();
            items.add(new Report.Item(
                    ReportWriter.display(file),
                    file,
                    found.get(0).line(),
                    outcome,
                    summary,
                    List.of(),
                    findings,
                    null));
        });
        return items;
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    static ArrayNode array(List<String> values) {
        ArrayNode array = JSON.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        if (from.hasNonNull(field)) {
            to.set(field, from.get(field));
        }
    }
}
