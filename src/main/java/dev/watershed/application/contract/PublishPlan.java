package dev.watershed.application.contract;

import dev.watershed.domain.compatibility.CompatibilityVerdict;
import dev.watershed.domain.contract.Contract;
import dev.watershed.domain.contract.FieldMetadata;
import dev.watershed.domain.contract.ParsedSchema;
import dev.watershed.domain.contract.SemanticVersion;
import dev.watershed.domain.contract.VersionBump;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What publishing a schema would do, worked out without storing anything: the verdict under the asset's mode and
 * the version the schema would get.
 *
 * @param latest      the version in force now, if any
 * @param unchanged   the schema is the latest version's: publishing returns that version and stores nothing
 * @param version     the version the schema would be published as (the latest one when unchanged)
 * @param differences the verdict's differences with the versions they were found against named
 * @param fields      the field metadata, keyed by canonical JSON Pointer
 * @param impacted    the consumers that read a field some difference breaks, and everything downstream of them
 */
public record PublishPlan(
        String asset,
        ParsedSchema schema,
        Optional<Contract> latest,
        boolean unchanged,
        CompatibilityVerdict verdict,
        SemanticVersion version,
        List<DifferenceView> differences,
        Map<String, FieldMetadata> fields,
        List<ImpactView> impacted) {

    public boolean compatible() {
        return verdict.compatible();
    }

    /** The bump from the latest version, or empty for a first or unchanged version. */
    public Optional<VersionBump> bump() {
        return unchanged
                ? Optional.empty()
                : latest.isEmpty()
                        ? Optional.empty()
                        : Optional.of(verdict.requiredBump().orElse(VersionBump.PATCH));
    }

    public List<DifferenceView> breakingDifferences() {
        return differences.stream()
                .filter(difference -> difference.breaksUnder(verdict.mode()))
                .toList();
    }
}
