package dev.watershed.application.dependency;

import dev.watershed.application.asset.AssetHasConsumersException;
import dev.watershed.application.asset.AssetNotFoundException;
import dev.watershed.application.asset.AssetRemovalListener;
import dev.watershed.application.asset.AssetStore;
import dev.watershed.application.config.WatershedConfig;
import dev.watershed.application.contract.ContractStore;
import dev.watershed.application.contract.SchemaCache;
import dev.watershed.domain.InvalidInputException;
import dev.watershed.domain.asset.Asset;
import dev.watershed.domain.asset.AssetName;
import dev.watershed.domain.auth.Caller;
import dev.watershed.domain.contract.Contract;
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

    private final DependencyStore dependencies;
    private final AssetStore assets;
    private final ContractStore contracts;
    private final ProducerFieldsChecker producerFields;
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
            SchemaCache schemas,
            EstateGraph estate,
            WatershedConfig config,
            Clock clock,
            Event<DependencyAdded> added,
            Event<DependencyRemoved> removed) {
        this.dependencies = dependencies;
        this.assets = assets;
        this.contracts = contracts;
        this.producerFields = new ProducerFieldsChecker(schemas);
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
     * contract at the resolved version, or the dependency would close a cycle. On a producer that has published no
     * contract yet the dependency is lineage only: stored with the range given (none by default), no resolved
     * version, and fields checked only for their form.
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
        // A producer without a contract yet can still be depended on, as lineage only: no range is resolved and no
        // field checked against a contract it does not have; its first publish gives the dependency a range
        // (EstateGraph#contractPublished).
        VersionRange range = draft.versionRange() != null
                ? parsedRange(draft.versionRange())
                : published.isEmpty()
                        ? null
                        : VersionRange.parse("^" + published.get(0).version().major());
        Contract atResolved = published.isEmpty() ? null : resolved(producer, range, published);
        List<String> fields = producerFields.checkedFields(draft.fields(), atResolved);
        UsageTerms terms = new UsageTerms(
                producerFields.checkedSplitKey(draft.splitKey(), atResolved),
                producerFields.checkedTargets(draft.targetFields(), fields, atResolved),
                cost(draft.cost()),
                benefit(draft.benefit()));

        var graph = estate.forWrite();
        // An asset registered earlier in this transaction joins the graph only at commit; a new asset closes no
        // cycle of committed edges, and a plan (PlanService) checks the cycles among its own edges first.
        Optional<List<String>> cycle =
                graph.node(producer).isEmpty() || graph.node(consumer).isEmpty()
                        ? Optional.empty()
                        : new DependencyCycleCheck(graph).cycleIfAdded(producer, consumer);
        if (cycle.isPresent()) {
            throw new DependencyCycleException(producer, consumer, cycle.get());
        }
        Optional<Dependency> previous = dependencies.find(producer, consumer);
        Dependency dependency = new Dependency(
                producer,
                consumer,
                range,
                atResolved == null ? null : atResolved.version(),
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
     * Why {@code dependency} is lineage only, or empty when it is not: while its producer has published no contract
     * there is no version to resolve and no field to check the dependency's fields against.
     */
    public Optional<String> lineageOnlyReason(Dependency dependency) {
        String producer = dependency.producer();
        boolean noContract = estate.read()
                .node(producer)
                .map(node -> node.latestVersion() == null)
                .orElseGet(() -> contracts.latest(producer).isEmpty());
        return noContract
                ? Optional.of(producer + " has no published contract yet; fields are checked once it publishes")
                : Optional.empty();
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

    /** @return empty when the graph does not hold {@code name} */
    public Optional<AssetNode> node(String name) {
        return estate.read().node(name);
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
        return new FieldImpactAnalysis(estate.read()).impact(name, normalized(fields));
    }

    /** @return the fields as canonical JSON Pointers, as {@link #impact} reads them */
    public static List<String> normalized(Collection<String> fields) {
        List<String> changed = new ArrayList<>();
        int i = 0;
        for (String field : fields) {
            changed.add(ProducerFieldsChecker.normalized(field, "fields[" + i++ + "]"));
        }
        return changed;
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

    /** The published contract whose version {@code range} resolves to. */
    private static Contract resolved(String producer, VersionRange range, List<Contract> published) {
        List<SemanticVersion> versions =
                published.stream().map(Contract::version).sorted().toList();
        SemanticVersion resolved = range.resolve(versions)
                .orElseThrow(() -> new InvalidDependencyException(
                        "VERSION_RANGE_MATCHES_NOTHING",
                        "/versionRange",
                        "version range '" + range + "' matches none of the published versions of '" + producer + "': "
                                + versions.stream()
                                        .map(SemanticVersion::toString)
                                        .toList(),
                        Map.of(
                                "publishedVersions",
                                versions.stream().map(SemanticVersion::toString).toList())));
        return published.stream()
                .filter(c -> c.version().equals(resolved))
                .findFirst()
                .orElseThrow();
    }

    private static VersionRange parsedRange(String text) {
        try {
            return VersionRange.parse(text);
        } catch (InvalidVersionRangeException e) {
            throw new InvalidDependencyException("INVALID_VERSION_RANGE", "/versionRange", e.getMessage(), Map.of());
        }
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
}
