package dev.watershed.application.health;

import dev.watershed.application.asset.AssetNotFoundException;
import dev.watershed.application.asset.AssetStore;
import dev.watershed.application.config.WatershedConfig;
import dev.watershed.application.dependency.DependencyStore;
import dev.watershed.application.dependency.EstateGraph;
import dev.watershed.application.lineage.ObservedLineageService;
import dev.watershed.domain.asset.AssetName;
import dev.watershed.domain.graph.AssetNode;
import dev.watershed.domain.graph.DependencyGraph;
import dev.watershed.domain.health.EstateFacts;
import dev.watershed.domain.health.Finding;
import dev.watershed.domain.health.FindingCode;
import dev.watershed.domain.health.FindingsAnalyser;
import dev.watershed.domain.health.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The estate's ML data health findings, computed from the in-memory graph plus a few bulk reads (field metadata and
 * field lists of the latest contracts, asset facts, recent major versions), never per asset.
 *
 * <p>The result is kept until the estate changes (any write to assets, contracts or dependencies moves the estate
 * change counter), an OpenLineage event is stored (the lineage version) or a minute has passed, so that the unstable-dependency window moves on with time.
 */
@ApplicationScoped
public class FindingsService {

    private static final Duration MAX_AGE = Duration.ofMinutes(1);

    private final EstateGraph estate;
    private final DependencyStore dependencies;
    private final HealthStore health;
    private final AssetStore assets;
    private final ObservedLineageService observed;
    private final Clock clock;
    private final Duration window;
    private final FindingsAnalyser analyser;

    private volatile Computed last;

    private record Computed(long estateVersion, long lineageVersion, Instant at, List<Finding> findings) {}

    /** Filters for the estate-wide list; {@code null} matches anything. */
    public record Filter(Severity severity, FindingCode code, String owner) {}

    public FindingsService(
            EstateGraph estate,
            DependencyStore dependencies,
            HealthStore health,
            AssetStore assets,
            ObservedLineageService observed,
            Clock clock,
            WatershedConfig config) {
        this.estate = estate;
        this.dependencies = dependencies;
        this.health = health;
        this.assets = assets;
        this.observed = observed;
        this.clock = clock;
        this.window = config.findings().unstableWindow();
        this.analyser = FindingsAnalyser.withAllRules(config.findings().unstableMaxMajorVersions(), window);
    }

    /** Every finding that matches, errors first. */
    public List<Finding> findings(Filter filter) {
        List<Finding> all = all();
        DependencyGraph graph = estate.read();
        return all.stream()
                .filter(finding -> filter.severity() == null || finding.severity() == filter.severity())
                .filter(finding -> filter.code() == null || finding.code() == filter.code())
                .filter(finding -> filter.owner() == null
                        || filter.owner()
                                .equals(graph.node(finding.asset())
                                        .map(AssetNode::owner)
                                        .orElse(null)))
                .toList();
    }

    /** Findings to act on at {@code name} or one of whose paths passes through it, errors first. */
    public List<Finding> findingsOf(String name) {
        if (assets.find(new AssetName(name)).isEmpty()) {
            throw new AssetNotFoundException(name);
        }
        return all().stream().filter(finding -> finding.concerns(name)).toList();
    }

    private List<Finding> all() {
        // The counter first: the graph read after it is at least as new, so a cached result is never older than
        // the version it is kept under.
        long version = dependencies.estateVersion();
        long lineageVersion = observed.version();
        Instant now = clock.instant();
        Computed cached = last;
        if (cached != null
                && cached.estateVersion() == version
                && cached.lineageVersion() == lineageVersion
                && cached.at().plus(MAX_AGE).isAfter(now)) {
            return cached.findings();
        }
        // A snapshot: the rules walk the whole estate, and writers should not wait for them.
        EstateFacts facts = new EstateFacts(
                estate.read().snapshot(),
                health.latestFieldMetadata(),
                health.highCriticalityAssets(),
                health.replicas(),
                health.majorReleasesSince(now.minus(window)),
                now,
                observed.observed(),
                health.latestContractFields());
        List<Finding> findings = analyser.analyse(facts);
        last = new Computed(version, lineageVersion, now, Objects.requireNonNull(findings));
        return findings;
    }
}
