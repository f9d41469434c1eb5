package dev.watershed.application.contract;

import dev.watershed.domain.contract.CompatibilityMode;
import dev.watershed.domain.contract.SemanticVersion;
import dev.watershed.domain.contract.VersionBump;
import java.util.List;
import java.util.Optional;

/**
 * The change from one stored version to another.
 *
 * @param compatible whether the change keeps the guarantee of {@code mode}
 * @param bump       the smallest version bump the change needs; empty when the schemas are equivalent
 */
public record VersionDiff(
        String asset,
        SemanticVersion from,
        SemanticVersion to,
        CompatibilityMode mode,
        boolean compatible,
        Optional<VersionBump> bump,
        List<DifferenceView> differences) {}
