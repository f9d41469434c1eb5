package dev.watershed.application.contract;

import dev.watershed.domain.compatibility.DifferenceKind;
import java.time.LocalDate;
import java.util.List;

/**
 * How a publish answered a {@link BreakingChange}.
 *
 * @param acknowledged   every breaking difference of the change is accepted, so it publishes as the new major
 * @param unacknowledged the breaking differences no acceptance covers (they keep the publish refused)
 */
public record BreakingChangeVerdict(
        boolean acknowledged,
        List<Unacknowledged> unacknowledged,
        String version,
        String migration,
        LocalDate retireOldMajorBy) {

    /** A breaking difference the acknowledgement does not accept. */
    public record Unacknowledged(String path, DifferenceKind kind) {}
}
