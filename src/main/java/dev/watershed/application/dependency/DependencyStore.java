package dev.watershed.application.dependency;

import dev.watershed.domain.contract.SemanticVersion;
import dev.watershed.domain.graph.VersionRange;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where dependencies are kept, together with the estate change counter that lets every replica notice that its
 * in-memory graph is behind.
 */
public interface DependencyStore {

    Optional<Dependency> find(String producer, String consumer);

    /** What {@code consumer} reads, ordered by producer. */
    List<Dependency> ofConsumer(String consumer);

    /** Who reads {@code producer}, ordered by consumer. */
    List<Dependency> ofProducer(String producer);

    /** Inserts the dependency, or replaces the one between the same producer and consumer. */
    void save(Dependency dependency);

    /** @return whether there was one to remove */
    boolean remove(String producer, String consumer);

    /** Removes every dependency from or to {@code asset}. */
    void removeTouching(String asset);

    void updateResolvedVersion(String producer, String consumer, SemanticVersion resolved);

    /** The consumers of {@code producer} whose dependency has no version range (declared before it had a contract). */
    Set<String> consumersWithoutRange(String producer);

    /** Gives every dependency on {@code producer} that has no version range {@code range}, resolved to {@code resolved}. */
    void assignMissingRanges(String producer, VersionRange range, SemanticVersion resolved);

    /**
     * Increments the estate change counter inside the current transaction and returns the new value. The row stays
     * locked until the transaction ends, so writers on every replica take turns.
     */
    long incrementEstateVersion();

    /** The estate change counter as last committed; one indexed single-row read. */
    long estateVersion();

    /** Every asset with its latest contract version, and every dependency: two queries, whatever the size. */
    EstateSnapshot loadEstate();
}
