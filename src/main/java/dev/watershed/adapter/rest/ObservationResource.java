package dev.watershed.adapter.rest;

import dev.watershed.application.config.WatershedConfig;
import dev.watershed.application.validation.Observation;
import dev.watershed.application.validation.ObservationQuery;
import dev.watershed.application.validation.ObservationService;
import dev.watershed.domain.profile.BatchProfile;
import dev.watershed.domain.profile.ProfileSummary;
import jakarta.ws.rs.GET;
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
     * @param byOwner recorded for the asset's owner, by the owning team or an admin
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
            String profileError) {

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
                    profileError);
        }
    }

    private final ObservationService observations;
    private final int maxPageSize;

    public ObservationResource(ObservationService observations, WatershedConfig config) {
        this.observations = observations;
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
}
