package dev.watershed.application.contract;

import dev.watershed.domain.contract.SemanticVersion;

/**
 * What a rollback would publish, worked out without storing anything.
 *
 * @param publish      the plan of publishing the older schema now, under the rules of any publish; with
 *                     {@code forced}, its version is the next major
 * @param rolledBackTo the version whose schema is restored
 * @param forced       the change breaks the asset's compatibility mode and {@code force} overrides that
 */
public record RollbackPlan(PublishPlan publish, SemanticVersion rolledBackTo, boolean forced) {

    /** The version in force now, which the rollback replaces. */
    public SemanticVersion replacedVersion() {
        return publish.latest().orElseThrow().version();
    }

    /** Whether the rollback may be stored: the change keeps the asset's mode, or it is forced. */
    public boolean allowed() {
        return publish.compatible() || forced;
    }
}
