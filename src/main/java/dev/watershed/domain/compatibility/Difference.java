package dev.watershed.domain.compatibility;

import dev.watershed.domain.contract.VersionBump;

/**
 * One change between two schemas.
 *
 * @param kind           what changed, typed
 * @param path           JSON Pointer of the affected field in the data ({@code /customer/email}); {@code *} stands
 *                       for any array element or map value ({@code /lines/*}{@code /price}); {@code ""} is the root
 * @param message        what changed and why it matters, in words a producer can act on
 * @param breaksBackward readers of the new schema can no longer read some data written with the old one
 * @param breaksForward  readers of the old schema can no longer read some data written with the new one
 */
public record Difference(DifferenceKind kind, String path, String message, boolean breaksBackward,
                         boolean breaksForward) {

    public boolean breaks() {
        return breaksBackward || breaksForward;
    }

    /** The smallest version bump this difference needs. */
    public VersionBump requiredBump() {
        if (breaks()) {
            return VersionBump.MAJOR;
        }
        return kind.documentationOnly() ? VersionBump.PATCH : VersionBump.MINOR;
    }
}
