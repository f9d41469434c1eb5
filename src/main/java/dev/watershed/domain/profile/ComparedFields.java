package dev.watershed.domain.profile;

import dev.watershed.domain.contract.FieldMetadata;
import dev.watershed.domain.contract.FieldPath;
import dev.watershed.domain.contract.FieldRole;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which fields of two profiles a comparison looks at. What the contract says of a field can rule it out (an
 * identifier's values are new in every batch; a label, or a value known only in hindsight, is missing at serving time
 * by design), and a reader that names the fields it reads rules out the rest.
 *
 * <p>Profiled paths are canonical JSON Pointers with {@code *} for every array item, as the {@link Profiler} writes
 * them; the fields a reader names are canonical too and may name one item ({@code /items/0/price}) or every one
 * ({@code /items/*}{@code /price}). Whether a profiled path lies inside a field read is
 * {@link FieldPath#isPrefixOf}, the relation every other part of the registry uses for field paths. Field metadata,
 * like a field's threshold, applies to exactly the path it names.
 */
public final class ComparedFields {

    private final Set<String> skipped;
    private final List<String> read;

    private ComparedFields(Set<String> skipped, List<String> read) {
        this.skipped = Set.copyOf(skipped);
        this.read = List.copyOf(read);
    }

    /**
     * For drift of an asset's data from its baseline or its previous batch: every field but identifiers.
     *
     * @param metadata the contract's field metadata by canonical path; empty when it states none
     */
    public static ComparedFields forDrift(Map<String, FieldMetadata> metadata) {
        Set<String> skipped = new HashSet<>();
        metadata.forEach((path, field) -> {
            if (field.role() == FieldRole.ID) {
                skipped.add(path);
            }
        });
        return new ComparedFields(skipped, List.of());
    }

    /**
     * For skew between the data a model was trained on and the data it is served: the fields the model reads, but
     * not identifiers, labels or fields not available at serving time, which differ between the two by design.
     *
     * @param metadata the producer's field metadata by canonical path; empty when it states none
     * @param read     the canonical paths the model reads of the producer; empty for the whole contract
     */
    public static ComparedFields forSkew(Map<String, FieldMetadata> metadata, List<String> read) {
        Set<String> skipped = new HashSet<>();
        metadata.forEach((path, field) -> {
            if (field.role() == FieldRole.ID || field.role() == FieldRole.LABEL || !field.servingAvailable()) {
                skipped.add(path);
            }
        });
        return new ComparedFields(skipped, read);
    }

    /**
     * The paths a {@link DriftDetector} is to leave out entirely ({@link DriftRules#skipped()}).
     *
     * @return the paths the field metadata rules out; empty when it rules out none
     */
    public Set<String> skipped() {
        return skipped;
    }

    /**
     * Whether the comparison reports the profiled {@code path}: it is not {@linkplain #skipped() skipped}, and the
     * reader named no fields, or {@code path} lies inside one of them: {@code /customer} holds {@code /customer} and
     * {@code /customer/email} but not {@code /customerId}, and {@code *} on either side matches any one segment, so
     * {@code /items/0} holds {@code /items/*}{@code /price}. The record as a whole, {@code ""} (where the record
     * count, and records that are not objects, are reported), is always read.
     *
     * @param path a canonical JSON Pointer as the {@link Profiler} writes it
     */
    public boolean compares(String path) {
        if (skipped.contains(path)) {
            return false;
        }
        if (read.isEmpty() || path.isEmpty()) {
            return true;
        }
        return read.stream().anyMatch(field -> FieldPath.isPrefixOf(field, path));
    }
}
