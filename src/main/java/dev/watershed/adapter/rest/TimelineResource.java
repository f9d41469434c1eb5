package dev.watershed.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watershed.application.config.WatershedConfig;
import dev.watershed.application.timeline.Timeline;
import dev.watershed.application.timeline.TimelineQuery;
import dev.watershed.application.timeline.TimelineService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/assets/{name}/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Lineage")
public class TimelineResource {

    /**
     * @param assetsCovered     the asset and the upstream assets whose changes were read
     * @param upstreamTruncated the upstream is larger than watershed.timeline.max-assets; the farthest were left out
     * @param more              the window holds more entries than {@code limit}
     */
    public record TimelineResponse(
            String asset,
            Instant from,
            Instant to,
            int limit,
            int assetsCovered,
            boolean upstreamTruncated,
            boolean more,
            List<EntryResponse> entries) {

        static TimelineResponse of(Timeline timeline) {
            return new TimelineResponse(
                    timeline.asset(),
                    timeline.from(),
                    timeline.to(),
                    timeline.limit(),
                    timeline.assetsCovered(),
                    timeline.upstreamTruncated(),
                    timeline.more(),
                    timeline.entries().stream().map(EntryResponse::of).toList());
        }
    }

    /**
     * @param id   the event's id, as in notifications and webhooks
     * @param path from {@code asset} down to the asset asked about
     */
    public record EntryResponse(
            String id,
            Instant occurredAt,
            String type,
            String asset,
            String version,
            List<String> path,
            String summary,
            JsonNode data) {

        static EntryResponse of(Timeline.Entry entry) {
            return new EntryResponse(
                    entry.id(),
                    entry.occurredAt(),
                    entry.type(),
                    entry.asset(),
                    entry.version(),
                    entry.path(),
                    entry.summary(),
                    entry.data());
        }
    }

    private final TimelineService timelines;
    private final int maxLimit;

    public TimelineResource(TimelineService timelines, WatershedConfig config) {
        this.timelines = timelines;
        this.maxLimit = config.timeline().maxLimit();
    }

    @GET
    @Operation(
            summary = "What changed in an asset and everywhere upstream of it, newest first",
            description = "Contract publications, rollbacks and deprecations, dependency changes, failed validations,"
                    + " deletions and any other journaled event of the asset and its upstream, each with the path"
                    + " from the changed asset to this one and a one-line summary. from (inclusive) and to"
                    + " (exclusive) are ISO-8601 instants (default: the last watershed.timeline.default-window"
                    + " before now); types is a comma-separated list of event types.")
    public TimelineResponse timeline(
            @PathParam("name") String name,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") String limit,
            @QueryParam("types") String types) {
        Integer max = limit == null || limit.isBlank() ? null : QueryParams.limit(limit, 0, maxLimit);
        return TimelineResponse.of(timelines.timeline(
                name,
                new TimelineQuery(
                        QueryParams.instantValue(from, "from"),
                        QueryParams.instantValue(to, "to"),
                        max,
                        Set.copyOf(QueryParams.list(types)))));
    }
}
