package dev.watershed.adapter.rest;

import dev.watershed.application.config.WatershedConfig;
import dev.watershed.application.validation.DriftStatus;
import dev.watershed.application.validation.Observation;
import dev.watershed.application.validation.ObservationQuery;
import dev.watershed.application.validation.ObservationService;
import dev.watershed.domain.profile.BatchProfile;
import dev.watershed.domain.profile.ProfileSummary;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/assets/{name}/observations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Validation")
public class ObservationResource {

    /**
     * A recorded validation; {@code profile} is {@code null} when it was made with {@code profile=false}, or when
     * the stored profile cannot be read, which {@code profileError} then says.
     *
     * @param team    the team that recorded it ({@code null}: the bootstrap admin)
     * @param byOwner     recorded for the asset's owner, by the owning team or an admin
     * @param driftStatus {@code null}, {@code DRIFTED} (not compared with nor merged into baselines) or {@code
     *                    ACCEPTED}
     */
    public record ObservationResponse(
            long id,
            String asset,
            String version,
            String label,
            Instant observedAt,
            long total,
            long valid,
            long invalid,
            long errorCount,
            String recordedBy,
            String team,
            boolean byOwner,
            ProfileSummary profile,
            String profileError,
            DriftStatus driftStatus) {

        static ObservationResponse of(Observation observation) {
            ProfileSummary profile = null;
            String profileError = null;
            if (observation.profile() != null) {
                try {
                    profile = BatchProfile.deserialize(observation.profile()).summary();
                } catch (RuntimeException e) {
                    // One unreadable row (damaged, or written by a release with a bug) must not hide the others.
                    profileError = "the stored profile of this observation cannot be read";
                }
            }
            return new ObservationResponse(
                    observation.id(),
                    observation.asset(),
                    observation.version(),
                    observation.label(),
                    observation.observedAt(),
                    observation.total(),
                    observation.valid(),
                    observation.invalid(),
                    observation.errorCount(),
                    observation.recordedBy(),
                    observation.team(),
                    observation.byOwner(),
                    profile,
                    profileError,
                    observation.driftStatus());
        }
    }

    private final ObservationService observations;
    private final RequestCaller caller;
    private final int maxPageSize;

    public ObservationResource(ObservationService observations, RequestCaller caller, WatershedConfig config) {
        this.observations = observations;
        this.caller = caller;
        this.maxPageSize = config.limits().maxPageSize();
    }

    @GET
    @Operation(
            summary = "List recorded validations, newest first",
            description = "label filters by label; from (inclusive) and to (exclusive) are ISO-8601 instants.")
    public List<ObservationResponse> list(
            @PathParam("name") String name,
            @QueryParam("label") String label,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") String limit) {
        ObservationQuery query = new ObservationQuery(
                name,
                QueryParams.stripped(label),
                QueryParams.instantValue(from, "from"),
                QueryParams.instantValue(to, "to"),
                QueryParams.limit(limit, 50, maxPageSize));
        return observations.list(query).stream().map(ObservationResponse::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one recorded validation")
    public ObservationResponse get(@PathParam("name") String name, @PathParam("id") String id) {
        return ObservationResponse.of(observations.get(name, id));
    }

    @POST
    @Path("/{id}/accept")
    @Operation(
            summary = "Accept a drifted observation as the new normal",
            description = "An observation a drift check found drifted is skipped as the previous observation of its"
                    + " label and left out of new baselines; accepted, it counts again. Needs a token; 409"
                    + " OBSERVATION_NOT_DRIFTED when it was not found drifted.")
    public ObservationResponse accept(@PathParam("name") String name, @PathParam("id") String id) {
        return ObservationResponse.of(observations.accept(caller.get(), name, id));
    }
}
