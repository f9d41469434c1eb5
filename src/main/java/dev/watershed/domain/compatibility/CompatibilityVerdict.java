package dev.watershed.domain.compatibility;

import dev.watershed.domain.contract.CompatibilityMode;
import dev.watershed.domain.contract.VersionBump;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of checking a new schema version against its history under one compatibility mode.
 *
 * @param compatible               whether no difference breaks a direction the mode checks; always true for
 *                                 {@link CompatibilityMode#NONE} and for a first version
 * @param mode                     the mode checked
 * @param differences              every difference against the versions the mode checks (all of them when
 *                                 transitive, the latest otherwise), merged across versions: each carries in
 *                                 {@link Difference#againstVersions()} the positions (0 = oldest) it was found
 *                                 against
 * @param differencesAgainstLatest the differences against the latest version alone, which decide the bump
 * @param requiredBump             the largest bump any difference against the latest version needs; empty when
 *                                 there is nothing to compare against or the schemas are equivalent
 */
public record CompatibilityVerdict(
        boolean compatible,
        CompatibilityMode mode,
        List<Difference> differences,
        List<Difference> differencesAgainstLatest,
        Optional<VersionBump> requiredBump) {

    public CompatibilityVerdict {
        differences = List.copyOf(differences);
        differencesAgainstLatest = List.copyOf(differencesAgainstLatest);
    }

    /** The differences that make this verdict incompatible: those breaking a direction the mode checks. */
    public List<Difference> breakingDifferences() {
        return differences.stream()
                .filter(difference -> breaksUnder(mode, difference))
                .toList();
    }

    static boolean breaksUnder(CompatibilityMode mode, Difference difference) {
        return (mode.checksBackward() && difference.breaksBackward())
                || (mode.checksForward() && difference.breaksForward());
    }
}
