package dev.watershed.application.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watershed.application.access.TeamService;
import dev.watershed.application.asset.AssetDraft;
import dev.watershed.application.asset.AssetQuery;
import dev.watershed.application.asset.AssetService;
import dev.watershed.application.config.WatershedConfig;
import dev.watershed.application.contract.BreakingChangeReader;
import dev.watershed.application.contract.ContractService;
import dev.watershed.application.contract.PublishRequest;
import dev.watershed.application.dependency.DependencyDraft;
import dev.watershed.application.dependency.DependencyService;
import dev.watershed.application.lineage.LineageIngestion;
import dev.watershed.application.validation.BatchFormat;
import dev.watershed.application.validation.ValidationService;
import dev.watershed.domain.ComputeBudget;
import dev.watershed.domain.asset.AssetKind;
import dev.watershed.domain.asset.Criticality;
import dev.watershed.domain.auth.Caller;
import dev.watershed.domain.auth.Role;
import dev.watershed.domain.contract.CompatibilityMode;
import dev.watershed.domain.contract.FieldMetadata;
import dev.watershed.domain.contract.FieldRole;
import dev.watershed.domain.contract.SchemaFormat;
import dev.watershed.domain.declaration.ContractFiles;
import dev.watershed.domain.graph.Usage;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Loads the example estate on first start, so that a new registry has something to browse: the copy of the
 * repository's {@code contracts/} packaged with the registry, or the directory {@code watershed.examples.directory}
 * names. Runs only when the database holds no assets, and by default only on the embedded database: a production
 * PostgreSQL stays empty unless {@code watershed.examples.load=true} says otherwise.
 */
@ApplicationScoped
public class ExampleEstateLoader {

    private static final Logger LOG = Logger.getLogger(ExampleEstateLoader.class);
    private static final Caller LOADER = new Caller("example-loader", "example-loader", null, Role.ADMIN);
    private static final String PACKAGED = "examples";
    private static final String LINEAGE_DIRECTORY = "lineage";

    private final TeamService teams;
    private final AssetService assets;
    private final ContractService contracts;
    private final DependencyService dependencies;
    private final ValidationService validation;
    private final LineageIngestion lineage;
    private final ObjectMapper json;
    private final WatershedConfig config;

    public ExampleEstateLoader(
            TeamService teams,
            AssetService assets,
            ContractService contracts,
            DependencyService dependencies,
            ValidationService validation,
            LineageIngestion lineage,
            ObjectMapper json,
            WatershedConfig config) {
        this.teams = teams;
        this.assets = assets;
        this.contracts = contracts;
        this.dependencies = dependencies;
        this.validation = validation;
        this.lineage = lineage;
        this.json = json;
        this.config = config;
    }

    void onStart(@Observes @Priority(20) StartupEvent event) {
        if (!shouldLoad()) {
            LOG.debug("Example estate not loaded: watershed.examples.load is false (the default off H2)");
            return;
        }
        long existing =
                assets.search(new AssetQuery(null, null, null, null, 1, 0)).total();
        if (existing > 0) {
            LOG.infof("Example estate not loaded: the database already holds %d assets", existing);
            return;
        }
        Optional<String> configured = config.examples().directory();
        if (configured.isPresent()) {
            Path directory = Path.of(configured.get()).toAbsolutePath();
            if (!Files.isDirectory(directory)) {
                LOG.warnf("Example estate not loaded: %s (watershed.examples.directory) is not a directory", directory);
                return;
            }
            loadFrom(directory, directory.toString());
        } else {
            withPackagedExamples(directory -> loadFrom(directory, "the copy packaged with the registry"));
        }
    }

    private void loadFrom(Path directory, String where) {
        ContractFiles.Estate estate = ContractFiles.read(directory);
        load(estate);
        int events = replayLineage(directory.resolve(LINEAGE_DIRECTORY));
        LOG.infof(
                "Loaded the example estate from %s: %d teams, %d assets, %d OpenLineage events",
                where, estate.teams().size(), estate.assets().size(), events);
    }

    /**
     * Reports the recorded OpenLineage events of {@code lineage/} (one event per {@code *.json} file, in the order of
     * their names, so that a run's START comes before its COMPLETE) through the same ingestion as
     * {@code POST /api/v1/lineage}, once the assets whose {@code lineageIds} they name exist. Their eventTimes are
     * the fixed times they were recorded at, not the time of loading: the run reads every dependency the asset it
     * writes declares, so its age decides no finding. A directory without {@code lineage/} has no events to report.
     *
     * @return how many events were reported
     */
    private int replayLineage(Path directory) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        List<Path> events;
        try (Stream<Path> files = Files.list(directory)) {
            events = files.filter(file -> file.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing(file -> file.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the recorded lineage events in " + directory, e);
        }
        for (Path file : events) {
            try {
                String body = Files.readString(file);
                lineage.ingest(LOADER, json.readTree(body), body);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the recorded lineage event " + file, e);
            }
        }
        return events.size();
    }

    /**
     * Runs {@code load} on the example estate packaged under {@code examples/} (the repository's {@code contracts/},
     * copied by the build), so that the jar started from any directory has it. Inside a jar it is read through a
     * zip file system, which {@link ContractFiles} reads like any directory.
     */
    private static void withPackagedExamples(Consumer<Path> load) {
        URL teams = ExampleEstateLoader.class.getClassLoader().getResource(PACKAGED + "/" + ContractFiles.TEAMS_FILE);
        if (teams == null) {
            LOG.warn("Example estate not loaded: this build has no packaged examples");
            return;
        }
        try {
            URI uri = teams.toURI();
            if (!"jar".equals(uri.getScheme())) {
                load.accept(Path.of(uri).getParent());
                return;
            }
            FileSystem jar;
            try {
                jar = FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException open) {
                load.accept(FileSystems.getFileSystem(uri).getPath(PACKAGED));
                return;
            }
            try (jar) {
                load.accept(jar.getPath(PACKAGED));
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the packaged example estate at " + teams, e);
        }
    }

    private boolean shouldLoad() {
        return config.examples()
                .load()
                .orElseGet(() -> "h2"
                        .equals(ConfigProvider.getConfig()
                                .getOptionalValue("quarkus.datasource.db-kind", String.class)
                                .orElse("h2")));
    }

    void load(ContractFiles.Estate estate) {
        for (ContractFiles.TeamEntry entry : estate.teams()) {
            JsonNode team = entry.declaration();
            if (teams.list().stream().noneMatch(existing -> existing.name().equals(entry.name()))) {
                teams.create(LOADER, entry.name(), team.path("email").asText(), text(team, "webhook"));
            }
        }
        for (ContractFiles.AssetFile file : ContractFiles.inDependencyOrder(estate.assets())) {
            JsonNode asset = file.declaration();
            String name = asset.path("name").asText();
            assets.register(
                    LOADER,
                    new AssetDraft(
                            name,
                            enumOf(AssetKind.class, asset, "kind"),
                            text(asset, "owner"),
                            text(asset, "description"),
                            strings(asset.path("tags")),
                            enumOf(Criticality.class, asset, "criticality"),
                            enumOf(CompatibilityMode.class, asset, "compatibility"),
                            asset.hasNonNull("strictCompatibility")
                                    ? asset.get("strictCompatibility").asBoolean()
                                    : null,
                            text(asset, "replicaOf"),
                            asset.has("subjects") ? strings(asset.path("subjects")) : null,
                            lineageIds(asset.path("lineageIds"))));
            if (file.schema() != null) {
                JsonNode contract = asset.path("contract");
                SchemaFormat format = enumOf(SchemaFormat.class, contract, "format");
                JsonNode history = contract.path("history");
                for (int i = 0; i < file.history().size(); i++) {
                    contracts.publish(
                            LOADER,
                            name,
                            new PublishRequest(
                                    format,
                                    file.history().get(i),
                                    text(history.get(i), "version"),
                                    text(history.get(i), "changelog"),
                                    Map.of()),
                            ComputeBudget.unlimited());
                }
                // Our own example files, loaded once at start: no request to answer within a budget.
                contracts.publish(
                        LOADER,
                        name,
                        new PublishRequest(
                                format,
                                file.schema(),
                                text(contract, "version"),
                                text(contract, "changelog"),
                                fields(asset.path("fields")),
                                BreakingChangeReader.read(contract.path("breakingChange"))),
                        ComputeBudget.unlimited());
            }
        }
        for (ContractFiles.AssetFile file : ContractFiles.inDependencyOrder(estate.assets())) {
            String consumer = file.declaration().path("name").asText();
            for (JsonNode dependsOn : file.declaration().path("dependsOn")) {
                dependencies.declare(
                        LOADER,
                        consumer,
                        dependsOn.path("asset").asText(),
                        new DependencyDraft(
                                text(dependsOn, "versionRange"),
                                strings(dependsOn.path("fields")),
                                enumOf(Usage.class, dependsOn, "usage"),
                                text(dependsOn, "note"),
                                text(dependsOn, "splitKey"),
                                strings(dependsOn.path("targetFields")),
                                dependsOn.has("cost")
                                        ? new DependencyDraft.CostDraft(
                                                number(dependsOn.path("cost"), "amount"),
                                                text(dependsOn.path("cost"), "unit"))
                                        : null,
                                dependsOn.has("benefit")
                                        ? new DependencyDraft.BenefitDraft(
                                                number(dependsOn.path("benefit"), "value"),
                                                text(dependsOn.path("benefit"), "metric"))
                                        : null));
            }
        }
        for (ContractFiles.AssetFile file : estate.assets()) {
            for (ContractFiles.Sample sample : file.observations()) {
                record(file.name(), sample);
            }
        }
    }

    /** Through the same validation and profiling as POST .../validate?label=, so the samples behave like data. */
    private void record(String asset, ContractFiles.Sample sample) {
        try (InputStream body = Files.newInputStream(sample.file())) {
            validation.validate(
                    LOADER,
                    asset,
                    null,
                    BatchFormat.NDJSON,
                    body,
                    new ValidationService.Options(true, sample.label(), true));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample " + sample.file(), e);
        }
    }

    private Map<String, FieldMetadata> fields(JsonNode fields) {
        Map<String, FieldMetadata> metadata = new LinkedHashMap<>();
        fields.properties().forEach(entry -> {
            JsonNode field = entry.getValue();
            metadata.put(
                    entry.getKey(),
                    new FieldMetadata(
                            text(field, "description"),
                            field.path("pii").asBoolean(false),
                            field.path("servingAvailable").asBoolean(true),
                            enumOf(FieldRole.class, field, "role"),
                            number(field, "driftThreshold"),
                            number(field, "skewThreshold")));
        });
        return metadata;
    }

    private static List<AssetDraft.LineageId> lineageIds(JsonNode array) {
        List<AssetDraft.LineageId> ids = new ArrayList<>();
        array.forEach(id -> ids.add(new AssetDraft.LineageId(text(id, "namespace"), text(id, "name"))));
        return ids;
    }

    private static Double number(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asDouble() : null;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    }
}
