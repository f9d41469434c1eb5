package dev.watershed.application.dependency;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.watershed.application.asset.AssetHasConsumersException;
import dev.watershed.application.asset.AssetNotFoundException;
import dev.watershed.application.asset.AssetRemovalListener;
import dev.watershed.application.asset.AssetStore;
import dev.watershed.application.config.WatershedConfig;
import dev.watershed.application.contract.ContractStore;
import dev.watershed.domain.InvalidInputException;
import dev.watershed.domain.asset.Asset;
import dev.watershed.domain.asset.AssetName;
import dev.watershed.domain.auth.Caller;
import dev.watershed.domain.contract.Contract;
import dev.watershed.domain.contract.FieldPath;
import dev.watershed.domain.contract.FieldPaths;
import dev.watershed.domain.contract.InvalidFieldPathException;
import dev.watershed.domain.contract.ParsedSchema;
import dev.watershed.domain.contract.SchemaField;
import dev.watershed.domain.contract.SchemaFormat;
import dev.watershed.domain.contract.SchemaParser;
import dev.watershed.domain.contract.SemanticVersion;
import dev.watershed.domain.graph.AssetNode;
import dev.watershed.domain.graph.Benefit;
import dev.watershed.domain.graph.Cost;
import dev.watershed.domain.graph.DependencyCycleCheck;
import dev.watershed.domain.graph.DependencyCycleException;
import dev.watershed.domain.graph.DependencyEdge;
import dev.watershed.domain.graph.FieldImpactAnalysis;
import dev.watershed.domain.graph.ImpactedAsset;
import dev.watershed.domain.graph.InvalidVersionRangeException;
import dev.watershed.domain.graph.LineageDirection;
import dev.watershed.domain.graph.LineageTraversal;
import dev.watershed.domain.graph.RebuildOrder;
import dev.watershed.domain.graph.Subgraph;
import dev.watershed.domain.graph.Usage;
import dev.watershed.domain.graph.UsageTerms;
import dev.watershed.domain.graph.VersionRange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Declares and removes dependencies between assets and answers questions about them: lineage, impact, rebuild
 * order. Also guards asset removal: an asset others still read is not removed unless forced.
 */
@ApplicationScoped
public class DependencyService implements AssetRemovalListener {

    private static final int MAX_NOTE = 2_000;
    private static final int MAX_FIELDS = 1_000;
    private static final int MAX_SPLIT_KEY = 500;

    private final DependencyStore dependencies;
    private final AssetStore assets;
    private final ContractStore contracts;
    private final SchemaParser parser;
    private final EstateGraph estate;
    private final WatershedConfig config;
    private final Clock clock;
    // Fired synchronously: the observers run inside the change's transaction (see DependencyAdded).
    private final Event<DependencyAdded> added;
    private final Event<DependencyRemoved> removed;

    public DependencyService(
            DependencyStore dependencies,
            AssetStore assets,
            ContractStore contracts,
            SchemaParser parser,
            EstateGraph estate,
            WatershedConfig config,
            Clock clock,
            Event<DependencyAdded> added,
            Event<DependencyRemoved> removed) {
        this.dependencies = dependencies;
        this.assets = assets;
        this.contracts = contracts;
        this.parser = parser;
        this.estate = estate;
        this.config = config;
        this.clock = clock;
        this.added = added;
        this.removed = removed;
    }

    /** The outcome of a declaration: the dependency as stored, and whether it is new or replaced one. */
    public record Declared(Dependency dependency, boolean created) {}

    /**
     * Declares (or replaces) that {@code consumer} reads {@code producer}. Only the consumer's owner or an admin may.
     * Refused before anything is stored when the range matches no published version, a field is not in the
     * contract at the resolved version, or the dependency would close a cycle.
     */
    @Transactional
    public Declared declare(Caller caller, String consumer, String producer, DependencyDraft draft) {
        Asset consumerAsset = require(consumer);
        caller.requireCanChange(consumerAsset.owner(), "the dependencies of asset '" + consumer + "'");
        require(producer);
        if (consumer.equals(producer)) {
            throw new InvalidDependencyException(
                    "SELF_DEPENDENCY", null, "asset '" + consumer + "' cannot depend" + " on itself", Map.of());
        }
        if (draft.note() != null && draft.note().length() > MAX_NOTE) {
            throw new InvalidInputException("/note", "note is longer than " + MAX_NOTE + " characters");
        }
        List<Contract> published = contracts.history(producer);
        if (published.isEmpty()) {
            throw new InvalidDependencyException(
                    "PRODUCER_HAS_NO_CONTRACT",
                    null,
                    "asset '" + producer + "' has no"
                            + " published contract yet, so there is nothing to depend on: its owner publishes one with POST"
                            + " /api/v1/assets/" + producer + "/contracts",
                    Map.of());
        }
        VersionRange range = range(draft.versionRange(), published.get(0).version());
        List<SemanticVersion> versions =
                published.stream().map(Contract::version).toList();
        SemanticVersion resolved = range.resolve(versions)
                .orElseThrow(() -> new InvalidDependencyException(
                        "VERSION_RANGE_MATCHES_NOTHING",
                        "/versionRange",
                        "version range '" + range + "' matches none of"
                                + " the published versions of '" + producer + "': "
                                + versions.stream()
                                        .sorted()
                                        .map(SemanticVersion::toString)
                                        .toList(),
                        Map.of(
                                "publishedVersions",
                                versions.stream()
                                        .sorted()
                                        .map(SemanticVersion::toString)
                                        .toList())));
        Contract atResolved = published.stream()
                .filter(c -> c.version().equals(resolved))
                .findFirst()
                .orElseThrow();
        List<String> fields = checkedFields(draft.fields(), atResolved);
        UsageTerms terms = new UsageTerms(
                checkedSplitKey(draft.splitKey(), atResolved),
                checkedTargets(draft.targetFields(), fields, atResolved),
                cost(draft.cost()),
                benefit(draft.benefit()));

        var graph = estate.forWrite();
        Optional<List<String>> cycle = new DependencyCycleCheck(graph).cycleIfAdded(producer, consumer);
        if (cycle.isPresent()) {
            throw new DependencyCycleException(producer, consumer, cycle.get());
        }
        Optional<Dependency> previous = dependencies.find(producer, consumer);
        Dependency dependency = new Dependency(
                producer,
                consumer,
                range,
                resolved,
                fields,
                draft.usage() == null ? Usage.BOTH : draft.usage(),
                draft.note(),
                previous.map(Dependency::createdAt).orElse(clock.instant()),
                caller.label(),
                terms);
        dependencies.save(dependency);
        DependencyEdge edge = dependency.toEdge();
        estate.afterCommit(live -> live.putDependency(edge));
        if (previous.isEmpty()) {
            added.fire(new DependencyAdded(dependency));
        }
        return new Declared(dependency, previous.isEmpty());
    }

    @Transactional
    public void remove(Caller caller, String consumer, String producer) {
        Asset consumerAsset = require(consumer);
        caller.requireCanChange(consumerAsset.owner(), "the dependencies of asset '" + consumer + "'");
        require(producer);
        estate.forWrite();
        if (!dependencies.remove(producer, consumer)) {
            throw new DependencyNotFoundException(consumer, producer);
        }
        estate.afterCommit(live -> live.removeDependency(producer, consumer));
        removed.fire(new DependencyRemoved(producer, consumer));
    }

    /** What {@code name} reads, by producer. */
    public List<Dependency> dependenciesOf(String name) {
        require(name);
        return dependencies.ofConsumer(name);
    }

    /** Who reads {@code name}, by consumer. */
    public List<Dependency> consumersOf(String name) {
        require(name);
        return dependencies.ofProducer(name);
    }

    /**
     * @param depth hops to walk, 0 to {@code watershed.graph.max-depth}
     */
    public Subgraph lineage(String name, LineageDirection direction, int depth) {
        int max = config.graph().maxDepth();
        if (depth < 0 || depth > max) {
            throw new InvalidInputException(
                    "depth", "depth " + depth + " is outside 0.." + max + " (watershed.graph.max-depth)");
        }
        require(name);
        return new LineageTraversal(estate.read()).lineage(name, direction, depth);
    }

    /** A page of the whole estate, by name, with the dependencies among the assets on it. */
    public Subgraph estate(String owner, String kind, int limit) {
        int max = config.limits().maxPageSize();
        if (limit < 1 || limit > max) {
            throw new InvalidInputException("limit", "limit " + limit + " is outside 1.." + max);
        }
        return estate.read().estate(owner, kind, limit);
    }

    /** Who is affected if {@code fields} (all of them when empty) of {@code name}'s contract change. */
    public List<ImpactedAsset> impact(String name, Collection<String> fields) {
        require(name);
        List<String> changed = new ArrayList<>();
        int i = 0;
        for (String field : fields) {
            changed.add(normalized(field, "fields[" + i++ + "]"));
        }
        return new FieldImpactAnalysis(estate.read()).impact(name, changed);
    }

    /** Everything downstream of {@code name}, each after the producers it reads among them. */
    public List<AssetNode> rebuildOrder(String name) {
        require(name);
        return new RebuildOrder(estate.read()).downstreamOf(name);
    }

    @Override
    public void beforeRemoval(Caller caller, Asset asset, boolean force) {
        String name = asset.name().value();
        var graph = estate.forWrite();
        List<String> consumers = graph.node(name).isPresent()
                ? graph.directConsumers(name).stream()
                        .map(DependencyEdge::consumer)
                        .toList()
                : List.of();
        if (!consumers.isEmpty() && !force) {
            throw new AssetHasConsumersException(name, consumers);
        }
        dependencies.removeTouching(name);
    }

    private Asset require(String name) {
        return assets.find(new AssetName(name)).orElseThrow(() -> new AssetNotFoundException(name));
    }

    private static VersionRange range(String text, SemanticVersion latest) {
        if (text == null) {
            return VersionRange.parse("^" + latest.major());
        }
        try {
            return VersionRange.parse(text);
        } catch (InvalidVersionRangeException e) {
            throw new InvalidDependencyException("INVALID_VERSION_RANGE", "/versionRange", e.getMessage(), Map.of());
        }
    }

    private List<String> checkedFields(List<String> requested, Contract contract) {
        if (requested == null || requested.isEmpty()) {
            return List.of();
        }
        if (requested.size() > MAX_FIELDS) {
            throw new InvalidInputException("/fields", "at most " + MAX_FIELDS + " fields per dependency");
        }
        List<String> canonical = new ArrayList<>(requested.size());
        for (int i = 0; i < requested.size(); i++) {
            canonical.add(normalized(requested.get(i), "/fields/" + i));
        }
        List<String> unknown = FieldPaths.unknownFields(fieldsOf(contract), canonical);
        if (!unknown.isEmpty()) {
            int first = canonical.indexOf(unknown.get(0));
            throw new InvalidDependencyException(
                    "UNKNOWN_FIELDS",
                    "/fields/" + first,
                    "version "
                            + contract.version() + " of '" + contract.asset() + "' has no field "
                            + String.join(", ", unknown)
                            + ": list its fields with GET /api/v1/assets/" + contract.asset() + "/contracts/"
                            + contract.version(),
                    Map.of("unknownFields", unknown));
        }
        return canonical.stream().distinct().toList();
    }

    /**
     * A split key that starts with '/' names a field of the producer and must exist. Otherwise it is free text,
     * unless it is the dotted path of a field ({@code patient_id}, {@code customer.id}), which is stored as that
     * field's pointer so that tools can tell a field from a description.
     */
    private String checkedSplitKey(String splitKey, Contract contract) {
        if (splitKey == null || splitKey.isBlank()) {
            return null;
        }
        String key = splitKey.strip();
        if (key.length() > MAX_SPLIT_KEY) {
            throw new InvalidInputException("/splitKey", "splitKey is longer than " + MAX_SPLIT_KEY + " characters");
        }
        if (key.startsWith("/")) {
            String pointer = normalized(key, "/splitKey");
            if (!FieldPaths.unknownFields(fieldsOf(contract), List.of(pointer)).isEmpty()) {
                throw new InvalidDependencyException(
                        "UNKNOWN_FIELDS",
                        "/splitKey",
                        "splitKey " + pointer
                                + " is not a field of version " + contract.version() + " of '" + contract.asset() + "':"
                                + " name one of its fields, or describe the split in words (without a leading '/')",
                        Map.of("unknownFields", List.of(pointer)));
            }
            return pointer;
        }
        try {
            String pointer = FieldPath.normalize(key);
            if (FieldPaths.unknownFields(fieldsOf(contract), List.of(pointer)).isEmpty()) {
                return pointer;
            }
        } catch (RuntimeException e) {
            // Not a path at all: a description of the split.
        }
        return key;
    }

    /**
     * Targets must be among the fields read when those are named (inside one of them, {@link FieldPath#isPrefixOf}),
     * and in the contract either way.
     */
    private List<String> checkedTargets(List<String> requested, List<String> fields, Contract contract) {
        if (requested == null || requested.isEmpty()) {
            return List.of();
        }
        if (requested.size() > MAX_FIELDS) {
            throw new InvalidInputException("/targetFields", "at most " + MAX_FIELDS + " target fields");
        }
        List<String> targets = new ArrayList<>(requested.size());
        for (int i = 0; i < requested.size(); i++) {
            String target = normalized(requested.get(i), "/targetFields/" + i);
            if (!fields.isEmpty() && fields.stream().noneMatch(f -> FieldPath.isPrefixOf(f, target))) {
                throw new InvalidDependencyException(
                        "TARGET_FIELD_NOT_READ",
                        "/targetFields/" + i,
                        "target field "
                                + target + " is not among the fields this dependency reads ("
                                + String.join(", ", fields)
                                + "): add it to fields too",
                        Map.of());
            }
            targets.add(target);
        }
        List<String> unknown = FieldPaths.unknownFields(fieldsOf(contract), targets);
        if (!unknown.isEmpty()) {
            throw new InvalidDependencyException(
                    "UNKNOWN_FIELDS",
                    "/targetFields/" + targets.indexOf(unknown.get(0)),
                    "version " + contract.version() + " of '" + contract.asset() + "' has no field "
                            + String.join(", ", unknown),
                    Map.of("unknownFields", unknown));
        }
        return targets;
    }

    private static Cost cost(DependencyDraft.CostDraft draft) {
        if (draft == null) {
            return null;
        }
        if (draft.amount() == null) {
            throw new InvalidInputException("/cost/amount", "cost amount is required, a number >= 0");
        }
        return new Cost(draft.amount(), draft.unit());
    }

    private static Benefit benefit(DependencyDraft.BenefitDraft draft) {
        if (draft == null) {
            return null;
        }
        if (draft.value() == null) {
            throw new InvalidInputException("/benefit/value", "benefit value is required, a number");
        }
        return new Benefit(draft.value(), draft.metric());
    }

    private static String normalized(String field, String pointer) {
        try {
            return FieldPath.normalize(field);
        } catch (InvalidFieldPathException e) {
            throw new InvalidDependencyException("INVALID_FIELD_PATH", pointer, e.getMessage(), Map.of());
        } catch (RuntimeException e) {
            throw new InvalidDependencyException(
                    "INVALID_FIELD_PATH",
                    pointer,
                    "field '" + field + "' is not a JSON Pointer or dotted path",
                    Map.of());
        }
    }

    private List<SchemaField> fieldsOf(Contract contract) {
        ParsedSchema schema = parser.parse(contract.format(), TextNode.valueOf(contract.schemaText()), "/schema");
        return contract.format() == SchemaFormat.AVRO
                ? FieldPaths.fromAvro(schema.avro())
                : FieldPaths.fromJsonSchema(schema.document());
    }
}
