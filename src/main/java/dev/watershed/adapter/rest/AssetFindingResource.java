package dev.watershed.adapter.rest;

import dev.watershed.application.health.FindingsService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/assets/{name}/findings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Findings")
public class AssetFindingResource {

    private final FindingsService findings;

    public AssetFindingResource(FindingsService findings) {
        this.findings = findings;
    }

    @GET
    @Operation(
            summary = "Findings to act on at this asset or with a path through the graph that passes it,"
                    + " errors first")
    public FindingResource.FindingsResponse list(@PathParam("name") String name) {
        return FindingResource.FindingsResponse.of(findings.findingsOf(name));
    }
}
