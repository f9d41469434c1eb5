package dev.watershed.adapter.rest;

import dev.watershed.application.dependency.Dependency;
import dev.watershed.application.dependency.DependencyDraft;
import dev.watershed.application.dependency.DependencyService;
import dev.watershed.application.lineage.CombinedLineage;
import dev.watershed.domain.graph.ImpactedAsset;
import dev.watershed.domain.graph.Usage;
import dev.watershed.domain.graph.UsageTerms;
import dev.watershed.domain.lineage.ObservedEdge;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/assets/{name}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Dependencies")
public class DependencyResource {

    public record DependencyRequest(
            String versionRange,
            List<String> fields,
            Usage usage,
            String note,
            String splitKey,
            List<String> targetFields,
            CostBody cost,
            BenefitBody benefit) {

        DependencyDraft toDraft() {
            return new DependencyDraft(
                    versionRange,
                    fields,
                    usage,
                    note,
                    splitKey,
                    targetFields,
                    cost == null ? null : new DependencyDraft.CostDraft(cost.amount(), cost.unit()),
                    benefit == null ? null : new DependencyDraft.BenefitDraft(benefit.value(), benefit.metric()));
        }
    }

    /** e.g. {@code {"amount": 120, "unit": "USD/month"}} */
    public record CostBody(Double amount, String unit) {}

    /** e.g. {@code {"value": 0.031, "metric": "feature-importance"}} */
    public record BenefitBody(Double value, String metric) {}

    public record DependencyResponse(
            String producer,
            String consumer,
            String versionRange,
            String resolvedVersion,
            List<String> fields,
            Usage usage,
            String note,
            String splitKey,
            List<String> targetFields,
            CostBody cost,
            BenefitBody benefit,
            Instant createdAt,
            boolean lineageOnly,
            String lineageOnlyReason) {

        /** @param lineageOnlyReason see {@link DependencyService#lineageOnlyReason}; empty when not lineage only */
        static DependencyResponse of(Dependency dependency, Optional<String> lineageOnlyReason) {
            UsageTerms terms = dependency.terms();
            return new DependencyResponse(
                    dependency.producer(),
                    dependency.consumer(),
                    dependency.versionRange() == null
                            ? null
                            : dependency.versionRange().toString(),
                    dependency.resolvedVersion() == null
                            ? null
                            : dependency.resolvedVersion().toString(),
                    dependency.fields(),
                    dependency.usage(),
                    dependency.note(),
                    terms.splitKey(),
                    terms.targetFields(),
                    terms.cost() == null
                            ? null
                            : new CostBody(terms.cost().amount(), terms.cost().unit()),
                    terms.benefit() == null
                            ? null
                            : new BenefitBody(
                                    terms.benefit().value(), terms.benefit().metric()),
                    dependency.createdAt(),
                    lineageOnlyReason.isPresent(),
                    lineageOnlyReason.orElse(null));
        }
    }

    public record ImpactedResponse(
            String name,
            String kind,
            String owner,
            int depth,
            List<String> path,
            List<String> fields,
            boolean direct,
            String reason) {

        static ImpactedResponse of(ImpactedAsset impacted) {
            return new ImpactedResponse(
                    impacted.name(),
                    impacted.kind(),
                    impacted.owner(),
                    impacted.depth(),
                    impacted.path(),
                    impacted.fields(),
                    impacted.direct(),
                    impacted.reason());
        }
    }

    /**
     * A consumer OpenLineage runs showed reading the asset, with no dependency declared: impact through declarations
     * cannot see it, so it is listed apart.
     */
    public record ObservedReaderResponse(
            String name, List<LineageResource.JobResponse> jobs, Instant lastSeen, List<String> fieldsRead) {

        static ObservedReaderResponse of(ObservedEdge edge) {
            return new ObservedReaderResponse(
                    edge.consumer(), LineageResource.JobResponse.of(edge.jobs()), edge.lastSeen(), edge.fieldsRead());
        }
    }

    /** @param observedOnly readers seen in runs that declare nothing; see {@link ObservedReaderResponse} */
    public record ImpactResponse(
            String asset, List<ImpactedResponse> impacted, List<ObservedReaderResponse> observedOnly) {}

    private final DependencyService dependencies;
    private final CombinedLineage combined;
    private final RequestCaller caller;

    public DependencyResource(DependencyService dependencies, CombinedLineage combined, RequestCaller caller) {
        this.dependencies = dependencies;
        this.combined = combined;
        this.caller = caller;
    }

    @PUT
    @Path("/dependencies/{producer}")
    @Operation(summary = "Declare that this asset reads a producer: which versions, which fields, for what")
    public Response declare(
            @PathParam("name") String consumer, @PathParam("producer") String producer, DependencyRequest request) {
        DependencyRequest body = RequestBodies.require(request);
        DependencyService.Declared declared = dependencies.declare(caller.get(), consumer, producer, body.toDraft());
        DependencyResponse response = response(declared.dependency());
        return declared.created()
                ? Response.created(URI.create("/api/v1/assets/" + consumer + "/dependencies/" + producer))
                        .entity(response)
                        .build()
                : Response.ok(response).build();
    }

    @DELETE
    @Path("/dependencies/{producer}")
    @Operation(summary = "Remove this asset's dependency on a producer")
    public Response remove(@PathParam("name") String consumer, @PathParam("producer") String producer) {
        dependencies.remove(caller.get(), consumer, producer);
        return Response.noContent().build();
    }

    @GET
    @Path("/dependencies")
    @Operation(summary = "What this asset reads directly (upstream)")
    public List<DependencyResponse> dependencies(@PathParam("name") String name) {
        return dependencies.dependenciesOf(name).stream().map(this::response).toList();
    }

    @GET
    @Path("/consumers")
    @Operation(summary = "Who reads this asset directly (downstream)")
    public List<DependencyResponse> consumers(@PathParam("name") String name) {
        return dependencies.consumersOf(name).stream().map(this::response).toList();
    }

    @GET
    @Path("/impact")
    @Operation(summary = "Who is affected, directly and downstream, if these fields (default: all) change")
    public ImpactResponse impact(@PathParam("name") String name, @QueryParam("fields") String fields) {
        List<String> changed = QueryParams.list(fields);
        return new ImpactResponse(
                name,
                dependencies.impact(name, changed).stream()
                        .map(ImpactedResponse::of)
                        .toList(),
                combined.undeclaredReaders(name, DependencyService.normalized(changed)).stream()
                        .map(ObservedReaderResponse::of)
                        .toList());
    }

    @GET
    @Path("/lineage")
    @Operation(summary = "The same as GET /api/v1/lineage/{name}; also reaches an asset named 'order'")
    public LineageResource.LineageResponse lineage(
            @PathParam("name") String name,
            @QueryParam("direction") String direction,
            @QueryParam("depth") String depth) {
        return LineageResource.LineageResponse.of(
                name, combined.lineage(name, QueryParams.lineageDirection(direction), QueryParams.lineageDepth(depth)));
    }

    private DependencyResponse response(Dependency dependency) {
        return DependencyResponse.of(dependency, dependencies.lineageOnlyReason(dependency));
    }
}
