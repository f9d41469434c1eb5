package dev.watershed.adapter.rest;

import dev.watershed.application.config.WatershedConfig;
import dev.watershed.application.dependency.DependencyService;
import dev.watershed.domain.InvalidInputException;
import dev.watershed.domain.asset.AssetKind;
import dev.watershed.domain.graph.AssetNode;
import dev.watershed.domain.graph.DependencyEdge;
import dev.watershed.domain.graph.Subgraph;
import dev.watershed.domain.graph.Usage;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Lineage, estate and rebuild order. {@code /order} is a literal path and wins over {@code /{name}}, so an asset
 * named {@code order} has its lineage at {@code /api/v1/assets/order/lineage} instead.
 */
@Path("/api/v1/lineage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Lineage")
public class LineageResource {

    private static final int DEFAULT_LIMIT = 100;

    public record NodeResponse(String name, String kind, String owner, String latestVersion) {

        static NodeResponse of(AssetNode node) {
            return new NodeResponse(
                    node.name(),
                    node.kind(),
                    node.owner(),
                    node.latestVersion() == null ? null : node.latestVersion().toString());
        }
    }

    public record EdgeResponse(
            String from, String to, String versionRange, String resolvedVersion, List<String> fields, Usage usage) {

        static EdgeResponse of(DependencyEdge edge) {
            return new EdgeResponse(
                    edge.producer(),
                    edge.consumer(),
                    edge.versionRange().toString(),
                    edge.resolvedVersion() == null
                            ? null
                            : edge.resolvedVersion().toString(),
                    edge.fields(),
                    edge.usage());
        }
    }

    /** @param truncated whether an estate page stopped at its limit with more assets left */
    public record LineageResponse(String root, List<NodeResponse> nodes, List<EdgeResponse> edges, boolean truncated) {

        static LineageResponse of(String root, Subgraph subgraph) {
            return new LineageResponse(
                    root,
                    subgraph.nodes().stream().map(NodeResponse::of).toList(),
                    subgraph.edges().stream().map(EdgeResponse::of).toList(),
                    subgraph.truncated());
        }
    }

    public record OrderedAsset(String name, String kind, String owner) {}

    public record OrderResponse(String from, List<OrderedAsset> order) {}

    private final DependencyService dependencies;
    private final int maxPageSize;

    public LineageResource(DependencyService dependencies, WatershedConfig config) {
        this.dependencies = dependencies;
        this.maxPageSize = config.limits().maxPageSize();
    }

    @GET
    @Operation(summary = "The whole estate's graph, filtered by owner and kind, one page of assets by name")
    public LineageResponse estate(
            @QueryParam("owner") String owner, @QueryParam("kind") String kind, @QueryParam("limit") String limit) {
        AssetKind assetKind = QueryParams.enumValue(AssetKind.class, kind, "kind");
        return LineageResponse.of(
                null,
                dependencies.estate(
                        QueryParams.blankToNull(owner),
                        assetKind == null ? null : assetKind.name(),
                        QueryParams.limit(limit, DEFAULT_LIMIT, maxPageSize)));
    }

    @GET
    @Path("/order")
    @Operation(summary = "Everything downstream of an asset, in an order safe for rebuilding or retraining")
    public OrderResponse order(@QueryParam("from") String from) {
        if (from == null || from.isBlank()) {
            throw new InvalidInputException("from", "from is required: the asset whose downstream is rebuilt");
        }
        return new OrderResponse(
                from,
                dependencies.rebuildOrder(from).stream()
                        .map(node -> new OrderedAsset(node.name(), node.kind(), node.owner()))
                        .toList());
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "Upstream, downstream or both from an asset, up to a depth")
    public LineageResponse lineage(
            @PathParam("name") String name,
            @QueryParam("direction") String direction,
            @QueryParam("depth") String depth) {
        return LineageResponse.of(
                name,
                dependencies.lineage(name, QueryParams.lineageDirection(direction), QueryParams.lineageDepth(depth)));
    }
}
