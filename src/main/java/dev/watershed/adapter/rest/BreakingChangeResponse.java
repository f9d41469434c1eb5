package dev.watershed.adapter.rest;

import dev.watershed.application.contract.BreakingChangeVerdict;
import java.util.List;

/**
 * How a publish or a dry run judged an acknowledged breaking change.
 *
 * @param acknowledged   true when the schema breaks the asset's mode and every breaking difference is accepted: it
 *                       publishes as {@code version}
 * @param unacknowledged the breaking differences the acknowledgement does not accept
 */
public record BreakingChangeResponse(
        boolean acknowledged,
        List<BreakingChangeVerdict.Unacknowledged> unacknowledged,
        String version,
        String migration,
        String retireOldMajorBy) {

    /** @return {@code null} when the request acknowledged nothing */
    static BreakingChangeResponse of(BreakingChangeVerdict verdict) {
        if (verdict == null) {
            return null;
        }
        return new BreakingChangeResponse(
                verdict.acknowledged(),
                verdict.unacknowledged(),
                verdict.version(),
                verdict.migration(),
                verdict.retireOldMajorBy() == null
                        ? null
                        : verdict.retireOldMajorBy().toString());
    }
}
