package dev.watershed.adapter.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SpecificationVersion;
import dev.watershed.domain.schema.JsonSchemaCompiler;
import dev.watershed.domain.schema.RemoteRefPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The defaults a contracts repository sets for every command run in it, from {@code .watershed.yaml} in the
 * working directory or the nearest directory above it (up to the repository's root, where {@code .git} is), or the
 * file {@code WATERSHED_CONFIG} names. A command-line option wins over an environment variable, which wins over
 * the file. Its format is {@code contract-format/watershed-config.schema.json}, which the registry also serves.
 *
 * @param file      the file read; empty when there is none
 * @param registry  the registry's URL; empty for the built-in default
 * @param tokenEnv  the environment variable that holds the token
 * @param contracts the contract files or directories, resolved against the file's directory; empty for the default
 * @param format    the output format on standard output; empty for the default
 * @param reports   files every command also writes, by format; {@code {command}} not yet replaced
 * @param problem   why the file could not be used; empty when it could (a command then stops with exit 2)
 */
record CliSettings(
        Optional<Path> file,
        Optional<String> registry,
        String tokenEnv,
        List<Path> contracts,
        Optional<OutputFormat> format,
        Map<OutputFormat, Path> reports,
        Optional<String> problem) {

    static final String FILE_NAME = ".watershed.yaml";
    static final String DEFAULT_TOKEN_ENV = "WATERSHED_TOKEN";
    private static final String FORMAT_SCHEMA = "/contract-format/watershed-config.schema.json";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    CliSettings {
        contracts = List.copyOf(contracts);
        reports = Map.copyOf(reports);
    }

    /** No file: the built-in defaults. */
    static CliSettings none() {
        return new CliSettings(
                Optional.empty(),
                Optional.empty(),
                DEFAULT_TOKEN_ENV,
                List.of(),
                Optional.empty(),
                Map.of(),
                Optional.empty());
    }

    /** The settings for commands run in {@code directory}, with the given environment. */
    static CliSettings find(Path directory, Map<String, String> environment) {
        String named = environment.get("WATERSHED_CONFIG");
        if (named != null && !named.isBlank()) {
            Path file = directory.resolve(named).toAbsolutePath().normalize();
            return Files.isRegularFile(file)
                    ? read(file)
                    : failed(file, "WATERSHED_CONFIG names " + file + ", which does not exist");
        }
        for (Path dir = directory.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve(FILE_NAME);
            if (Files.isRegularFile(file)) {
                return read(file);
            }
            if (Files.exists(dir.resolve(".git"))) {
                break;
            }
        }
        return none();
    }

    static CliSettings read(Path file) {
        JsonNode document;
        try {
            document = YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            return failed(
                    file,
                    ReportWriter.display(file)
                            + (where == null ? "" : ":" + where.getLineNr() + ":" + where.getColumnNr())
                            + ": not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            return failed(file, "cannot read " + file + ": " + e.getMessage());
        }
        if (document == null || document.isMissingNode() || document.isNull()) {
            return none().withFile(file);
        }
        List<String> violations = new ArrayList<>();
        for (Error error : Format.SCHEMA.validate(document)) {
            String at = error.getInstanceLocation().toString();
            violations.add((at.isEmpty() || "$".equals(at) ? "" : at + ": ") + error.getMessage());
        }
        if (!violations.isEmpty()) {
            return failed(file, ReportWriter.display(file) + ": " + String.join("; ", violations));
        }
        Path base = file.getParent();
        List<Path> contracts = new ArrayList<>();
        document.path("contracts")
                .forEach(path -> contracts.add(base.resolve(path.asText()).normalize()));
        Map<OutputFormat, Path> reports = new EnumMap<>(OutputFormat.class);
        document.path("reports")
                .fields()
                .forEachRemaining(entry -> reports.put(
                        OutputFormat.valueOf(entry.getKey()),
                        base.resolve(entry.getValue().asText()).normalize()));
        return new CliSettings(
                Optional.of(file),
                Optional.ofNullable(document.path("registry").textValue()),
                document.path("tokenEnv").asText(DEFAULT_TOKEN_ENV),
                contracts,
                Optional.ofNullable(document.path("format").textValue()).map(OutputFormat::valueOf),
                reports,
                Optional.empty());
    }

    /**
     * Stops the command when the file could not be used.
     *
     * @throws CliException saying what is wrong with the file
     */
    void requireUsable() {
        problem.ifPresent(message -> {
            throw new CliException(message);
        });
    }

    private CliSettings withFile(Path path) {
        return new CliSettings(Optional.of(path), registry, tokenEnv, contracts, format, reports, problem);
    }

    private static CliSettings failed(Path file, String message) {
        return new CliSettings(
                Optional.of(file),
                Optional.empty(),
                DEFAULT_TOKEN_ENV,
                List.of(),
                Optional.empty(),
                Map.of(),
                Optional.of(message));
    }

    /** The file format's schema, compiled once, when a file is first read. */
    private static final class Format {

        static final Schema SCHEMA = compile();

        private static Schema compile() {
            try (InputStream in = CliSettings.class.getResourceAsStream(FORMAT_SCHEMA)) {
                if (in == null) {
                    throw new IllegalStateException(FORMAT_SCHEMA + " is not on the class path");
                }
                return new JsonSchemaCompiler(RemoteRefPolicy.localOnly())
                        .compile(new ObjectMapper().readTree(in), SpecificationVersion.DRAFT_2020_12);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + FORMAT_SCHEMA, e);
            }
        }
    }
}
