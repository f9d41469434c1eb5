package dev.watershed.adapter.contractfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.watershed.domain.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a contracts-as-code directory: {@code teams.yaml} declares teams, every other {@code *.yaml} file declares
 * one asset with its contract, whose schema is inline ({@code contract.schema}) or in a file beside it
 * ({@code contract.schemaFile}).
 */
public final class ContractFiles {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String TEAMS_FILE = "teams.yaml";

    /** One asset file, with its schema already read from disk when it was given as a file. */
    public record AssetFile(Path path, JsonNode declaration, JsonNode schema) {
    }

    /** Everything a directory declares. */
    public record Estate(List<JsonNode> teams, List<AssetFile> assets) {
    }

    private ContractFiles() {
    }

    public static Estate read(Path directory) {
        List<JsonNode> teams = new ArrayList<>();
        List<AssetFile> assets = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(ContractFiles::isYaml).sorted().toList()) {
                JsonNode document = YAML.readTree(file.toFile());
                if (file.getFileName().toString().equals(TEAMS_FILE)) {
                    document.path("teams").forEach(teams::add);
                } else {
                    assets.add(new AssetFile(file, document, schemaOf(file, document.path("contract"))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read contract files under " + directory, e);
        }
        return new Estate(teams, assets);
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    private static JsonNode schemaOf(Path file, JsonNode contract) throws IOException {
        if (contract.hasNonNull("schema")) {
            return contract.get("schema");
        }
        if (!contract.hasNonNull("schemaFile")) {
            return null;
        }
        Path schemaFile = file.resolveSibling(contract.get("schemaFile").asText()).normalize();
        if (!Files.isRegularFile(schemaFile)) {
            throw new InvalidInputException("/contract/schemaFile", file + ": schema file " + schemaFile
                    + " does not exist");
        }
        String text = Files.readString(schemaFile);
        // An .avsc may hold a bare primitive name; JSON files are parsed so they are stored as JSON.
        return text.isBlank() ? null : JSON.getNodeFactory().textNode(text);
    }
}
