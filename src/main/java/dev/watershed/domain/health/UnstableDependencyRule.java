package dev.watershed.domain.health;

import dev.watershed.domain.graph.DependencyEdge;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A dependency on a producer that published more than {@code maxMajorReleases} major versions (x.0.0 after its
 * first version) within {@code window}: each is a breaking change its consumers had to absorb. One finding per
 * consumer, so each reader sees it on its own page; the producer's owner is the one to act.
 */
public final class UnstableDependencyRule implements FindingRule {

    private final int maxMajorReleases;
    private final Duration window;

    /**
     * @param maxMajorReleases major releases allowed in the window; one more is reported
     * @param window           how far back from now releases count
     */
    public UnstableDependencyRule(int maxMajorReleases, Duration window) {
        if (maxMajorReleases < 0 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("maxMajorReleases must be >= 0 and the window positive");
        }
        this.maxMajorReleases = maxMajorReleases;
        this.window = window;
    }

    @Override
    public List<Finding> apply(EstateFacts facts) {
        Instant since = facts.now().minus(window);
        Map<String, List<MajorRelease>> recent = new HashMap<>();
        for (MajorRelease release : facts.majorReleases()) {
            if (!release.publishedAt().isBefore(since)) {
                recent.computeIfAbsent(release.asset(), k -> new ArrayList<>()).add(release);
            }
        }
        List<Finding> findings = new ArrayList<>();
        recent.forEach((producer, releases) -> {
            if (releases.size() <= maxMajorReleases) {
                return;
            }
            releases.sort((a, b) -> a.version().compareTo(b.version()));
            List<String> listed = releases.stream()
                    .map(release -> release.version() + " on "
                            + release.publishedAt().toString().substring(0, 10))
                    .toList();
            for (DependencyEdge edge : facts.consumersOf(producer)) {
                findings.add(new Finding(
                        FindingCode.UNSTABLE_DEPENDENCY,
                        Severity.WARNING,
                        producer,
                        edge.consumer() + " depends on " + producer + ", which keeps breaking its contract",
                        producer + " published " + releases.size() + " major versions in the last " + window.toDays()
                                + " days (" + String.join(", ", listed) + "), more than " + maxMajorReleases
                                + "; " + edge.consumer() + " reads it with range " + edge.versionRange()
                                + (edge.resolvedVersion() == null ? "" : ", resolved to " + edge.resolvedVersion())
                                + ".",
                        List.of(producer, edge.consumer()),
                        edge.fields(),
                        producer + "'s owner batches breaking changes into fewer major versions, or adds fields"
                                + " instead of changing them (minor versions); " + edge.consumer()
                                + "'s owner pins a major version and plans upgrades."));
            }
        });
        return findings;
    }
}
