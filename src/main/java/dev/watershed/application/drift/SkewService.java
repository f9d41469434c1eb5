package dev.watershed.application.drift;

import dev.watershed.application.asset.AssetService;
import dev.watershed.application.config.WatershedConfig;
import dev.watershed.application.contract.ContractStore;
import dev.watershed.application.dependency.Dependency;
import dev.watershed.application.dependency.DependencyService;
import dev.watershed.application.validation.Observation;
import dev.watershed.application.validation.ObservationStore;
import dev.watershed.application.validation.ProfileReference;
import dev.watershed.application.validation.Recorders;
import dev.watershed.domain.InvalidInputException;
import dev.watershed.domain.contract.Contract;
import dev.watershed.domain.contract.FieldMetadata;
import dev.watershed.domain.profile.BatchProfile;
import dev.watershed.domain.profile.ComparedFields;
import dev.watershed.domain.profile.DriftAnomaly;
import dev.watershed.domain.profile.DriftDetector;
import dev.watershed.domain.profile.DriftReport;
import dev.watershed.domain.profile.DriftRules;
import dev.watershed.domain.profile.FieldDrift;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Training/serving skew of a downstream model: the data it was trained on against the data it is served. */
@ApplicationScoped
public class SkewService {

    private final AssetService assets;
    private final DependencyService dependencies;
    private final ObservationStore observations;
    private final ContractStore contracts;
    private final DriftDetector skewDetector;

    public SkewService(
            AssetService assets,
            DependencyService dependencies,
            ObservationStore observations,
            ContractStore contracts,
            WatershedConfig config) {
        this.assets = assets;
        this.dependencies = dependencies;
        this.observations = observations;
        this.contracts = contracts;
        this.skewDetector = DriftDetectors.skew(config.drift());
    }

    /**
     * For every producer the model reads, its latest {@code training}-labelled profile against its latest
     * {@code serving}-labelled one, restricted to the fields the model reads. Identifiers, labels and fields not
     * available at serving time are left out: they differ between training and serving by design.
     */
    public SkewReport skew(String model, String trainingLabel, String servingLabel) {
        String training = trainingLabel == null || trainingLabel.isBlank() ? "training" : trainingLabel.strip();
        String serving = servingLabel == null || servingLabel.isBlank() ? "serving" : servingLabel.strip();
        if (training.equals(serving)) {
            throw new InvalidInputException(
                    "serving", "training and serving labels must differ; both were '" + training + "'");
        }
        List<SkewReport.ProducerSkew> producers = new ArrayList<>();
        List<SkewReport.MissingObservations> missing = new ArrayList<>();
        // What the producer's owner recorded, and what the model's own team recorded of the data it reads.
        Recorders by = new Recorders(true, assets.get(model).owner());
        for (Dependency dependency : dependencies.dependenciesOf(model)) {
            String producer = dependency.producer();
            Optional<Observation> trained = observations.latestProfiled(producer, training, by);
            Optional<Observation> served = observations.latestProfiled(producer, serving, by);
            if (trained.isEmpty() || served.isEmpty()) {
                List<String> lacking = new ArrayList<>();
                trained.ifPresentOrElse(o -> {}, () -> lacking.add(training));
                served.ifPresentOrElse(o -> {}, () -> lacking.add(serving));
                missing.add(new SkewReport.MissingObservations(
                        producer,
                        lacking,
                        "record a profiled sample of "
                                + producer + "'s " + String.join(" and ", lacking) + " data with POST /api/v1/assets/"
                                + producer + "/validate?label=" + lacking.get(0)));
                continue;
            }
            Map<String, FieldMetadata> metadata =
                    contracts.latest(producer).map(Contract::fields).orElse(Map.of());
            List<String> read = dependency.fields();
            ComparedFields compared = ComparedFields.forSkew(metadata, read);
            DriftReport report = skewDetector.compare(
                    BatchProfile.deserialize(trained.get().profile()),
                    1,
                    BatchProfile.deserialize(served.get().profile()),
                    new DriftRules(thresholds(metadata), compared.skipped(), false));
            List<FieldDrift> features = report.fields().stream()
                    .filter(field -> compared.compares(field.field()))
                    .sorted(Comparator.comparingDouble(FieldDrift::severity).reversed())
                    .toList();
            // The detector raises no anomaly on a skipped field, so this keeps the anomalies of the features.
            List<DriftAnomaly> anomalies = report.anomalies().stream()
                    .filter(anomaly -> compared.compares(anomaly.field()))
                    .toList();
            double worst =
                    features.stream().mapToDouble(FieldDrift::severity).max().orElse(0);
            producers.add(new SkewReport.ProducerSkew(
                    producer, read, reference(trained.get()), reference(served.get()), worst, features, anomalies));
        }
        producers.sort(
                Comparator.comparingDouble(SkewReport.ProducerSkew::worst).reversed());
        return new SkewReport(model, training, serving, producers, missing);
    }

    private static ProfileReference reference(Observation observation) {
        return new ProfileReference(
                "observation",
                observation.id(),
                observation.label(),
                observation.total(),
                observation.observedAt(),
                observation.observedAt());
    }

    /** The skew thresholds the contract sets, by field. */
    private static Map<String, Double> thresholds(Map<String, FieldMetadata> metadata) {
        Map<String, Double> thresholds = new HashMap<>();
        metadata.forEach((path, field) -> {
            if (field.skewThreshold() != null) {
                thresholds.put(path, field.skewThreshold());
            }
        });
        return thresholds;
    }
}
