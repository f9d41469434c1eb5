package dev.watershed.domain.compatibility;

import dev.watershed.domain.contract.CompatibilityMode;
import dev.watershed.domain.contract.VersionBump;
import java.util.List;

/**
 * One change between two schemas.
 *
 * @param kind           what changed, typed
 * @param path           JSON Pointer of the affected field in the data ({@code /customer/email}); {@code *} stands
 *                       for any array element or map value ({@code /lines/*}{@code /price}); {@code ""} is the root
 * @param message        what changed and why it matters, in words a producer can act on
 * @param breaksBackward readers of the new schema can no longer read some data written with the old one
 * @param breaksForward  readers of the old schema can no longer read some data written with the new one
 * @param againstVersions positions (0 = oldest) in the list of previous versions this difference was found
 *                       against; empty when the difference comes straight from a differ, which sees one pair only
 */
public record Difference(
        DifferenceKind kind,
        String path,
        String message,
        boolean breaksBackward,
        boolean breaksForward,
        List<Integer> againstVersions) {

    public Difference {
        againstVersions = List.copyOf(againstVersions);
    }

    /** A difference between one pair of schemas, not yet placed in a version history. */
    public Difference(DifferenceKind kind, String path, String message, boolean breaksBackward, boolean breaksForward) {
        this(kind, path, message, breaksBackward, breaksForward, List.of());
    }

    public boolean breaks() {
        return breaksBackward || breaksForward;
    }

    /** The smallest version bump this difference needs when every reader is to be protected (mode NONE, FULL). */
    public VersionBump requiredBump() {
        return requiredBumpUnder(CompatibilityMode.NONE);
    }

    /**
     * The smallest version bump this difference needs under a mode: MAJOR when it breaks readers the mode
     * protects, MINOR for any other structural change, PATCH for documentation. A mode protects the directions it
     * checks; NONE checks nothing and so protects every reader: a breaking change under NONE is always a MAJOR.
     * Under BACKWARD, a widened type or a relaxed bound breaks only old readers of new data, which the mode lets
     * consumers handle by upgrading first: a MINOR.
     */
    public VersionBump requiredBumpUnder(CompatibilityMode mode) {
        boolean protectsAll = mode == CompatibilityMode.NONE;
        boolean breaksProtected = (breaksBackward && (protectsAll || mode.checksBackward()))
                || (breaksForward && (protectsAll || mode.checksForward()));
        if (breaksProtected) {
            return VersionBump.MAJOR;
        }
        return kind.documentationOnly() ? VersionBump.PATCH : VersionBump.MINOR;
    }

    /** The same difference, placed against the given previous versions. */
    public Difference againstVersions(List<Integer> versions) {
        return new Difference(kind, path, message, breaksBackward, breaksForward, versions);
    }

    /** The same difference with no version placement, the identity used to merge repeats across versions. */
    Difference unplaced() {
        return againstVersions.isEmpty() ? this : new Difference(kind, path, message, breaksBackward, breaksForward);
    }
}
