package dev.watershed.adapter.rest;

import dev.watershed.application.access.IssuedToken;
import dev.watershed.application.access.TokenService;
import dev.watershed.domain.auth.Role;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tokens")
public class TokenResource {

    public record TokenRequest(String team, Role role, String name) {}

    /** {@code token} is the secret: shown in this response only. */
    public record TokenResponse(String id, String token, String name, String team, Role role, Instant createdAt) {}

    private final TokenService tokens;
    private final RequestCaller caller;

    public TokenResource(TokenService tokens, RequestCaller caller) {
        this.tokens = tokens;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Issue a token for a team (admin); the secret is shown once")
    public Response issue(TokenRequest request) {
        RequestBodies.require(request);
        IssuedToken issued = tokens.issue(caller.get(), request.team(), request.role(), request.name());
        TokenResponse body = new TokenResponse(
                issued.token().id(),
                issued.secret(),
                issued.token().name(),
                issued.token().team(),
                issued.token().role(),
                issued.token().createdAt());
        return Response.created(URI.create("/api/v1/tokens/" + body.id()))
                .entity(body)
                .build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke a token (admin)")
    public Response revoke(@PathParam("id") String id) {
        tokens.revoke(caller.get(), id);
        return Response.noContent().build();
    }
}
