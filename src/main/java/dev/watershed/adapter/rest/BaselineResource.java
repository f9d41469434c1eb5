package dev.watershed.adapter.rest;

import dev.watershed.application.drift.Baseline;
import dev.watershed.application.drift.BaselineService;
import dev.watershed.domain.profile.BatchProfile;
import dev.watershed.domain.profile.ProfileSummary;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/assets/{name}/baselines")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Drift")
public class BaselineResource {

    /**
     * A baseline to create.
     *
     * @param label the label of the observations to merge, such as {@code training}
     * @param from  ISO-8601 instant, inclusive; {@code null} for no lower bound
     * @param to    ISO-8601 instant, exclusive (as for listing observations); {@code null} for no upper bound
     * @param name  a name to recognise it by, or {@code null}
     */
    public record BaselineRequest(String label, String from, String to, String name) {}

    /** A window of observation times. */
    public record Window(Instant from, Instant to) {}

    /**
     * A stored baseline, without its profile's bytes.
     *
     * @param team    the team that created it ({@code null}: the bootstrap admin)
     * @param byOwner created for the asset's owner, by the owning team or an admin
     * @param current whether the owner's drift checks use it by default (the newest baseline created for the owner)
     */
    public record BaselineResponse(
            long id,
            String asset,
            String name,
            String label,
            int observations,
            long records,
            Window window,
            Instant createdAt,
            String createdBy,
            String team,
            boolean byOwner,
            boolean current) {

        static BaselineResponse of(Baseline baseline, boolean current) {
            return new BaselineResponse(
                    baseline.id(),
                    baseline.asset(),
                    baseline.name(),
                    baseline.label(),
                    baseline.observations(),
                    baseline.records(),
                    new Window(baseline.windowFrom(), baseline.windowTo()),
                    baseline.createdAt(),
                    baseline.createdBy(),
                    baseline.team(),
                    baseline.byOwner(),
                    current);
        }
    }

    private final BaselineService baselines;
    private final RequestCaller caller;

    public BaselineResource(BaselineService baselines, RequestCaller caller) {
        this.baselines = baselines;
        this.caller = caller;
    }

    @POST
    @Operation(
            summary = "Fix a baseline: the merged profiles of the asset's observations with a label",
            description = "Body {label, from?, to?, name?}: merges the profiled observations with that label observed"
                    + " from (inclusive) to (exclusive) and recorded for the owner (by the owning team or an admin) or,"
                    + " for another team, by that team. 201 with the baseline, which becomes the default for the"
                    + " drift checks of its creator's side (the owner's current baseline only when created for the"
                    + " owner); 422 NO_PROFILED_OBSERVATIONS when none matches. Needs a token (any team).")
    public Response create(@PathParam("name") String name, BaselineRequest request) {
        BaselineRequest body = RequestBodies.require(request);
        Baseline baseline = baselines.createBaseline(
                caller.get(),
                name,
                new BaselineService.BaselineRequest(
                        body.label(), QueryParams.instantValue(body.from(), "/from"),
                        QueryParams.instantValue(body.to(), "/to"), body.name()));
        return Response.created(URI.create("/api/v1/assets/" + name + "/baselines/" + baseline.id()))
                .entity(BaselineResponse.of(baseline, baseline.byOwner()))
                .build();
    }

    @GET
    @Operation(summary = "List the asset's baselines, newest first; current marks the owner's default one")
    public List<BaselineResponse> list(@PathParam("name") String name) {
        List<Baseline> newestFirst = baselines.baselines(name);
        Optional<Baseline> current = Baseline.ownersCurrent(newestFirst);
        return newestFirst.stream()
                .map(baseline -> BaselineResponse.of(baseline, current.orElse(null) == baseline))
                .toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one baseline, with the summary of its merged profile")
    public BaselineDetail get(@PathParam("name") String name, @PathParam("id") String id) {
        Baseline baseline = baselines.baseline(name, id);
        boolean current = Baseline.ownersCurrent(baselines.baselines(name))
                .map(owners -> owners.id().equals(baseline.id()))
                .orElse(false);
        return new BaselineDetail(
                baseline.id(),
                baseline.asset(),
                baseline.name(),
                baseline.label(),
                baseline.observations(),
                baseline.records(),
                new Window(baseline.windowFrom(), baseline.windowTo()),
                baseline.createdAt(),
                baseline.createdBy(),
                baseline.team(),
                baseline.byOwner(),
                current,
                BatchProfile.deserialize(baseline.profile()).summary());
    }

    /** A baseline with the summary of its merged profile. */
    public record BaselineDetail(
            long id,
            String asset,
            String name,
            String label,
            int observations,
            long records,
            Window window,
            Instant createdAt,
            String createdBy,
            String team,
            boolean byOwner,
            boolean current,
            ProfileSummary profile) {}
}
