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
 * @param fieldsCarried the paths whose metadata was carried forward from the latest version (no {@code fields} sent)
 * @param fieldsDropped the paths of the latest version's metadata left behind because the new schema lacks them
 * @param breakingChange how the request's acknowledgement of a breaking change was judged; {@code null} without one
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
        List<ImpactView> impacted,
        List<String> fieldsCarried,
        List<String> fieldsDropped,
        BreakingChangeVerdict breakingChange) {

    public PublishPlan(
            String asset,
            ParsedSchema schema,
            Optional<Contract> latest,
            boolean unchanged,
            CompatibilityVerdict verdict,
            SemanticVersion version,
            List<DifferenceView> differences,
            Map<String, FieldMetadata> fields,
            List<ImpactView> impacted) {
        this(
                asset,
                schema,
                latest,
                unchanged,
                verdict,
                version,
                differences,
                fields,
                impacted,
                List.of(),
                List.of(),
                null);
    }

    /** The schema breaks the asset's mode, and the request accepted every breaking difference. */
    public boolean acknowledgedBreakingChange() {
        return breakingChange != null && breakingChange.acknowledged();
    }

    /** Whether publishing stores it: compatible under the mode, or a breaking change acknowledged in full. */
    public boolean publishable() {
        return compatible() || acknowledgedBreakingChange();
    }

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
