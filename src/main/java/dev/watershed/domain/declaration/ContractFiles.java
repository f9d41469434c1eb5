package dev.watershed.domain.declaration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.watershed.domain.SyntaxError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a contracts-as-code directory: {@code teams.yaml} declares teams, every other {@code *.yaml} file declares
 * one asset with its contract, whose schema is inline ({@code contract.schema}) or in a file beside it
 * ({@code contract.schemaFile}). Every file is checked against the format's JSON Schema
 * ({@code src/main/resources/contract-format/}); problems carry the file and line they were found at.
 *
 * <p>Framework-free: the registry's first-start loader and the {@code watershed} CLI read files through this class
 * alone, so both accept exactly the same format.
 */
public final class ContractFiles {

    public static final String TEAMS_FILE = "teams.yaml";

    private static final ContractFileFormat FORMAT = new ContractFileFormat();

    /**
     * Something wrong with a file, at a 1-based line.
     *
     * @param column 1-based column, known for syntax errors; 0 otherwise
     */
    public record Problem(Path file, int line, int column, String message) {

        public Problem(Path file, int line, String message) {
            this(file, line, 0, message);
        }

        @Override
        public String toString() {
            return file + ":" + line + (column > 0 ? ":" + column : "") + ": " + message;
        }
    }

    /** A sample batch of an asset (NDJSON records) and the label of the observation it becomes. */
    public record Sample(String label, Path file) {}

    /** One entry of {@code teams.yaml}. */
    public record TeamEntry(Path file, int line, JsonNode declaration) {

        public String name() {
            return declaration.path("name").asText();
        }
    }

    /**
     * One asset file, with its schema already read from disk when it was given as a file (as text, so an Avro
     * primitive name and a JSON document both survive).
     *
     * @param schema  {@code null} when the file declares no contract
     * @param history the schemas of {@code contract.history}, oldest first, read like {@code schema}; the versions
     *                the contract had before the current one
     */
    public record AssetFile(
            Path path, JsonNode declaration, JsonNode schema, Map<String, Integer> lines, List<JsonNode> history) {

        public AssetFile {
            lines = Map.copyOf(lines);
            history = List.copyOf(history);
        }

        public AssetFile(Path path, JsonNode declaration, JsonNode schema, Map<String, Integer> lines) {
            this(path, declaration, schema, lines, List.of());
        }

        public String name() {
            return declaration.path("name").asText();
        }

        /** The sample batches to record as observations on first load, paths resolved against this file. */
        public List<Sample> observations() {
            List<Sample> samples = new ArrayList<>();
            for (JsonNode observation : declaration.path("observations")) {
                samples.add(new Sample(
                        observation.path("label").asText(),
                        path.resolveSibling(observation.path("sample").asText()).normalize()));
            }
            return samples;
        }

        /** The line of the value at a JSON Pointer of the file, or of its closest ancestor present. */
        public int lineOf(String pointer) {
            return new LocatedYaml(declaration, lines).lineOf(pointer);
        }
    }

    /**
     * Everything a set of files declares. Files with problems are left out of {@code teams} and {@code assets} and
     * reported in {@code problems} instead.
     */
    public record Estate(List<TeamEntry> teams, List<AssetFile> assets, List<Problem> problems) {

        public Estate {
            teams = List.copyOf(teams);
            assets = List.copyOf(assets);
            problems = List.copyOf(problems);
        }
    }

    private ContractFiles() {}

    /**
     * Reads a whole directory and insists it is valid, as the first-start loader needs.
     *
     * @throws InvalidContractFilesException listing every problem, each with its file and line
     */
    public static Estate read(Path directory) {
        Estate estate = scan(List.of(directory));
        if (!estate.problems().isEmpty()) {
            throw new InvalidContractFilesException(estate.problems());
        }
        return estate;
    }

    /**
     * Reads files and directories (walked for {@code *.yaml} and {@code *.yml}), collecting problems rather than
     * stopping at the first one. A path that does not exist is a problem at line 1.
     */
    public static Estate scan(Collection<Path> paths) {
        List<TeamEntry> teams = new ArrayList<>();
        List<AssetFile> assets = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path file : yamlFiles(paths, problems)) {
            LocatedYaml located;
            try {
                located = LocatedYaml.read(file);
            } catch (JsonProcessingException e) {
                SyntaxError error = SyntaxError.ofYaml(e);
                problems.add(new Problem(file, error.line(), error.column(), "YAML syntax: " + error.message()));
                continue;
            } catch (IOException e) {
                problems.add(new Problem(file, 1, "cannot be read: " + e));
                continue;
            }
            if (isTeamsFile(file)) {
                readTeams(file, located, teams, problems);
            } else {
                readAsset(file, located, assets, problems);
            }
        }
        return new Estate(teams, assets, problems);
    }

    /**
     * Producers' files before their consumers' (and an asset before its replicas'), so the estate's dependencies are
     * declared upstream first and a replica's {@code replicaOf} names a registered asset. A file
     * whose producers never all come (a cycle, or a producer not in the directory) is left to the end, where
     * declaring it fails with the reason.
     * Files keep their given order otherwise.
     */
    public static List<AssetFile> inDependencyOrder(List<AssetFile> files) {
        List<AssetFile> ordered = new ArrayList<>(files.size());
        List<AssetFile> waiting = new ArrayList<>(files);
        Set<String> placed = new HashSet<>();
        boolean progress = true;
        while (!waiting.isEmpty() && progress) {
            progress = false;
            for (AssetFile file : List.copyOf(waiting)) {
                boolean ready = true;
                List<String> upstream = new ArrayList<>();
                file.declaration()
                        .path("dependsOn")
                        .forEach(dependsOn ->
                                upstream.add(dependsOn.path("asset").asText()));
                if (file.declaration().hasNonNull("replicaOf")) {
                    upstream.add(file.declaration().get("replicaOf").asText());
                }
                for (String producer : upstream) {
                    boolean declared = files.stream()
                            .anyMatch(f -> f.declaration().path("name").asText().equals(producer));
                    ready &= placed.contains(producer) || !declared;
                }
                if (ready) {
                    ordered.add(file);
                    placed.add(file.declaration().path("name").asText());
                    waiting.remove(file);
                    progress = true;
                }
            }
        }
        ordered.addAll(waiting);
        return ordered;
    }

    public static boolean isTeamsFile(Path file) {
        return file.getFileName().toString().equals(TEAMS_FILE);
    }

    private static void readTeams(Path file, LocatedYaml located, List<TeamEntry> teams, List<Problem> problems) {
        List<ContractFileFormat.Violation> violations = FORMAT.checkTeams(located.document());
        if (!violations.isEmpty()) {
            report(file, located, violations, problems);
            return;
        }
        JsonNode entries = located.document().path("teams");
        for (int i = 0; i < entries.size(); i++) {
            teams.add(new TeamEntry(file, located.lineOf("/teams/" + i), entries.get(i)));
        }
    }

    private static void readAsset(Path file, LocatedYaml located, List<AssetFile> assets, List<Problem> problems) {
        List<ContractFileFormat.Violation> violations = FORMAT.checkAsset(located.document());
        if (!violations.isEmpty()) {
            report(file, located, violations, problems);
            return;
        }
        JsonNode contract = located.document().path("contract");
        JsonNode schema = null;
        if (!contract.isMissingNode()) {
            schema = schemaOf(file, located, contract, "/contract", problems);
            if (schema == null) {
                return;
            }
        }
        JsonNode observations = located.document().path("observations");
        for (int i = 0; i < observations.size(); i++) {
            Path sample = file.resolveSibling(observations.get(i).path("sample").asText())
                    .normalize();
            if (!Files.isRegularFile(sample)) {
                problems.add(new Problem(
                        file,
                        located.lineOf("/observations/" + i + "/sample"),
                        "sample file " + sample + " does not exist"));
                return;
            }
        }
        List<JsonNode> history = new ArrayList<>();
        JsonNode earlier = contract.path("history");
        for (int i = 0; i < earlier.size(); i++) {
            JsonNode older = schemaOf(file, located, earlier.get(i), "/contract/history/" + i, problems);
            if (older == null) {
                return;
            }
            history.add(older);
        }
        assets.add(new AssetFile(file, located.document(), schema, located.lines(), history));
    }

    /** The inline schema, or the schema file's text; {@code null} after reporting a file that cannot be read. */
    private static JsonNode schemaOf(
            Path file, LocatedYaml located, JsonNode contract, String pointer, List<Problem> problems) {
        if (contract.hasNonNull("schema")) {
            return contract.get("schema");
        }
        Path schemaFile =
                file.resolveSibling(contract.get("schemaFile").asText()).normalize();
        int line = located.lineOf(pointer + "/schemaFile");
        try {
            String text = Files.readString(schemaFile);
            if (text.isBlank()) {
                problems.add(new Problem(file, line, "schema file " + schemaFile + " is empty"));
                return null;
            }
            SyntaxError error = jsonSyntaxError(located, text);
            if (error != null) {
                // At the schema file's own line and column: the YAML line would only say which file to open.
                problems.add(new Problem(schemaFile, error.line(), error.column(), "JSON syntax: " + error.message()));
                return null;
            }
            return TextNode.valueOf(text);
        } catch (NoSuchFileException e) {
            problems.add(new Problem(file, line, "schema file " + schemaFile + " does not exist"));
        } catch (IOException e) {
            problems.add(new Problem(file, line, "schema file " + schemaFile + " cannot be read: " + e));
        }
        return null;
    }

    /**
     * Where a schema file's text stops being JSON; {@code null} when it is JSON, or an Avro schema that is a bare
     * primitive name ({@code string}), which Avro allows and the registry accepts the same way.
     */
    private static SyntaxError jsonSyntaxError(LocatedYaml located, String text) {
        boolean avro =
                "AVRO".equals(located.document().path("contract").path("format").asText());
        if (avro && Character.isLetter(text.strip().charAt(0))) {
            return null;
        }
        return SyntaxError.inJson(text).orElse(null);
    }

    private static void report(
            Path file, LocatedYaml located, List<ContractFileFormat.Violation> violations, List<Problem> problems) {
        violations.stream()
                .map(v -> new Problem(file, located.lineOf(v.pointer()), v.message()))
                .sorted(Comparator.comparingInt(Problem::line))
                .forEach(problems::add);
    }

    private static List<Path> yamlFiles(Collection<Path> paths, List<Problem> problems) {
        Set<Path> files = new LinkedHashSet<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(ContractFiles::isYaml).sorted().forEach(files::add);
                } catch (IOException e) {
                    problems.add(new Problem(path, 1, "cannot be read: " + e));
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                problems.add(new Problem(path, 1, "no such file or directory"));
            }
        }
        return new ArrayList<>(files);
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }
}
