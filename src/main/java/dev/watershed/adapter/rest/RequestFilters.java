package dev.watershed.adapter.rest;

import dev.watershed.application.TokenService;
import dev.watershed.application.WatershedConfig;
import dev.watershed.domain.auth.AuthenticationRequiredException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** What every request goes through before its resource method: the body limit, then authentication. */
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
     * Refuses a body over the configured limit before it is read, with a problem document that names the limit.
     * Bodies sent without a length are cut off by the HTTP layer at the same limit
     * ({@code quarkus.http.limits.max-body-size}).
     */
    @ServerRequestFilter(preMatching = true)
    public void limitBodySize(ContainerRequestContext request) {
        long limit = config.limits().maxBodyBytes();
        if (AssetValidationResource.isStreamedBatch(request.getUriInfo().getPath(),
                request.getHeaderString(HttpHeaders.CONTENT_TYPE))) {
            // Streamed in bounded memory and limited by watershed.validation.max-records and max-record-bytes.
            return;
        }
        if (request.getLength() > limit) {
            throw new PayloadTooLargeException("the request body has " + request.getLength()
                    + " bytes, more than the limit of " + limit + " bytes (watershed.limits.max-body-bytes)");
        }
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
