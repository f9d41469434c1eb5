package dev.watershed.application.contract;

import dev.watershed.domain.compatibility.Difference;
import dev.watershed.domain.compatibility.DifferenceKind;
import dev.watershed.domain.contract.CompatibilityMode;
import java.util.List;

/**
 * A difference as clients see it: the versions it was found against are named, not numbered.
 *
 * @param againstVersions the published versions this difference was found against; empty in a plain diff
 */
public record DifferenceView(
        DifferenceKind kind,
        String path,
        String message,
        boolean breaksBackward,
        boolean breaksForward,
        List<String> againstVersions) {

    /** Whether some reader breaks, in either direction, whatever the mode protects. */
    public boolean breaks() {
        return breaksBackward || breaksForward;
    }

    /** Whether this breaks a direction that {@code mode} checks. */
    public boolean breaksUnder(CompatibilityMode mode) {
        return mode.checksBackward() && breaksBackward || mode.checksForward() && breaksForward;
    }

    /** @param versionsOldestFirst the versions the verdict's positions refer to */
    public static DifferenceView of(Difference difference, List<String> versionsOldestFirst) {
        List<String> against = difference.againstVersions().stream()
                .filter(index -> index < versionsOldestFirst.size())
                .map(versionsOldestFirst::get)
                .toList();
        return new DifferenceView(
                difference.kind(),
                difference.path(),
                difference.message(),
                difference.breaksBackward(),
                difference.breaksForward(),
                against);
    }

    public static List<DifferenceView> all(List<Difference> differences, List<String> versionsOldestFirst) {
        return differences.stream()
                .map(difference -> of(difference, versionsOldestFirst))
                .toList();
    }
}
