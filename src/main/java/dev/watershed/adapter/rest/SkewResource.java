package dev.watershed.adapter.rest;

import dev.watershed.application.drift.SkewReport;
import dev.watershed.application.drift.SkewService;
import dev.watershed.domain.profile.DriftAnomaly;
import dev.watershed.domain.profile.FieldDrift;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/assets/{name}/skew")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Drift")
public class SkewResource {

    /**
     * One producer the model reads.
     *
     * @param skewedFields the fields beyond their threshold, worst first
     * @param worst        the largest distance over its threshold among the fields read (above 1: skewed)
     * @param features     every field read, worst first
     */
    public record ProducerResponse(
            String producer,
            List<String> fields,
            boolean skewed,
            List<String> skewedFields,
            double worst,
            DriftResource.Against training,
            DriftResource.Against serving,
            List<DriftAnomaly> anomalies,
            List<FieldDrift> features) {

        static ProducerResponse of(SkewReport.ProducerSkew skew) {
            return new ProducerResponse(
                    skew.producer(),
                    skew.fields(),
                    skew.skewed(),
                    skew.anomalies().stream()
                            .map(DriftAnomaly::field)
                            .distinct()
                            .toList(),
                    skew.worst(),
                    DriftResource.Against.of(skew.training()),
                    DriftResource.Against.of(skew.serving()),
                    skew.anomalies(),
                    skew.features());
        }
    }

    /** Training/serving skew of a model's inputs. */
    public record SkewResponse(
            String model,
            String training,
            String serving,
            boolean skewed,
            List<ProducerResponse> producers,
            List<SkewReport.MissingObservations> missing) {}

    private final SkewService skew;

    public SkewResource(SkewService skew) {
        this.skew = skew;
    }

    @GET
    @Operation(
            summary = "Training/serving skew of everything a model reads, most skewed producer first",
            description = "For each producer the model depends on, the latest profiled observation labelled training"
                    + " (or ?training=) against the latest labelled serving (or ?serving=), over the fields the"
                    + " model reads, with each field's skewThreshold or watershed.drift.skew-threshold. Producers"
                    + " lacking either observation are listed under missing.")
    public SkewResponse skew(
            @PathParam("name") String name,
            @QueryParam("training") String training,
            @QueryParam("serving") String serving) {
        SkewReport report = skew.skew(name, training, serving);
        return new SkewResponse(
                report.model(),
                report.training(),
                report.serving(),
                report.skewed(),
                report.producers().stream().map(ProducerResponse::of).toList(),
                report.missing());
    }
}
