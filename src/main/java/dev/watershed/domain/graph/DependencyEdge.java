package dev.watershed.domain.graph;

import dev.watershed.domain.contract.FieldPath;
import dev.watershed.domain.contract.SemanticVersion;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A consumer reading a producer's data; edges point the way data flows, producer to consumer.
 *
 * @param producer        name of the asset read from
 * @param consumer        name of the asset reading
 * @param versionRange    contract versions the consumer accepts; {@code null} means {@link VersionRange#ANY}
 * @param resolvedVersion version currently resolved from the range; {@code null} when none resolves
 * @param fields          fields read, as paths normalised to canonical JSON Pointers by the constructor; empty means
 *                        the whole contract
 * @param usage           what the data is used for; {@code null} means {@link Usage#BOTH}
 * @param note            free text; may be {@code null}
 * @param terms           split key, target fields, cost and benefit; {@code null} means {@link UsageTerms#NONE}
 */
public record DependencyEdge(
        String producer,
        String consumer,
        VersionRange versionRange,
        SemanticVersion resolvedVersion,
        List<String> fields,
        Usage usage,
        String note,
        UsageTerms terms) {

    public DependencyEdge {
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(consumer, "consumer");
        versionRange = versionRange == null ? VersionRange.ANY : versionRange;
        usage = usage == null ? Usage.BOTH : usage;
        fields = normalize(fields);
        terms = terms == null ? UsageTerms.NONE : terms;
    }

    /** A dependency with no split key, targets, cost or benefit declared. */
    public DependencyEdge(
            String producer,
            String consumer,
            VersionRange versionRange,
            SemanticVersion resolvedVersion,
            List<String> fields,
            Usage usage,
            String note) {
        this(producer, consumer, versionRange, resolvedVersion, fields, usage, note, UsageTerms.NONE);
    }

    /** This dependency resolved to another version, everything else kept. */
    public DependencyEdge withResolvedVersion(SemanticVersion version) {
        return new DependencyEdge(producer, consumer, versionRange, version, fields, usage, note, terms);
    }

    /**
     * Whether the consumer reads {@code field} (a canonical pointer): it reads the whole contract, the field itself,
     * a field inside it or the object that holds it ({@link FieldPath#overlaps}, so {@code *} stands for any array
     * item: a reader of {@code /lines/0/price} reads {@code /lines/*}{@code /price}).
     */
    public boolean reads(String field) {
        if (fields.isEmpty()) {
            return true;
        }
        for (String read : fields) {
            if (FieldPath.overlaps(read, field)) {
                return true;
            }
        }
        return false;
    }

    /** A dependency on the whole contract, any version, for both uses. */
    public static DependencyEdge of(String producer, String consumer) {
        return new DependencyEdge(producer, consumer, VersionRange.ANY, null, List.of(), Usage.BOTH, null);
    }

    /** A dependency on some fields (pointers or dotted paths), any version, for both uses. */
    public static DependencyEdge of(String producer, String consumer, List<String> fields) {
        return new DependencyEdge(producer, consumer, VersionRange.ANY, null, fields, Usage.BOTH, null);
    }

    /** Whether the consumer reads the whole contract rather than named fields. */
    public boolean readsWholeContract() {
        return fields.isEmpty();
    }

    private static List<String> normalize(List<String> fields) {
        if (fields == null || fields.isEmpty()) {
            return List.of();
        }
        Set<String> canonical = new LinkedHashSet<>();
        for (String field : fields) {
            canonical.add(FieldPath.normalize(field));
        }
        return List.copyOf(canonical);
    }
}
