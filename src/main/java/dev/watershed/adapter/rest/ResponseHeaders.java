package dev.watershed.adapter.rest;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Security and caching headers, set as the head of every response is written (whoever wrote it: an endpoint, the
 * static files or a refusal at the edge), so that nothing can forget them.
 */
final class ResponseHeaders {

    /**
     * The web UI's policy: everything from this origin only, no inline scripts. The one inline style allowed (by its
     * hash) is the rule Cytoscape adds for its graph container ({@code position: relative}); the favicon is a
     * {@code data:} URL. Swagger UI under {@code /q/} needs inline scripts and gets no policy.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /** The UI's built files have the hash of their content in their names (Vite): they never change. */
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private ResponseHeaders() {}

    /** The server's version on every answer: the CLI compares it with its own and warns when they differ. */
    static final String VERSION = "Watershed-Version";

    static void install(RoutingContext ctx, String version) {
        ctx.addHeadersEndHandler(ignored -> apply(ctx, version));
    }

    private static void apply(RoutingContext ctx, String version) {
        MultiMap headers = ctx.response().headers();
        String path = ctx.request().path();
        headers.set(VERSION, version);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        if (path == null || !path.startsWith("/q/")) {
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        }
        int status = ctx.response().getStatusCode();
        if (path != null && path.startsWith("/static/") && (status == 200 || status == 304)) {
            headers.set(HttpHeaders.CACHE_CONTROL, IMMUTABLE);
        } else if (isPage(path, headers.get(HttpHeaders.CONTENT_TYPE))) {
            // The page names the hashed files of one release: a browser must ask again on every load (a 304 when
            // nothing changed) to pick up the next release. Vert.x would serve index.html immutable for a day.
            headers.set(HttpHeaders.CACHE_CONTROL, "no-cache");
        }
    }

    private static boolean isPage(String path, String contentType) {
        return "/".equals(path)
                || "/index.html".equals(path)
                || contentType != null && contentType.regionMatches(true, 0, "text/html", 0, "text/html".length());
    }
}
