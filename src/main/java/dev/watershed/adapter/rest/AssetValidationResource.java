package dev.watershed.adapter.rest;

import dev.watershed.application.validation.ValidationService;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Validation of data against an asset's contract. The body is taken as an {@link InputStream} on a worker thread,
 * so NDJSON and Avro batches stream through in memory bounded by one record, whatever their size; they are exempt
 * from {@code watershed.limits.max-body-bytes} and bounded by the record limits instead.
 */
@Path("/api/v1/assets/{name}/validate")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Validation")
public class AssetValidationResource {

    private final ValidationService validation;
    private final RequestCaller caller;
    private final ComputeBudgets budgets;

    public AssetValidationResource(ValidationService validation, RequestCaller caller, ComputeBudgets budgets) {
        this.validation = validation;
        this.caller = caller;
        this.budgets = budgets;
    }

    @POST
    @Blocking
    @Consumes({MediaType.APPLICATION_JSON, MediaTypes.NDJSON, MediaTypes.AVRO})
    @Operation(
            summary = "Validate one JSON record, an NDJSON stream or an Avro container file against a contract",
            description = "version: a semantic version or 'latest' (default). profile=false skips profiling."
                    + " label=<name> or record=true stores an observation (counts and profile) and needs a token.")
    public ValidationResponse validate(
            @PathParam("name") String name,
            @QueryParam("version") String version,
            @QueryParam("label") String label,
            @QueryParam("profile") String profile,
            @QueryParam("record") String record,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body) {
        ValidationService.Options options = new ValidationService.Options(
                QueryParams.booleanValue(profile, "profile", true),
                QueryParams.stripped(label),
                QueryParams.booleanValue(record, "record", false));
        return ValidationResponse.of(budgets.within(budget -> validation.validate(
                caller.get(),
                name,
                version,
                MediaTypes.batchFormat(contentType),
                RequestBodies.streamed(body),
                options,
                budget)));
    }
}
