package dev.watershed.adapter.rest;

import dev.watershed.application.access.TokenService;
import dev.watershed.application.config.WatershedConfig;
import dev.watershed.domain.auth.AuthenticationRequiredException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** What every request goes through before its resource method (after {@link HttpEdge}): authentication. */
public class RequestFilters {

    private static final String BEARER = "bearer ";

    private final TokenService tokens;
    private final RequestCaller caller;
    private final WatershedConfig config;

    public RequestFilters(TokenService tokens, RequestCaller caller, WatershedConfig config) {
        this.tokens = tokens;
        this.caller = caller;
        this.config = config;
    }

    /**
     * Establishes who is calling from the {@code Authorization: Bearer} header. A token that is present but
     * unknown is refused even on reads, so that a typo in CI shows up at once instead of silently reading as
     * anonymous. Whether an anonymous caller may do what it asks is for the use case to decide, except that with
     * anonymous reads off every API call needs a token.
     */
    @ServerRequestFilter
    public void authenticate(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null && !header.isBlank()) {
            if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                throw new AuthenticationRequiredException("the Authorization header must be 'Bearer <token>'");
            }
            caller.set(tokens.authenticate(header.substring(BEARER.length()).strip()));
        } else if (!config.auth().anonymousRead() && isApi(request)) {
            caller.get().requireAuthenticated();
        }
    }

    private static boolean isApi(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return path.startsWith("/api/") || path.startsWith("api/");
    }
}
