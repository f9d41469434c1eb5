package dev.watershed.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watershed.application.contract.BreakingChange;
import dev.watershed.application.contract.BreakingChangeReader;
import java.util.List;

/**
 * A publish's acknowledgement of an intended breaking change, as clients send it.
 *
 * @param version          the next major after the latest version, e.g. {@code 2.0.0}
 * @param accepts          each a JSON Pointer ({@code "/plan"}) or an object {@code {"path": "/amount", "kind":
 *                         "TYPE_CHANGED"}} naming one kind of difference at that path
 * @param migration        what consumers must change; required
 * @param retireOldMajorBy an ISO date ({@code 2027-03-01}), or {@code null}
 */
public record BreakingChangeRequest(String version, List<JsonNode> accepts, String migration, String retireOldMajorBy) {

    BreakingChange toDomain() {
        return BreakingChangeReader.read(version, accepts, migration, retireOldMajorBy);
    }
}
