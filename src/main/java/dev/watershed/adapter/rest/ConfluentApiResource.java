package dev.watershed.adapter.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watershed.application.ccompat.ConfluentException;
import dev.watershed.application.ccompat.ConfluentRegistry;
import dev.watershed.application.ccompat.ConfluentRegistry.Submission;
import dev.watershed.application.ccompat.SubjectDeletion;
import dev.watershed.application.ccompat.SubjectSettings;
import dev.watershed.application.ccompat.SubjectVersion;
import dev.watershed.domain.contract.Contract;
import dev.watershed.domain.contract.SchemaFormat;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Confluent Schema Registry API, at the path Apicurio serves it, for Kafka serializers and tools: bodies, media
 * type and error codes as Confluent's clients expect them ({@link ConfluentErrors}). Subjects are assets and
 * registering is publishing; the rules are Watershed's.
 */
@Path("/apis/ccompat/v7")
@Produces({ConfluentErrors.MEDIA_TYPE, "application/vnd.schemaregistry+json", "application/json"})
@Tag(name = "Confluent API")
public class ConfluentApiResource {

    private final ConfluentRegistry registry;
    private final SubjectSettings settings;
    private final SubjectDeletion deletion;
    private final RequestCaller caller;
    private final ComputeBudgets budgets;
    private final ObjectMapper json;
    private final ReadCache reads;

    public ConfluentApiResource(
            ConfluentRegistry registry,
            SubjectSettings settings,
            SubjectDeletion deletion,
            RequestCaller caller,
            ComputeBudgets budgets,
            ObjectMapper json,
            ReadCache reads) {
        this.registry = registry;
        this.reads = reads;
        this.settings = settings;
        this.deletion = deletion;
        this.caller = caller;
        this.budgets = budgets;
        this.json = json;
    }

    @GET
    @Path("/schemas/types")
    @Operation(summary = "The schema types this registry takes")
    public List<String> types() {
        return List.of("JSON", "AVRO");
    }

    @GET
    @Path("/schemas/ids/{id}")
    @Operation(summary = "The schema with this id (what a consumer's deserializer asks at start-up)")
    @APIResponseSchema(Map.class)
    public Response schemaById(@PathParam("id") String id, @QueryParam("subject") String subject) {
        return reads.json(new ReadCache.Key("ccompat-id", id), () -> {
            Contract contract = registry.schema(id(id));
            Map<String, Object> body = new LinkedHashMap<>();
            schemaType(contract.format(), body);
            body.put("schema", contract.schemaText());
            return body;
        });
    }

    @GET
    @Path("/schemas/ids/{id}/schema")
    @Operation(summary = "The schema with this id, as it is")
    @APIResponseSchema(String.class)
    public Response rawSchemaById(@PathParam("id") String id) {
        return reads.text(
                new ReadCache.Key("ccompat-id-schema", id),
                () -> registry.schema(id(id)).schemaText());
    }

    @GET
    @Path("/schemas/ids/{id}/subjects")
    @Operation(summary = "The subjects with a version of this schema")
    public List<String> subjectsOfId(@PathParam("id") String id, @QueryParam("deleted") boolean deleted) {
        return registry.usages(id(id), deleted).stream()
                .map(SubjectVersion::subject)
                .distinct()
                .toList();
    }

    @GET
    @Path("/schemas/ids/{id}/versions")
    @Operation(summary = "The subject versions with this schema")
    public List<Map<String, Object>> versionsOfId(@PathParam("id") String id, @QueryParam("deleted") boolean deleted) {
        return registry.usages(id(id), deleted).stream()
                .map(version -> Map.<String, Object>of("subject", version.subject(), "version", version.version()))
                .toList();
    }

    @GET
    @Path("/subjects")
    @Operation(summary = "Every subject: each asset with a contract")
    public List<String> subjects(@QueryParam("deleted") boolean deleted) {
        return registry.subjects(deleted);
    }

    @GET
    @Path("/subjects/{subject}/versions")
    @Operation(summary = "The subject's version numbers")
    public List<Integer> versions(@PathParam("subject") String subject, @QueryParam("deleted") boolean deleted) {
        return registry.versions(subject, deleted).stream()
                .map(SubjectVersion::version)
                .toList();
    }

    @GET
    @Path("/subjects/{subject}/versions/{version}")
    @Operation(summary = "One version (a number or latest), with its id, schema and Watershed semantic version")
    @APIResponseSchema(Map.class)
    public Response version(
            @PathParam("subject") String subject,
            @PathParam("version") String version,
            @QueryParam("deleted") boolean deleted) {
        return reads.json(
                new ReadCache.Key("ccompat-version", subject, version, String.valueOf(deleted)),
                () -> describe(registry.version(subject, version, deleted)));
    }

    @GET
    @Path("/subjects/{subject}/versions/{version}/schema")
    @Operation(summary = "One version's schema, as it is")
    @APIResponseSchema(String.class)
    public Response rawVersion(
            @PathParam("subject") String subject,
            @PathParam("version") String version,
            @QueryParam("deleted") boolean deleted) {
        return reads.text(
                new ReadCache.Key("ccompat-version-schema", subject, version, String.valueOf(deleted)),
                () -> registry.version(subject, version, deleted).contract().schemaText());
    }

    @POST
    @Path("/subjects/{subject}/versions")
    @Operation(summary = "Register a schema: publishes it as the asset's next contract version; answers its id")
    public Map<String, Object> register(@PathParam("subject") String subject, String body) {
        Submission submission = submission(body);
        long id = budgets.within(budget -> registry.register(caller.get(), subject, submission, budget));
        return Map.of("id", id);
    }

    @POST
    @Path("/subjects/{subject}")
    @Operation(summary = "Whether the schema is registered under the subject, and as which version")
    public Map<String, Object> lookup(
            @PathParam("subject") String subject, @QueryParam("deleted") boolean deleted, String body) {
        Submission submission = submission(body);
        return describe(budgets.within(budget -> registry.lookup(subject, submission, deleted, budget)));
    }

    @DELETE
    @Path("/subjects/{subject}")
    @Operation(summary = "Soft delete (deprecate every version), or with permanent=true delete the asset")
    public List<Integer> deleteSubject(
            @PathParam("subject") String subject, @QueryParam("permanent") boolean permanent) {
        return deletion.deleteSubject(caller.get(), subject, permanent);
    }

    @DELETE
    @Path("/subjects/{subject}/versions/{version}")
    @Operation(summary = "Soft delete one version (deprecate it)")
    public int deleteVersion(
            @PathParam("subject") String subject,
            @PathParam("version") String version,
            @QueryParam("permanent") boolean permanent) {
        return deletion.deleteVersion(caller.get(), subject, version, permanent);
    }

    @POST
    @Path("/compatibility/subjects/{subject}/versions/{version}")
    @Operation(summary = "Whether the schema is compatible with one version (or latest)")
    public Map<String, Object> compatibleWith(
            @PathParam("subject") String subject,
            @PathParam("version") String version,
            @QueryParam("verbose") boolean verbose,
            String body) {
        return compatibility(subject, version, verbose, body);
    }

    @POST
    @Path("/compatibility/subjects/{subject}/versions")
    @Operation(summary = "Whether the schema is compatible with the versions the subject's mode checks")
    public Map<String, Object> compatibleWithAll(
            @PathParam("subject") String subject, @QueryParam("verbose") boolean verbose, String body) {
        return compatibility(subject, null, verbose, body);
    }

    @GET
    @Path("/config")
    @Operation(summary = "The global compatibility level (of assets created for new subjects)")
    public Map<String, Object> globalConfig() {
        return Map.of("compatibilityLevel", settings.globalCompatibility().name());
    }

    @PUT
    @Path("/config")
    @Operation(summary = "Set the global compatibility level (admins)")
    public Map<String, Object> setGlobalConfig(String body) {
        return Map.of(
                "compatibility",
                settings.setGlobalCompatibility(caller.get(), text(body, "compatibility"))
                        .name());
    }

    @DELETE
    @Path("/config")
    @Operation(summary = "Reset the global compatibility level to BACKWARD (admins)")
    public Map<String, Object> deleteGlobalConfig() {
        return Map.of(
                "compatibilityLevel",
                settings.resetGlobalCompatibility(caller.get()).name());
    }

    @GET
    @Path("/config/{subject}")
    @Operation(summary = "The subject's compatibility level: its asset's mode")
    public Map<String, Object> config(@PathParam("subject") String subject) {
        return Map.of(
                "compatibilityLevel",
                settings.compatibilityOf(registry.requireAsset(subject)).name());
    }

    @PUT
    @Path("/config/{subject}")
    @Operation(summary = "Set the subject's compatibility level: its asset's mode")
    public Map<String, Object> setConfig(@PathParam("subject") String subject, String body) {
        String level = text(body, "compatibility");
        return Map.of(
                "compatibility",
                settings.setCompatibility(caller.get(), registry.requireAsset(subject), level)
                        .name());
    }

    @DELETE
    @Path("/config/{subject}")
    @Operation(summary = "Set the subject's compatibility level back to the global one")
    public Map<String, Object> deleteConfig(@PathParam("subject") String subject) {
        return Map.of(
                "compatibilityLevel",
                settings.resetCompatibility(caller.get(), registry.requireAsset(subject))
                        .name());
    }

    @GET
    @Path("/mode")
    @Operation(summary = "The registry's mode: always READWRITE")
    public Map<String, Object> mode() {
        return Map.of("mode", "READWRITE");
    }

    @PUT
    @Path("/mode")
    @Operation(summary = "Only READWRITE is supported")
    public Map<String, Object> setMode(String body) {
        String mode = text(body, "mode");
        if (!"READWRITE".equals(mode)) {
            throw new ConfluentException(
                    ConfluentException.INVALID_MODE,
                    "Invalid mode '" + mode + "': Watershed runs READWRITE only (no READONLY or IMPORT mode)");
        }
        caller.get().requireAdmin("set the registry's mode");
        return Map.of("mode", mode);
    }

    @GET
    @Path("/mode/{subject}")
    @Operation(summary = "A subject's mode: always READWRITE")
    public Map<String, Object> subjectMode(@PathParam("subject") String subject) {
        registry.requireAsset(subject);
        return Map.of("mode", "READWRITE");
    }

    private Map<String, Object> compatibility(String subject, String version, boolean verbose, String body) {
        Submission submission = submission(body);
        List<String> messages =
                budgets.within(budget -> registry.incompatibilities(subject, version, submission, budget));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("is_compatible", messages.isEmpty());
        if (verbose) {
            answer.put("messages", messages);
        }
        return answer;
    }

    private static Map<String, Object> describe(SubjectVersion version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", version.subject());
        body.put("version", version.version());
        body.put("id", version.id());
        schemaType(version.contract().format(), body);
        body.put("schema", version.contract().schemaText());
        // Beyond Confluent's fields (clients ignore the ones they do not know): the Watershed version behind it.
        body.put("watershedVersion", version.contract().version().toString());
        return body;
    }

    /** Confluent leaves schemaType out for Avro, its default. */
    private static void schemaType(SchemaFormat format, Map<String, Object> body) {
        if (format == SchemaFormat.JSON_SCHEMA) {
            body.put("schemaType", "JSON");
        }
    }

    private Submission submission(String body) {
        JsonNode tree = tree(body);
        JsonNode schema = tree.path("schema");
        if (!schema.isTextual()) {
            throw new ConfluentException(
                    ConfluentException.INVALID_SCHEMA,
                    "The body must be {\"schema\": \"<the schema as a string>\", \"schemaType\": \"AVRO\"|\"JSON\"}");
        }
        if (tree.path("references").isArray() && !tree.path("references").isEmpty()) {
            throw new ConfluentException(
                    ConfluentException.INVALID_SCHEMA,
                    "Schema references are not supported yet: send the schema with its referenced types inline");
        }
        JsonNode type = tree.path("schemaType");
        return new Submission(type.isTextual() ? type.asText() : null, schema.asText());
    }

    private String text(String body, String field) {
        JsonNode value = tree(body).path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private JsonNode tree(String body) {
        try {
            JsonNode tree = body == null || body.isBlank() ? null : json.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw new ConfluentException(422, "The body must be a JSON object");
            }
            return tree;
        } catch (JsonProcessingException e) {
            // Limits (nesting depth, lengths) have no location.
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new ConfluentException(422, "The body is not valid JSON" + where + ": " + e.getOriginalMessage());
        }
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new ConfluentException(ConfluentException.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
        }
    }
}
