package dev.watershed.adapter.rest;

import dev.watershed.application.Page;
import dev.watershed.application.asset.AssetDraft;
import dev.watershed.application.asset.AssetQuery;
import dev.watershed.application.asset.AssetService;
import dev.watershed.application.config.WatershedConfig;
import dev.watershed.application.dependency.EstateGraph;
import dev.watershed.domain.asset.Asset;
import dev.watershed.domain.asset.AssetKind;
import dev.watershed.domain.asset.Criticality;
import dev.watershed.domain.contract.CompatibilityMode;
import dev.watershed.domain.contract.SemanticVersion;
import dev.watershed.domain.graph.AssetNode;
import dev.watershed.domain.lineage.DatasetId;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/assets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assets")
public class AssetResource {

    /** An OpenLineage dataset as its events name it, e.g. {@code postgres://db:5432} and {@code shop.public.orders}. */
    public record LineageIdBody(String namespace, String name) {

        static List<AssetDraft.LineageId> toDrafts(List<LineageIdBody> bodies) {
            return bodies == null
                    ? null
                    : bodies.stream()
                            .map(body -> body == null ? null : new AssetDraft.LineageId(body.namespace, body.name))
                            .toList();
        }

        static LineageIdBody of(DatasetId id) {
            return new LineageIdBody(id.namespace(), id.name());
        }
    }

    public record AssetRequest(
            String name,
            AssetKind kind,
            String owner,
            String description,
            List<String> tags,
            Criticality criticality,
            CompatibilityMode compatibility,
            Boolean strictCompatibility,
            String replicaOf,
            List<String> subjects,
            List<LineageIdBody> lineageIds) {

        AssetDraft toDraft() {
            return new AssetDraft(
                    name,
                    kind,
                    owner,
                    description,
                    tags,
                    criticality,
                    compatibility,
                    strictCompatibility,
                    replicaOf,
                    subjects,
                    LineageIdBody.toDrafts(lineageIds));
        }
    }

    public record AssetResponse(
            String name,
            AssetKind kind,
            String owner,
            String description,
            List<String> tags,
            Criticality criticality,
            CompatibilityMode compatibility,
            boolean strictCompatibility,
            String replicaOf,
            List<String> subjects,
            List<LineageIdBody> lineageIds,
            String latestVersion,
            Instant createdAt,
            Instant updatedAt) {

        /** @param latestVersion the newest contract version, {@code null} while the asset has no contract */
        static AssetResponse of(Asset asset, String latestVersion) {
            return new AssetResponse(
                    asset.name().value(),
                    asset.kind(),
                    asset.owner(),
                    asset.description(),
                    asset.tags(),
                    asset.criticality(),
                    asset.compatibility(),
                    asset.strictCompatibility(),
                    asset.replicaOf(),
                    asset.subjects(),
                    asset.lineageIds().stream().map(LineageIdBody::of).toList(),
                    latestVersion,
                    asset.createdAt(),
                    asset.updatedAt());
        }
    }

    public record AssetPage(List<AssetResponse> items, long total, int limit, int offset) {}

    private final AssetService assets;
    private final EstateGraph graph;
    private final RequestCaller caller;
    private final int maxPageSize;
    private final ReadCache reads;

    public AssetResource(
            AssetService assets, EstateGraph graph, RequestCaller caller, WatershedConfig config, ReadCache reads) {
        this.assets = assets;
        this.reads = reads;
        this.graph = graph;
        this.caller = caller;
        this.maxPageSize = config.limits().maxPageSize();
    }

    /** The asset with its newest contract version, read from the in-memory graph rather than a query per asset. */
    private AssetResponse response(Asset asset) {
        String latest = graph.read()
                .node(asset.name().value())
                .map(AssetNode::latestVersion)
                .map(SemanticVersion::toString)
                .orElse(null);
        return AssetResponse.of(asset, latest);
    }

    @POST
    @Operation(summary = "Register an asset")
    public Response register(AssetRequest request) {
        Asset asset =
                assets.register(caller.get(), RequestBodies.require(request).toDraft());
        return Response.created(URI.create("/api/v1/assets/" + asset.name()))
                .entity(response(asset))
                .build();
    }

    @GET
    @Operation(summary = "Search assets by kind, owner, tag and text, one page at a time")
    @APIResponseSchema(AssetPage.class)
    public Response search(
            @QueryParam("kind") String kind,
            @QueryParam("owner") String owner,
            @QueryParam("tag") String tag,
            @QueryParam("q") String text,
            @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        return reads.json(
                new ReadCache.Key("assets", kind, owner, tag, text, limit, offset),
                () -> search(kind, owner, tag, text, limit, offset, maxPageSize));
    }

    private AssetPage search(
            String kind, String owner, String tag, String text, String limit, String offset, int maxPageSize) {
        Page<Asset> page = assets.search(new AssetQuery(
                QueryParams.enumValue(AssetKind.class, kind, "kind"),
                QueryParams.blankToNull(owner),
                QueryParams.blankToNull(tag),
                text,
                QueryParams.limit(limit, 50, maxPageSize),
                QueryParams.offset(offset)));
        return new AssetPage(
                page.items().stream().map(this::response).toList(), page.total(), page.limit(), page.offset());
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "Get an asset")
    @APIResponseSchema(AssetResponse.class)
    public Response get(@PathParam("name") String name) {
        return reads.json(new ReadCache.Key("asset", name), () -> response(assets.get(name)));
    }

    @PUT
    @Path("/{name}")
    @Operation(summary = "Replace an asset's metadata")
    public AssetResponse update(@PathParam("name") String name, AssetRequest request) {
        return response(
                assets.update(caller.get(), name, RequestBodies.require(request).toDraft()));
    }

    @DELETE
    @Path("/{name}")
    @Operation(summary = "Delete an asset and its contracts; refused while others depend on it unless forced")
    public Response delete(@PathParam("name") String name, @QueryParam("force") String force) {
        assets.delete(caller.get(), name, QueryParams.booleanValue(force, "force"));
        return Response.noContent().build();
    }
}
