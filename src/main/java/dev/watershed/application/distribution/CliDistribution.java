package dev.watershed.application.distribution;

import dev.watershed.application.config.WatershedConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the registry hands out so that a contracts repository needs nothing but a URL: the CLI jar of the same
 * version as the server, and the JSON Schemas of the files the CLI reads (for editors' YAML language servers).
 */
@ApplicationScoped
public class CliDistribution {

    static final String JAR_NAME = "watershed-cli.jar";

    /** The format schemas, by the name they are served under, from the classpath folder the CLI reads them from. */
    private static final Map<String, String> FORMAT_SCHEMAS = Map.of(
            "watershed-contract.schema.json", "contract-format/watershed-contract.schema.json",
            "watershed-teams.schema.json", "contract-format/watershed-teams.schema.json",
            "watershed-config.schema.json", "contract-format/watershed-config.schema.json");

    private final Optional<String> configuredJar;
    private final String version;

    /** The digest of the jar last hashed, kept while its size and modification time stay the same. */
    private volatile CachedDigest digest;

    private record CachedDigest(Path file, long size, FileTime modified, String sha256) {}

    CliDistribution(
            WatershedConfig config,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "development") String version) {
        this.configuredJar = config.cli().jar();
        this.version = version;
    }

    /** The server's version, which the CLI it hands out has too. */
    public String version() {
        return version;
    }

    /**
     * The CLI jar.
     *
     * @throws CliJarNotBuiltException when there is none where it is configured or looked for
     */
    public CliJar jar() {
        List<Path> candidates = candidates();
        Path file = candidates.stream()
                .filter(Files::isRegularFile)
                .findFirst()
                .orElseThrow(() -> new CliJarNotBuiltException(
                        candidates.stream().map(Path::toString).toList().toString()));
        try {
            long size = Files.size(file);
            FileTime modified = Files.getLastModifiedTime(file);
            CachedDigest known = digest;
            if (known == null
                    || !known.file().equals(file)
                    || known.size() != size
                    || !known.modified().equals(modified)) {
                known = new CachedDigest(file, size, modified, sha256(file));
                digest = known;
            }
            return new CliJar(file, size, known.sha256());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The names of the format schemas served. */
    public List<String> formatSchemaNames() {
        return FORMAT_SCHEMAS.keySet().stream().sorted().toList();
    }

    /**
     * A format schema's content.
     *
     * @throws FormatSchemaNotFoundException for a name not in {@link #formatSchemaNames()}
     */
    public InputStream formatSchema(String name) {
        String resource = FORMAT_SCHEMAS.get(name);
        InputStream content =
                resource == null ? null : CliDistribution.class.getClassLoader().getResourceAsStream(resource);
        if (content == null) {
            throw new FormatSchemaNotFoundException(name, formatSchemaNames());
        }
        return content;
    }

    private List<Path> candidates() {
        if (configuredJar.isPresent()) {
            return List.of(Path.of(configuredJar.get()).toAbsolutePath());
        }
        List<Path> candidates = new ArrayList<>();
        // The application's classes: quarkus-app/app/watershed-*.jar when packaged, target/classes when run by Maven.
        try {
            Path classes = Path.of(CliDistribution.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            for (Path dir = classes.getParent(); dir != null && candidates.size() < 2; dir = dir.getParent()) {
                candidates.add(dir.resolve(JAR_NAME));
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // No code source to start from (an unusual class loader): the working directory's target/ remains.
        }
        candidates.add(Path.of("target", JAR_NAME).toAbsolutePath());
        return candidates.stream().map(Path::normalize).distinct().toList();
    }

    private static String sha256(Path file) throws IOException {
        try (DigestInputStream in =
                new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
