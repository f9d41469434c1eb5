package dev.watershed.adapter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watershed.application.contract.ContractService;
import dev.watershed.application.contract.DifferenceView;
import dev.watershed.application.contract.ImpactView;
import dev.watershed.application.contract.PublishPlan;
import dev.watershed.application.contract.PublishRequest;
import dev.watershed.application.contract.PublishResult;
import dev.watershed.application.contract.VersionDiff;
import dev.watershed.domain.contract.CompatibilityMode;
import dev.watershed.domain.contract.Contract;
import dev.watershed.domain.contract.ContractStatus;
import dev.watershed.domain.contract.DialectSource;
import dev.watershed.domain.contract.FieldMetadata;
import dev.watershed.domain.contract.FieldRole;
import dev.watershed.domain.contract.JsonSchemaDialects;
import dev.watershed.domain.contract.SchemaFormat;
import dev.watershed.domain.contract.VersionBump;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/assets/{name}/contracts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Contracts")
public class ContractResource {

    /** Field metadata as clients send it: anything left out takes its default. */
    public record FieldMetadataRequest(
            String description,
            Boolean pii,
            Boolean servingAvailable,
            FieldRole role,
            Double driftThreshold,
            Double skewThreshold) {

        FieldMetadata toDomain() {
            return new FieldMetadata(
                    description,
                    Boolean.TRUE.equals(pii),
                    !Boolean.FALSE.equals(servingAvailable),
                    role,
                    driftThreshold,
                    skewThreshold);
        }
    }

    /**
     * @param fields         {@code null} (left out) carries the latest version's metadata forward; a map, even
     *                       empty, replaces it
     * @param breakingChange the acknowledgement of an intended breaking change, see {@link BreakingChangeRequest}
     */
    public record ContractRequest(
            SchemaFormat format,
            JsonNode schema,
            String version,
            String changelog,
            Map<String, FieldMetadataRequest> fields,
            BreakingChangeRequest breakingChange) {

        PublishRequest toDomain() {
            Map<String, FieldMetadata> metadata = null;
            if (fields != null) {
                metadata = new LinkedHashMap<>();
                for (Map.Entry<String, FieldMetadataRequest> field : fields.entrySet()) {
                    metadata.put(
                            field.getKey(),
                            field.getValue() == null
                                    ? FieldMetadata.defaults()
                                    : field.getValue().toDomain());
                }
            }
            return new PublishRequest(
                    format,
                    schema,
                    version,
                    changelog,
                    metadata,
                    breakingChange == null ? null : breakingChange.toDomain());
        }
    }

    /**
     * @param rolledBackTo  the version whose schema this one restored, when a rollback published it
     * @param dialect       the JSON Schema dialect URI the schema was read as (networknt's names, e.g.
     *                      {@code http://json-schema.org/draft-07/schema#}); {@code null} for Avro
     * @param dialectSource {@code DECLARED} when the schema names it with {@code $schema}, {@code DETECTED} when the
     *                      registry chose it when the version was published; {@code null} for Avro
     */
    public record ContractResponse(
            String asset,
            String version,
            SchemaFormat format,
            ContractStatus status,
            String fingerprint,
            JsonNode schema,
            String changelog,
            Map<String, FieldMetadata> fields,
            Instant createdAt,
            String createdBy,
            String rolledBackTo,
            String dialect,
            DialectSource dialectSource,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> fieldsCarried,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> fieldsDropped,
            @JsonInclude(JsonInclude.Include.NON_NULL) BreakingChangeResponse breakingChange) {

        /** The answer to a publish: the version, with what was carried and how an acknowledgement was judged. */
        static ContractResponse of(Contract contract, PublishPlan plan, ObjectMapper json) {
            ContractResponse stored = of(contract, json);
            return new ContractResponse(
                    stored.asset,
                    stored.version,
                    stored.format,
                    stored.status,
                    stored.fingerprint,
                    stored.schema,
                    stored.changelog,
                    stored.fields,
                    stored.createdAt,
                    stored.createdBy,
                    stored.rolledBackTo,
                    stored.dialect,
                    stored.dialectSource,
                    plan.fieldsCarried(),
                    plan.fieldsDropped(),
                    BreakingChangeResponse.of(plan.breakingChange()));
        }

        static ContractResponse of(Contract contract, ObjectMapper json) {
            JsonNode schema = schemaTree(contract, json);
            return new ContractResponse(
                    contract.asset(),
                    contract.version().toString(),
                    contract.format(),
                    contract.status(),
                    contract.fingerprint(),
                    schema,
                    contract.changelog(),
                    contract.fields(),
                    contract.createdAt(),
                    contract.createdBy(),
                    contract.rolledBackTo() == null
                            ? null
                            : contract.rolledBackTo().toString(),
                    contract.dialect(),
                    contract.format() == SchemaFormat.AVRO ? null : JsonSchemaDialects.sourceOf(schema),
                    null,
                    null,
                    null);
        }
    }

    private final ContractService contracts;
    private final RequestCaller caller;
    private final ObjectMapper json;
    private final ComputeBudgets budgets;
    private final ReadCache reads;

    public ContractResource(
            ContractService contracts,
            RequestCaller caller,
            ObjectMapper json,
            ComputeBudgets budgets,
            ReadCache reads) {
        this.contracts = contracts;
        this.reads = reads;
        this.caller = caller;
        this.json = json;
        this.budgets = budgets;
    }

    /**
     * The outcome of a dry run.
     *
     * @param version the version the schema would get (the latest one when unchanged)
     * @param bump    the bump from the latest version; absent for a first or unchanged version
     * @param dialect the JSON Schema dialect URI the schema would be read as; {@code null} for Avro (when unchanged,
     *                the latest version keeps its own, see its {@code dialect})
     * @param dialectSource {@code DECLARED} or {@code DETECTED}, as in a contract; {@code null} for Avro
     */
    public record DryRunResponse(
            String asset,
            boolean compatible,
            CompatibilityMode mode,
            boolean unchanged,
            String latestVersion,
            String version,
            VersionBump bump,
            List<DifferenceView> differences,
            List<ImpactView> impacted,
            String dialect,
            DialectSource dialectSource,
            List<String> fieldsCarried,
            List<String> fieldsDropped,
            BreakingChangeResponse breakingChange) {

        static DryRunResponse of(PublishPlan plan) {
            return new DryRunResponse(
                    plan.asset(),
                    plan.compatible(),
                    plan.verdict().mode(),
                    plan.unchanged(),
                    plan.latest().map(contract -> contract.version().toString()).orElse(null),
                    plan.version().toString(),
                    plan.bump().orElse(null),
                    plan.differences(),
                    plan.impacted(),
                    plan.schema().dialect(),
                    plan.schema().dialectSource(),
                    plan.fieldsCarried(),
                    plan.fieldsDropped(),
                    BreakingChangeResponse.of(plan.breakingChange()));
        }
    }

    public record DiffResponse(
            String asset,
            String from,
            String to,
            CompatibilityMode mode,
            boolean compatible,
            VersionBump bump,
            List<DifferenceView> differences) {}

    @POST
    @Operation(
            summary = "Publish a new contract version, or check one with dryRun=true",
            description = "201 with the new version; 200 with the latest version when the schema is unchanged;"
                    + " 409 with the breaking differences when the schema breaks the asset's compatibility mode."
                    + " With dryRun=true: 200 with the verdict and the version the schema would get, nothing"
                    + " stored.")
    public Response publish(
            @PathParam("name") String name, @QueryParam("dryRun") String dryRun, ContractRequest request) {
        PublishRequest publish = RequestBodies.require(request).toDomain();
        if (QueryParams.booleanValue(dryRun, "dryRun")) {
            return Response.ok(DryRunResponse.of(budgets.within(budget -> contracts.plan(name, publish, budget))))
                    .build();
        }
        PublishResult result = budgets.within(budget -> contracts.publish(caller.get(), name, publish, budget));
        ContractResponse body = result.plan() == null
                ? toResponse(result.contract())
                : ContractResponse.of(result.contract(), result.plan(), json);
        if (!result.created()) {
            return Response.ok(body).build();
        }
        return Response.created(URI.create("/api/v1/assets/" + name + "/contracts/" + body.version()))
                .entity(body)
                .build();
    }

    @GET
    @Operation(summary = "List every contract version, newest first")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ContractResponse.class)))
    public Response history(@PathParam("name") String name) {
        return reads.json(
                new ReadCache.Key("contracts", name),
                () -> contracts.history(name).stream().map(this::toResponse).toList());
    }

    @GET
    @Path("/{version}")
    @Operation(summary = "Get one contract version; 'latest' is an alias for the newest")
    @APIResponseSchema(ContractResponse.class)
    public Response get(@PathParam("name") String name, @PathParam("version") String version) {
        return reads.json(new ReadCache.Key("contract", name, version), () -> toResponse(contracts.get(name, version)));
    }

    @GET
    @Path("/{version}/schema")
    @Operation(summary = "The raw schema document of a contract version")
    @APIResponseSchema(JsonNode.class)
    public Response schema(@PathParam("name") String name, @PathParam("version") String version) {
        return reads.json(
                new ReadCache.Key("contract-schema", name, version), () -> schemaTree(contracts.get(name, version)));
    }

    @GET
    @Path("/{version}/fields")
    @Operation(summary = "The fields a contract version defines, in schema order, with their metadata")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = FieldResponse.class)))
    public Response fields(@PathParam("name") String name, @PathParam("version") String version) {
        return reads.json(new ReadCache.Key("contract-fields", name, version), () -> {
            Contract contract = contracts.get(name, version);
            Map<String, FieldMetadata> metadata = contract.fields();
            return contracts.schemaOf(contract).fields().stream()
                    .map(field -> FieldResponse.of(field, metadata.get(field.path())))
                    .toList();
        });
    }

    @GET
    @Path("/{from}/diff/{to}")
    @Operation(summary = "The differences from one stored version to another, with the verdict of the asset's mode")
    public DiffResponse diff(
            @PathParam("name") String name, @PathParam("from") String from, @PathParam("to") String to) {
        VersionDiff diff = budgets.within(budget -> contracts.diff(name, from, to, budget));
        return new DiffResponse(
                diff.asset(),
                diff.from().toString(),
                diff.to().toString(),
                diff.mode(),
                diff.compatible(),
                diff.bump().orElse(null),
                diff.differences());
    }

    @POST
    @Path("/{version}/deprecate")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Mark a contract version DEPRECATED; it stays readable")
    public ContractResponse deprecate(@PathParam("name") String name, @PathParam("version") String version) {
        return toResponse(contracts.deprecate(caller.get(), name, version));
    }

    ContractResponse toResponse(Contract contract) {
        return ContractResponse.of(contract, json);
    }

    private JsonNode schemaTree(Contract contract) {
        return schemaTree(contract, json);
    }

    private static JsonNode schemaTree(Contract contract, ObjectMapper json) {
        try {
            return json.readTree(contract.schemaText());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "stored schema of " + contract.asset() + " " + contract.version() + " is not JSON", e);
        }
    }
}
