package dev.watershed.adapter.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Serves the web UI's page for its deep links ({@code /assets/{name}}, {@code /lineage/{name}}, ...), so that a
 * bookmarked or reloaded address opens the app, which then routes in the browser. Only these literal prefixes are
 * claimed: {@code /api/v1/**}, {@code /q/**} and the UI's own files under {@code /static/} stay untouched.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class UiPageResource {

    private static final String PAGE = "META-INF/resources/index.html";

    private volatile byte[] page;

    @GET
    @Path("/assets/{name}")
    @Operation(hidden = true)
    public Response asset() {
        return page();
    }

    @GET
    @Path("/lineage")
    @Operation(hidden = true)
    public Response estateLineage() {
        return page();
    }

    @GET
    @Path("/lineage/{name}")
    @Operation(hidden = true)
    public Response lineage() {
        return page();
    }

    @GET
    @Path("/what-if")
    @Operation(hidden = true)
    public Response whatIf() {
        return page();
    }

    @GET
    @Path("/what-if/{name}")
    @Operation(hidden = true)
    public Response whatIfFor() {
        return page();
    }

    @GET
    @Path("/health")
    @Operation(hidden = true)
    public Response health() {
        return page();
    }

    @GET
    @Path("/inbox")
    @Operation(hidden = true)
    public Response inbox() {
        return page();
    }

    @GET
    @Path("/inbox/{team}")
    @Operation(hidden = true)
    public Response inboxOf() {
        return page();
    }

    private Response page() {
        CacheControl noCache = new CacheControl();
        noCache.setNoCache(true);
        return Response.ok(load())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .cacheControl(noCache)
                .build();
    }

    private byte[] load() {
        byte[] loaded = page;
        if (loaded == null) {
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(PAGE)) {
                if (in == null) {
                    // Built with -Dui.skip and no earlier UI build: there is no page to serve.
                    throw new NotFoundException("the web UI was not built into this application");
                }
                loaded = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + PAGE, e);
            }
            page = loaded;
        }
        return loaded;
    }
}
