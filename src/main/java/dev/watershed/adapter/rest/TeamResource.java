package dev.watershed.adapter.rest;

import dev.watershed.application.access.TeamService;
import dev.watershed.domain.asset.Team;
import dev.watershed.domain.notification.WebhookTarget;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Teams")
public class TeamResource {

    public record TeamRequest(String name, String email, String webhook) {}

    /** The webhook with its credentials (user info, token-like query parameters) shown as {@code ***}. */
    public record TeamResponse(String name, String email, String webhook, Instant createdAt) {

        static TeamResponse of(Team team) {
            return new TeamResponse(team.name(), team.email(), WebhookTarget.redact(team.webhook()), team.createdAt());
        }
    }

    private final TeamService teams;
    private final RequestCaller caller;

    public TeamResource(TeamService teams, RequestCaller caller) {
        this.teams = teams;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Create a team (admin)")
    public Response create(TeamRequest request) {
        RequestBodies.require(request);
        Team team = teams.create(caller.get(), request.name(), request.email(), request.webhook());
        return Response.created(URI.create("/api/v1/teams/" + team.name()))
                .entity(TeamResponse.of(team))
                .build();
    }

    @GET
    @Operation(summary = "List teams")
    public List<TeamResponse> list() {
        return teams.list().stream().map(TeamResponse::of).toList();
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "Get a team")
    public TeamResponse get(@PathParam("name") String name) {
        return TeamResponse.of(teams.get(name));
    }
}
