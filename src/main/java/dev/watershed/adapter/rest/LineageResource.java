package dev.watershed.adapter.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watershed.application.config.WatershedConfig;
import dev.watershed.application.dependency.DependencyService;
import dev.watershed.application.lineage.CombinedLineage;
import dev.watershed.application.lineage.IngestResult;
import dev.watershed.application.lineage.LineageIngestion;
import dev.watershed.application.lineage.ObservedLineageService;
import dev.watershed.domain.InvalidInputException;
import dev.watershed.domain.asset.AssetKind;
import dev.watershed.domain.graph.AssetNode;
import dev.watershed.domain.graph.DependencyEdge;
import dev.watershed.domain.graph.Usage;
import dev.watershed.domain.lineage.JobId;
import dev.watershed.domain.lineage.ObservedEdge;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Lineage, declared and observed: the estate, one asset's lineage, the rebuild order, and OpenLineage events in.
 * {@code /order} and {@code /datasets} are literal paths and win over {@code /{name}}, so assets named {@code order}
 * or {@code datasets} have their lineage at {@code /api/v1/assets/<name>/lineage} instead.
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

    public record JobResponse(String namespace, String name) {

        static List<JobResponse> of(List<JobId> jobs) {
            return jobs.stream()
                    .map(job -> new JobResponse(job.namespace(), job.name()))
                    .toList();
        }
    }

    /**
     * What completed OpenLineage runs showed of an edge.
     *
     * @param fieldsRead the producer's fields the runs' column lineage named; empty when no facet said
     */
    public record ObservedResponse(
            List<JobResponse> jobs, Instant firstSeen, Instant lastSeen, long runs, List<String> fieldsRead) {

        static ObservedResponse of(ObservedEdge edge) {
            return edge == null
                    ? null
                    : new ObservedResponse(
                            JobResponse.of(edge.jobs()),
                            edge.firstSeen(),
                            edge.lastSeen(),
                            edge.runs(),
                            edge.fieldsRead());
        }
    }

    /**
     * @param provenance {@code DECLARED}, {@code OBSERVED} or both
     * @param jobs       the jobs seen carrying data along it; empty when none was
     * @param observed   what runs showed; {@code null} when none reported it
     */
    public record EdgeResponse(
            String from,
            String to,
            List<CombinedLineage.Provenance> provenance,
            String versionRange,
            String resolvedVersion,
            List<String> fields,
            Usage usage,
            List<JobResponse> jobs,
            ObservedResponse observed) {

        static EdgeResponse of(CombinedLineage.Edge edge) {
            DependencyEdge declared = edge.declared();
            return new EdgeResponse(
                    edge.producer(),
                    edge.consumer(),
                    edge.provenance(),
                    declared == null ? null : declared.versionRange().toString(),
                    declared == null || declared.resolvedVersion() == null
                            ? null
                            : declared.resolvedVersion().toString(),
                    declared == null ? List.of() : declared.fields(),
                    declared == null ? null : declared.usage(),
                    edge.observed() == null
                            ? List.of()
                            : JobResponse.of(edge.observed().jobs()),
                    ObservedResponse.of(edge.observed()));
        }
    }

    /** @param truncated whether an estate page stopped at its limit with more assets left */
    public record LineageResponse(String root, List<NodeResponse> nodes, List<EdgeResponse> edges, boolean truncated) {

        static LineageResponse of(String root, CombinedLineage.Graph graph) {
            return new LineageResponse(
                    root,
                    graph.nodes().stream().map(NodeResponse::of).toList(),
                    graph.edges().stream().map(EdgeResponse::of).toList(),
                    graph.truncated());
        }
    }

    /** @param asset the asset declaring it among its lineage ids; {@code null} when none does */
    public record DatasetResponse(
            String namespace, String name, String asset, List<JobResponse> jobs, Instant firstSeen, Instant lastSeen) {}

    public record DatasetsResponse(List<DatasetResponse> datasets) {}

    public record ViolationResponse(String kind, String field, String expected, String observed, String detail) {}

    public record DatasetCheckResponse(
            String namespace,
            String name,
            String asset,
            String contractVersion,
            IngestResult.SchemaStatus schema,
            List<ViolationResponse> violations,
            List<String> addedFields) {

        static DatasetCheckResponse of(IngestResult.DatasetCheck check) {
            return new DatasetCheckResponse(
                    check.dataset().namespace(),
                    check.dataset().name(),
                    check.asset(),
                    check.contractVersion(),
                    check.schema(),
                    check.violations().stream()
                            .map(violation -> new ViolationResponse(
                                    violation.kind().name(),
                                    violation.field(),
                                    violation.expected(),
                                    violation.observed(),
                                    violation.detail()))
                            .toList(),
                    check.addedFields());
        }
    }

    /** @param replayed true when the same event was received before; nothing changed */
    public record IngestResponse(String eventKey, boolean replayed, List<DatasetCheckResponse> datasets) {}

    public record OrderedAsset(String name, String kind, String owner) {}

    public record OrderResponse(String from, List<OrderedAsset> order) {}

    private final DependencyService dependencies;
    private final CombinedLineage combined;
    private final LineageIngestion ingestion;
    private final ObservedLineageService observed;
    private final RequestCaller caller;
    private final ObjectMapper json;
    private final int maxPageSize;
    private final long maxEventBytes;

    public LineageResource(
            DependencyService dependencies,
            CombinedLineage combined,
            LineageIngestion ingestion,
            ObservedLineageService observed,
            RequestCaller caller,
            ObjectMapper json,
            WatershedConfig config) {
        this.dependencies = dependencies;
        this.combined = combined;
        this.ingestion = ingestion;
        this.observed = observed;
        this.caller = caller;
        this.json = json;
        this.maxPageSize = config.limits().maxPageSize();
        this.maxEventBytes = config.lineage().maxEventBytes();
    }

    /**
     * An OpenLineage event, as the client's HTTP transport posts it (JSON, gzip-compressed or not, with the token as
     * {@code Authorization: Bearer}). 201 when stored; 200 when the same event was stored before.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Report an OpenLineage event (RunEvent, JobEvent or DatasetEvent), JSON or gzip JSON")
    public Response ingest(@HeaderParam("Content-Encoding") String contentEncoding, byte[] body)
            throws JsonProcessingException {
        String text = LineageBodies.text(body == null ? new byte[0] : body, contentEncoding, maxEventBytes);
        if (text.isBlank()) {
            throw new InvalidInputException(null, "an OpenLineage event is required as the JSON request body");
        }
        JsonNode event = json.readTree(text);
        IngestResult result = ingestion.ingest(caller.get(), event, text);
        return Response.status(result.replayed() ? Response.Status.OK : Response.Status.CREATED)
                .entity(new IngestResponse(
                        result.eventKey(),
                        result.replayed(),
                        result.datasets().stream().map(DatasetCheckResponse::of).toList()))
                .build();
    }

    @GET
    @Path("/datasets")
    @Operation(summary = "Datasets seen in OpenLineage events; matched=false lists those no asset declares yet")
    public DatasetsResponse datasets(
            @QueryParam("namespace") String namespace,
            @QueryParam("matched") String matched,
            @QueryParam("limit") String limit) {
        return new DatasetsResponse(observed
                .datasets(
                        QueryParams.blankToNull(namespace),
                        QueryParams.optionalBoolean(matched, "matched"),
                        QueryParams.limit(limit, DEFAULT_LIMIT, maxPageSize))
                .stream()
                .map(dataset -> new DatasetResponse(
                        dataset.id().namespace(),
                        dataset.id().name(),
                        dataset.asset(),
                        JobResponse.of(dataset.jobs()),
                        dataset.firstSeen(),
                        dataset.lastSeen()))
                .toList());
    }

    @GET
    @Operation(summary = "The whole estate's graph, filtered by owner and kind, one page of assets by name")
    public LineageResponse estate(
            @QueryParam("owner") String owner, @QueryParam("kind") String kind, @QueryParam("limit") String limit) {
        AssetKind assetKind = QueryParams.enumValue(AssetKind.class, kind, "kind");
        return LineageResponse.of(
                null,
                combined.estate(
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
                name, combined.lineage(name, QueryParams.lineageDirection(direction), QueryParams.lineageDepth(depth)));
    }
}
