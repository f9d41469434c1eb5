package dev.watershed.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watershed.application.validation.ValidationService;
import dev.watershed.domain.contract.SchemaFormat;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/validate")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Validation")
public class ValidationResource {

    /** A schema and either one record or an array of records; the body limit applies as to any JSON request. */
    public record StatelessRequest(SchemaFormat format, JsonNode schema, JsonNode record, List<JsonNode> records) {}

    private final ValidationService validation;
    private final ComputeBudgets budgets;

    public ValidationResource(ValidationService validation, ComputeBudgets budgets) {
        this.validation = validation;
        this.budgets = budgets;
    }

    @POST
    @Operation(
            summary = "Validate records against a schema sent with the request; nothing is stored",
            description = "Send 'record' (one JSON value) or 'records' (an array). Same response as validating"
                    + " against an asset's contract, with asset and version null.")
    public ValidationResponse validate(StatelessRequest request, @QueryParam("profile") String profile) {
        RequestBodies.require(request);
        ValidationService.requireOneShape(request.record(), request.records());
        List<JsonNode> records = request.records() != null ? request.records() : List.of(request.record());
        boolean profiled = QueryParams.booleanValue(profile, "profile", true);
        return ValidationResponse.of(budgets.within(budget -> validation.validate(
                request.format(),
                request.schema(),
                records,
                request.records() != null ? "/records" : null,
                profiled,
                budget)));
    }
}
