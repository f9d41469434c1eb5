package dev.watershed.adapter.rest;

import dev.watershed.application.DurableCommits;
import dev.watershed.application.access.TokenService;
import dev.watershed.application.config.WatershedConfig;
import dev.watershed.domain.auth.AuthenticationRequiredException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * What every request goes through before its resource method (after {@link HttpEdge}), authentication, and every
 * response after it: a write's acknowledgement waits for its commit to be durable.
 */
public class RequestFilters {

    private static final String BEARER = "bearer ";
    private static final String BASIC = "basic ";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final TokenService tokens;
    private final RequestCaller caller;
    private final WatershedConfig config;
    private final DurableCommits durableCommits;

    public RequestFilters(
            TokenService tokens, RequestCaller caller, WatershedConfig config, DurableCommits durableCommits) {
        this.tokens = tokens;
        this.caller = caller;
        this.config = config;
        this.durableCommits = durableCommits;
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
            caller.set(tokens.authenticate(token(header)));
        } else if (!config.auth().anonymousRead() && isApi(request)) {
            caller.get().requireAuthenticated();
        }
    }

    /**
     * A write is acknowledged only once what it committed is on the device: every response to a method that may
     * write waits here, after its resource method and transaction and before a byte of it is sent, whatever its
     * status (a refusal may follow a step that committed in a transaction of its own). Reads pass straight on.
     */
    @ServerResponseFilter
    public void acknowledgeDurably(ContainerRequestContext request) {
        if (!SAFE_METHODS.contains(request.getMethod())) {
            durableCommits.awaitDurable();
        }
    }

    /**
     * The token of {@code Bearer <token>}, or of HTTP Basic with any user name and the token as the password, which
     * is how Kafka clients send credentials ({@code basic.auth.user.info=<anything>:<token>}).
     */
    private static String token(String header) {
        if (header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return header.substring(BEARER.length()).strip();
        }
        if (header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            String credentials;
            try {
                credentials = new String(
                        Base64.getDecoder()
                                .decode(header.substring(BASIC.length()).strip()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new AuthenticationRequiredException("the Basic credentials are not base64");
            }
            int colon = credentials.indexOf(':');
            if (colon < 0 || colon == credentials.length() - 1) {
                throw new AuthenticationRequiredException(
                        "Basic credentials must be <anything>:<token>, with the API token as the password");
            }
            return credentials.substring(colon + 1).strip();
        }
        throw new AuthenticationRequiredException(
                "the Authorization header must be 'Bearer <token>' or Basic with the token as the password");
    }

    private static boolean isApi(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return path.startsWith("/api/")
                || path.startsWith("api/")
                || path.startsWith("/apis/")
                || path.startsWith("apis/");
    }
}
