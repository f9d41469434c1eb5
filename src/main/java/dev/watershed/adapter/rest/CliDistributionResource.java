package dev.watershed.adapter.rest;

import dev.watershed.application.distribution.CliDistribution;
import dev.watershed.application.distribution.CliJar;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The CLI and the file formats, handed out by the registry so that a contracts repository needs only its URL:
 * {@code curl -fsSL $WATERSHED_URL/cli/install | sh}. No token: like the web UI, these are the same for everyone.
 */
@Path("/")
@Tag(name = "CLI")
public class CliDistributionResource {

    private static final String INSTALL_SCRIPT = "cli/install.sh";
    private static final MediaType JAR = MediaType.valueOf("application/java-archive");
    private static final MediaType TEXT = MediaType.valueOf("text/plain; charset=utf-8");
    private static final MediaType SHELL = MediaType.valueOf("text/x-shellscript; charset=utf-8");
    private static final MediaType SCHEMA_JSON = MediaType.valueOf("application/schema+json");

    private final CliDistribution distribution;

    public CliDistributionResource(CliDistribution distribution) {
        this.distribution = distribution;
    }

    @GET
    @Path("/cli")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The CLI this registry hands out: version, jar, SHA-256 and the install command")
    public Map<String, Object> describe(@Context UriInfo uri) {
        CliJar jar = distribution.jar();
        String base = baseUrl(uri);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("version", distribution.version());
        answer.put("jar", base + "/cli/watershed-cli.jar");
        answer.put("size", jar.size());
        answer.put("sha256", jar.sha256());
        answer.put("install", "curl -fsSL " + base + "/cli/install | sh");
        answer.put(
                "formatSchemas",
                distribution.formatSchemaNames().stream()
                        .map(name -> base + "/schemas/" + name)
                        .toList());
        return answer;
    }

    @GET
    @Path("/cli/watershed-cli.jar")
    @Operation(summary = "The CLI jar, the same version as the server (Watershed-Version header)")
    public Response jar() {
        CliJar jar = distribution.jar();
        return Response.ok(jar.file().toFile(), JAR)
                .tag(new EntityTag(jar.sha256()))
                .header("Content-Disposition", "attachment; filename=\"watershed-cli.jar\"")
                .cacheControl(revalidate())
                .build();
    }

    @GET
    @Path("/cli/watershed-cli.jar.sha256")
    @Operation(summary = "The CLI jar's SHA-256, as sha256sum prints it")
    public Response jarDigest() {
        return Response.ok(distribution.jar().sha256() + "  watershed-cli.jar\n", TEXT)
                .cacheControl(revalidate())
                .build();
    }

    @GET
    @Path("/cli/install")
    @Operation(summary = "A POSIX sh script that installs the CLI: checks Java 17+, verifies the jar's SHA-256")
    public Response installScript(@Context UriInfo uri) {
        String script = resource(INSTALL_SCRIPT)
                .replace("@REGISTRY_URL@", baseUrl(uri))
                .replace("@VERSION@", distribution.version());
        return Response.ok(script, SHELL).cacheControl(revalidate()).build();
    }

    @GET
    @Path("/schemas/{name}")
    @Operation(
            summary = "The JSON Schema of a file format (watershed-contract, watershed-teams, watershed-config),"
                    + " for editors: # yaml-language-server: $schema=<this URL>")
    public Response formatSchema(@PathParam("name") String name) {
        return Response.ok(distribution.formatSchema(name), SCHEMA_JSON)
                .cacheControl(revalidate())
                .build();
    }

    /** The registry's URL as the client reached it (behind a proxy, as forwarded when the proxy settings allow). */
    private static String baseUrl(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** A new release replaces these at the same URL: clients may keep a copy but must ask again. */
    private static CacheControl revalidate() {
        CacheControl control = new CacheControl();
        control.setNoCache(true);
        return control;
    }

    private static String resource(String name) {
        try (InputStream in = CliDistributionResource.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + name, e);
        }
    }
}
