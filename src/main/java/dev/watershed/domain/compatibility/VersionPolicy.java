package dev.watershed.domain.compatibility;

import dev.watershed.domain.contract.SemanticVersion;
import dev.watershed.domain.contract.VersionBump;
import java.util.List;
import java.util.Optional;

/**
 * Decides the version number a new schema is published under: at least the latest version moved by the bump the
 * change needs, and strictly above the latest version even when nothing changed (then a PATCH). Whether an
 * incompatible change may be published at all is the caller's decision, not this policy's.
 */
public final class VersionPolicy {

    private static final int DIFFERENCES_NAMED = 5;

    /**
     * @param latest    the latest published version; empty for a first version
     * @param verdict   the check of the new schema against its history
     * @param requested the version the client asked for, if any
     * @return the requested version when it is high enough, else the lowest acceptable one; {@link
     *     SemanticVersion#FIRST} for a first version with no request
     * @throws VersionTooLowException when the requested version is not above the latest, or below what the
     *                                change needs; the detail names the differences that need the bump
     */
    public SemanticVersion versionToPublish(
            Optional<SemanticVersion> latest, CompatibilityVerdict verdict, Optional<SemanticVersion> requested) {
        if (latest.isEmpty()) {
            return requested.orElse(SemanticVersion.FIRST);
        }
        VersionBump bump = verdict.requiredBump().orElse(VersionBump.PATCH);
        SemanticVersion minimum = latest.get().bump(bump);
        if (requested.isEmpty()) {
            return minimum;
        }
        SemanticVersion asked = requested.get();
        if (asked.compareTo(latest.get()) <= 0) {
            throw new VersionTooLowException(
                    asked,
                    minimum,
                    "version " + asked + " is not higher than the latest" + " version " + latest.get() + ": use "
                            + minimum + " or higher");
        }
        if (asked.compareTo(minimum) < 0) {
            throw new VersionTooLowException(
                    asked,
                    minimum,
                    "version " + asked + " is too low for this change: " + reasons(verdict, bump) + "; use " + minimum
                            + " or higher");
        }
        return asked;
    }

    private static String reasons(CompatibilityVerdict verdict, VersionBump bump) {
        List<Difference> deciding = verdict.differencesAgainstLatest().stream()
                .filter(difference -> difference.requiredBumpUnder(verdict.mode()) == bump)
                .toList();
        StringBuilder reasons = new StringBuilder();
        for (Difference difference : deciding.subList(0, Math.min(DIFFERENCES_NAMED, deciding.size()))) {
            if (reasons.length() > 0) {
                reasons.append("; ");
            }
            reasons.append(difference.kind())
                    .append(" at `")
                    .append(difference.path())
                    .append("`: ")
                    .append(difference.message())
                    .append(", which needs a ")
                    .append(bump)
                    .append(" bump");
        }
        if (deciding.size() > DIFFERENCES_NAMED) {
            reasons.append("; and ").append(deciding.size() - DIFFERENCES_NAMED).append(" more such differences");
        }
        return reasons.toString();
    }
}
