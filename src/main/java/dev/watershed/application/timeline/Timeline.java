package dev.watershed.application.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * What changed upstream of an asset, and in it, newest first.
 *
 * @param from              the window's inclusive start, defaults applied
 * @param to                the window's exclusive end, defaults applied
 * @param assetsCovered     the asset and the upstream assets whose events were read
 * @param upstreamTruncated the upstream has more assets than {@code watershed.timeline.max-assets}: the farthest
 *                          ones were left out
 * @param more              the window holds more entries than {@code limit}: narrow it or move {@code to} back to
 *                          the oldest entry's {@code occurredAt}
 */
public record Timeline(
        String asset,
        Instant from,
        Instant to,
        int limit,
        int assetsCovered,
        boolean upstreamTruncated,
        boolean more,
        List<Entry> entries) {

    /**
     * One change.
     *
     * @param asset   the asset that changed (the event's subject)
     * @param version the contract version involved, or {@code null} when there is none
     * @param path    from {@code asset} to the asset asked about, through the current graph; for a dependency
     *                that is gone, through its consumer
     * @param summary one line for a person, naming what changed
     * @param data    the event's stored data (differences, versions, counts...)
     */
    public record Entry(
            String id,
            Instant occurredAt,
            String type,
            String asset,
            String version,
            List<String> path,
            String summary,
            JsonNode data) {}
}
