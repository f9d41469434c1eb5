package dev.watershed.adapter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watershed.application.config.WatershedConfig;
import dev.watershed.application.drift.DriftCheck;
import dev.watershed.application.drift.DriftService;
import dev.watershed.application.validation.BatchFormat;
import dev.watershed.application.validation.ProfileReference;
import dev.watershed.domain.InvalidInputException;
import dev.watershed.domain.profile.DriftAnomaly;
import dev.watershed.domain.profile.FieldDrift;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Drift checks. A batch streams through validation and profiling as on {@code /validate} (NDJSON or an Avro
 * container file); an {@code application/json} body names a stored observation instead, since one record has no
 * distribution to compare.
 */
@Path("/api/v1/assets/{name}/drift")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Drift")
public class DriftResource {

    /** The profile compared with. */
    public record Against(String kind, Long id, String label, long records, BaselineResource.Window window) {

        static Against of(ProfileReference reference) {
            return new Against(
                    reference.kind(),
                    reference.id(),
                    reference.label(),
                    reference.records(),
                    new BaselineResource.Window(reference.from(), reference.to()));
        }
    }

    /**
     * What was checked.
     *
     * @param observationId the observation it is, or was recorded as; {@code null} for an unrecorded batch
     */
    public record Current(String kind, Long observationId, String label, long records) {

        static Current of(ProfileReference reference) {
            return new Current(reference.kind(), reference.id(), reference.label(), reference.records());
        }
    }

    /**
     * The outcome of a drift check.
     *
     * @param id                      the stored check; {@code null} when nothing drifted (only checks with
     *                                anomalies are kept)
     * @param baselineRecordsPerBatch the reference's records over the batches merged into it
     * @param recordCountChange       current records over baselineRecordsPerBatch, minus 1
     * @param fields                  per field, in path order
     * @param anomalies               worst first
     * @param note                    only when nothing was compared: the first batch of a label, recorded so that the
     *                                next one has something to be compared with ({@code against} is then null)
     */
    public record DriftResponse(
            Long id,
            String asset,
            Instant checkedAt,
            String checkedBy,
            Against against,
            Current current,
            boolean drifted,
            double baselineRecordsPerBatch,
            Double recordCountChange,
            List<DriftAnomaly> anomalies,
            List<FieldDrift> fields,
            @JsonInclude(JsonInclude.Include.NON_NULL) String note) {

        static DriftResponse of(DriftCheck check) {
            return new DriftResponse(
                    check.id(),
                    check.asset(),
                    check.checkedAt(),
                    check.checkedBy(),
                    check.against() == null ? null : Against.of(check.against()),
                    Current.of(check.current()),
                    check.report().drifted(),
                    check.report().baselineRecords(),
                    check.report().recordCountChange(),
                    check.report().anomalies(),
                    check.report().fields(),
                    check.note());
        }
    }

    private final DriftService drift;
    private final RequestCaller caller;
    private final ObjectMapper json;
    private final int maxPageSize;

    public DriftResource(DriftService drift, RequestCaller caller, ObjectMapper json, WatershedConfig config) {
        this.drift = drift;
        this.caller = caller;
        this.json = json;
        this.maxPageSize = config.limits().maxPageSize();
    }

    @POST
    @Blocking
    @Consumes({MediaType.APPLICATION_JSON, MediaTypes.NDJSON, MediaTypes.AVRO})
    @Operation(
            summary = "Compare a batch, or a stored observation, with a baseline or the previous observation",
            description = "against=baseline (default: the newest baseline, or baseline=<id>) or against=previous"
                    + " (the previous profiled observation with the same label). Body: an NDJSON stream or an Avro"
                    + " container file, validated and profiled against the latest contract, recorded as an"
                    + " observation when label=<name> is given; or application/json {\"observation\": <id>}."
                    + " The first labelled batch, with no previous observation of its label (against=previous) or no"
                    + " baseline yet (against=baseline without baseline=<id>), is recorded and answered with a note"
                    + " and against=null instead of NO_PREVIOUS_OBSERVATION or NO_BASELINE."
                    + " Anomalies are stored and sent to everyone downstream as drift.detected. Needs a token.")
    public DriftResponse check(
            @PathParam("name") String name,
            @QueryParam("against") String against,
            @QueryParam("baseline") String baseline,
            @QueryParam("label") String label,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body) {
        DriftService.Against kind = DriftService.Against.parse(against);
        BatchFormat format = MediaTypes.batchFormat(contentType);
        String cleanLabel = QueryParams.stripped(label);
        if (format == BatchFormat.JSON) {
            if (cleanLabel != null) {
                throw new InvalidInputException(
                        "label",
                        "label records a batch; a stored observation keeps its own"
                                + " label: leave label out with {\"observation\": <id>}");
            }
            return DriftResponse.of(drift.checkObservation(caller.get(), name, kind, baseline, observationId(body)));
        }
        return DriftResponse.of(
                drift.checkBatch(caller.get(), name, kind, baseline, cleanLabel, format, RequestBodies.streamed(body)));
    }

    @GET
    @Operation(summary = "Drift checks that found anomalies, newest first")
    public List<DriftResponse> history(@PathParam("name") String name, @QueryParam("limit") String limit) {
        return drift.history(name, QueryParams.limit(limit, 50, maxPageSize)).stream()
                .map(DriftResponse::of)
                .toList();
    }

    private String observationId(InputStream body) {
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (IOException e) {
            throw new InvalidInputException(
                    null,
                    "the body is not JSON: send {\"observation\": <id>}, or the batch" + " as application/x-ndjson");
        }
        JsonNode id = request == null ? null : request.get("observation");
        if (id == null || !id.canConvertToLong() || request.size() != 1) {
            throw new InvalidInputException(
                    "/observation",
                    "an application/json body names a stored observation:"
                            + " {\"observation\": <id>}; send a batch of records as application/x-ndjson or Avro");
        }
        return id.asText();
    }
}
