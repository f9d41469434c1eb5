package dev.watershed.adapter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watershed.domain.WatershedException;
import dev.watershed.domain.contract.FieldPath;
import dev.watershed.domain.contract.FieldPaths;
import dev.watershed.domain.contract.ParsedSchema;
import dev.watershed.domain.contract.SchemaField;
import dev.watershed.domain.contract.SchemaFormat;
import dev.watershed.domain.contract.SchemaParser;
import dev.watershed.domain.declaration.ContractFiles;
import dev.watershed.domain.graph.VersionRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Offline checks of contract files: the format, schemas that exist and parse, field metadata on fields the schema
 * has, dependency ranges that parse and fields the producer has, duplicate names. A dependency on an asset outside
 * the files is a warning: it may well exist in the registry.
 */
@Command(
        name = "lint",
        description = "Offline checks of contract files: format, schemas, field paths, dependency"
                + " ranges, duplicate names. Exit 1 on any error; warnings do not fail.")
final class LintCommand extends ReportingCommand {

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
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new CliException(path + ": no such file or directory");
            }
        }
        ContractFiles.Estate estate = ContractFiles.scan(contractPaths(paths));
        Report.Builder report = new Report.Builder("lint").emptyNote("No contract files found.");
        Declarations.problemItems(estate.problems(), Report.Outcome.FAILED).forEach(report::add);
        Map<String, List<SchemaField>> schemas = new HashMap<>();
        Map<String, ContractFiles.AssetFile> byName = new HashMap<>();
        Map<ContractFiles.AssetFile, List<Report.Finding>> findings = new HashMap<>();
        Set<String> teams = new HashSet<>();
        estate.teams().forEach(team -> teams.add(team.name()));
        if (!estate.teams().isEmpty()) {
            report.add(teamsItem(estate, teams.size()));
        }
        for (ContractFiles.AssetFile file : estate.assets()) {
            List<Report.Finding> found = new ArrayList<>();
            findings.put(file, found);
            ContractFiles.AssetFile earlier = byName.putIfAbsent(file.name(), file);
            if (earlier != null) {
                found.add(error(
                        file,
                        "/name",
                        "asset " + file.name() + " is also declared in " + ReportWriter.display(earlier.path())));
            }
            if (!teams.isEmpty()
                    && !teams.contains(file.declaration().path("owner").asText())) {
                found.add(warning(
                        file,
                        "/owner",
                        "owner " + file.declaration().path("owner").asText()
                                + " is not in teams.yaml; it must exist in the registry"));
            }
            ParsedSchema schema = schema(file, found);
            if (schema != null) {
                try {
                    List<SchemaField> fields = schema.fields();
                    schemas.put(file.name(), fields);
                    file.declaration()
                            .path("fields")
                            .fieldNames()
                            .forEachRemaining(
                                    path -> checkPath(file, fields, path, "/fields/" + FieldPath.escape(path), found));
                } catch (WatershedException e) {
                    found.add(error(file, "/contract", e.getMessage()));
                }
            }
        }
        for (ContractFiles.AssetFile file : estate.assets()) {
            checkDependencies(file, byName, schemas, findings.get(file));
            List<Report.Finding> found = findings.get(file);
            boolean failed = found.stream().anyMatch(f -> f.severity() == Report.Severity.ERROR);
            long warnings = found.size()
                    - found.stream()
                            .filter(f -> f.severity() == Report.Severity.ERROR)
                            .count();
            String summary = failed
                    ? found.stream()
                                    .filter(f -> f.severity() == Report.Severity.ERROR)
                                    .count() + " errors, " + warnings + " warnings"
                    : "valid" + (warnings > 0 ? ", " + warnings + " warnings" : "");
            report.add(new Report.Item(
                    file.name(),
                    file.path(),
                    file.lineOf("/name"),
                    failed ? Report.Outcome.FAILED : Report.Outcome.PASSED,
                    summary,
                    List.of(),
                    found,
                    null));
        }
        return report.build();
    }

    private static Report.Item teamsItem(ContractFiles.Estate estate, int distinct) {
        List<Report.Finding> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ContractFiles.TeamEntry team : estate.teams()) {
            if (!seen.add(team.name())) {
                found.add(new Report.Finding(
                        Report.Severity.ERROR, team.file(), team.line(), "team " + team.name() + " is declared twice"));
            }
        }
        Path file = estate.teams().get(0).file();
        return new Report.Item(
                "teams",
                file,
                1,
                found.isEmpty() ? Report.Outcome.PASSED : Report.Outcome.FAILED,
                found.isEmpty() ? distinct + " teams" : found.size() + " errors",
                List.of(),
                found,
                null);
    }

    private ParsedSchema schema(ContractFiles.AssetFile file, List<Report.Finding> found) {
        if (!Declarations.hasContract(file)) {
            return null;
        }
        JsonNode contract = file.declaration().path("contract");
        String where = contract.has("schemaFile") ? "/contract/schemaFile" : "/contract/schema";
        try {
            return parser.parse(SchemaFormat.valueOf(contract.path("format").asText()), file.schema(), "/schema");
        } catch (WatershedException e) {
            found.add(error(file, where, e.getMessage()));
            return null;
        }
    }

    private static void checkDependencies(
            ContractFiles.AssetFile file,
            Map<String, ContractFiles.AssetFile> byName,
            Map<String, List<SchemaField>> schemas,
            List<Report.Finding> found) {
        JsonNode dependsOn = file.declaration().path("dependsOn");
        Set<String> producers = new HashSet<>();
        for (int i = 0; i < dependsOn.size(); i++) {
            JsonNode dependency = dependsOn.get(i);
            String pointer = "/dependsOn/" + i;
            String producer = dependency.path("asset").asText();
            if (!producers.add(producer)) {
                found.add(error(file, pointer + "/asset", "depends on " + producer + " twice"));
            }
            if (producer.equals(file.name())) {
                found.add(error(file, pointer + "/asset", "an asset cannot depend on itself"));
            }
            if (dependency.hasNonNull("versionRange")) {
                try {
                    VersionRange.parse(dependency.get("versionRange").asText());
                } catch (WatershedException e) {
                    found.add(error(file, pointer + "/versionRange", e.getMessage()));
                }
            }
            if (!byName.containsKey(producer)) {
                found.add(warning(
                        file,
                        pointer + "/asset",
                        producer + " is not declared in these files; it must" + " exist in the registry"));
                continue;
            }
            List<SchemaField> fields = schemas.get(producer);
            if (fields != null) {
                JsonNode wanted = dependency.path("fields");
                for (int f = 0; f < wanted.size(); f++) {
                    checkPath(file, fields, wanted.get(f).asText(), pointer + "/fields/" + f, found);
                }
            }
        }
    }

    private static void checkPath(
            ContractFiles.AssetFile file,
            List<SchemaField> fields,
            String path,
            String pointer,
            List<Report.Finding> found) {
        try {
            if (!FieldPaths.unknownFields(fields, List.of(path)).isEmpty()) {
                found.add(error(
                        file,
                        pointer,
                        "field " + path + " is not in the schema"
                                + (pointer.startsWith("/dependsOn")
                                        ? " of "
                                                + file.declaration()
                                                        .at(pointer.substring(0, pointer.indexOf("/fields")))
                                                        .path("asset")
                                                        .asText()
                                        : "")));
            }
        } catch (WatershedException e) {
            found.add(error(file, pointer, e.getMessage()));
        }
    }

    private static Report.Finding error(ContractFiles.AssetFile file, String pointer, String message) {
        return new Report.Finding(Report.Severity.ERROR, file.path(), file.lineOf(pointer), message);
    }

    private static Report.Finding warning(ContractFiles.AssetFile file, String pointer, String message) {
        return new Report.Finding(Report.Severity.WARNING, file.path(), file.lineOf(pointer), message);
    }
}
