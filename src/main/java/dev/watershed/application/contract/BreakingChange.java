package dev.watershed.application.contract;

import dev.watershed.domain.compatibility.DifferenceKind;
import java.time.LocalDate;
import java.util.List;

/**
 * A producer's acknowledgement that a new schema breaks its asset's mode on purpose: the major it ships as, the
 * breaking differences it accepts, what consumers must do, and when the old major goes away.
 *
 * @param version          the next major after the latest version, as text (checked against the history)
 * @param accepts          the breaking differences accepted, by JSON Pointer and optionally kind
 * @param migration        what consumers must change, sent to every impacted consumer's owner
 * @param retireOldMajorBy the date by which the old major is retired; {@code null} when none is promised
 */
public record BreakingChange(String version, List<Acceptance> accepts, String migration, LocalDate retireOldMajorBy) {

    public BreakingChange {
        accepts = accepts == null ? List.of() : List.copyOf(accepts);
    }

    /**
     * One accepted breaking difference.
     *
     * @param path the difference's JSON Pointer ({@code ""} for the root)
     * @param kind the difference's kind; {@code null} accepts every breaking difference at {@code path}
     */
    public record Acceptance(String path, DifferenceKind kind) {

        boolean matches(DifferenceView difference) {
            return path.equals(difference.path()) && (kind == null || kind == difference.kind());
        }
    }
}
