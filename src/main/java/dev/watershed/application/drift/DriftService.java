package dev.watershed.application.drift;

import dev.watershed.application.asset.AssetService;
import dev.watershed.application.config.WatershedConfig;
import dev.watershed.application.contract.ContractStore;
import dev.watershed.application.dependency.Dependency;
import dev.watershed.application.dependency.DependencyService;
import dev.watershed.application.validation.BatchFormat;
import dev.watershed.application.validation.Observation;
import dev.watershed.application.validation.ObservationService;
import dev.watershed.application.validation.ObservationStore;
import dev.watershed.application.validation.ProfileReference;
import dev.watershed.application.validation.Recorders;
import dev.watershed.application.validation.ValidationService;
import dev.watershed.domain.InvalidInputException;
import dev.watershed.domain.NotFoundException;
import dev.watershed.domain.asset.Asset;
import dev.watershed.domain.auth.Caller;
import dev.watershed.domain.contract.Contract;
import dev.watershed.domain.contract.FieldMetadata;
import dev.watershed.domain.contract.FieldRole;
import dev.watershed.domain.profile.BatchProfile;
import dev.watershed.domain.profile.DriftAnomaly;
import dev.watershed.domain.profile.DriftDetector;
import dev.watershed.domain.profile.DriftReport;
import dev.watershed.domain.profile.DriftRules;
import dev.watershed.domain.profile.DriftSettings;
import dev.watershed.domain.profile.FieldDrift;
import dev.watershed.domain.profile.Profiler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Baselines, drift checks and training/serving skew. Setting a baseline and checking drift need a token, like
 * recording observations and for the same reason: the teams that watch data for drift are mostly its consumers, not
 * its owners. A drift check with anomalies is stored and tells everyone downstream ({@code drift.detected}).
 */
@ApplicationScoped
public class DriftService {

    /** What to compare a batch or observation with. */
    public enum Against {
        BASELINE, PREVIOUS;

        /** @throws InvalidInputException for anything but {@code baseline} or {@code previous} */
        public static Against parse(String value) {
            if (value == null || value.isBlank()) {
                return BASELINE;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("against", "against must be 'baseline' (the default: the newest"
                        + " baseline, or the one named by 'baseline') or 'previous' (the previous observation with"
                        + " the same label); was '" + value + "'");
            }
        }

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A baseline to create.
     *
     * @param from inclusive lower bound of the observations' time, or {@code null}
     * @param to   exclusive upper bound, or {@code null}
     */
    public record BaselineRequest(String label, Instant from, Instant to, String name) {
    }

    private final AssetService assets;
    private final ObservationService observationService;
    private final ObservationStore observations;
    private final BaselineStore baselines;
    private final DriftCheckStore checks;
    private final ContractStore contracts;
    private final DependencyService dependencies;
    private final ValidationService validation;
    private final DriftCheckRecorder recorder;
    private final WatershedConfig config;
    private final Clock clock;
    private final DriftDetector driftDetector;
    private final DriftDetector skewDetector;

    public DriftService(AssetService assets, ObservationService observationService, ObservationStore observations,
                        BaselineStore baselines, DriftCheckStore checks, ContractStore contracts,
                        DependencyService dependencies, ValidationService validation, DriftCheckRecorder recorder,
                        WatershedConfig config, Clock clock) {
        this.assets = assets;
        this.observationService = observationService;
        this.observations = observations;
        this.baselines = baselines;
        this.checks = checks;
        this.contracts = contracts;
        this.dependencies = dependencies;
        this.validation = validation;
        this.recorder = recorder;
        this.config = config;
        this.clock = clock;
        // Built once, so that a threshold configured outside (0, 1] fails when the service starts, not per request.
        this.driftDetector = new DriftDetector(settings(config.drift().jensenShannonThreshold(),
                config.drift().lInfinityThreshold()));
        this.skewDetector = new DriftDetector(settings(config.drift().skewThreshold(),
                config.drift().skewThreshold()));
    }

    /**
     * Merges the profiles of the asset's observations with the label in the window (the newest
     * {@code watershed.drift.max-baseline-observations} of them) into a new baseline.
     *
     * @throws NothingToCompareException ({@code NO_PROFILED_OBSERVATIONS}) when no profiled observation matches
     */
    @Transactional
    public Baseline createBaseline(Caller caller, String asset, BaselineRequest request) {
        caller.requireAuthenticated();
        Asset owned = assets.get(asset);
        if (request == null || request.label() == null || request.label().isBlank()) {
            throw new InvalidInputException("/label", "label is required: the label of the observations to merge,"
                    + " such as 'training'");
        }
        String label = request.label().strip();
        observationService.requireCanRecord(caller, label);
        if (request.from() != null && request.to() != null && !request.from().isBefore(request.to())) {
            throw new InvalidInputException("/from", "from must be before to");
        }
        String name = request.name() == null || request.name().isBlank() ? null : request.name().strip();
        if (name != null && name.length() > 100) {
            throw new InvalidInputException("/name", "name must be at most 100 characters");
        }
        // The owner's baselines merge what was recorded for the owner; another team's, what that team recorded.
        Recorders by = Recorders.of(caller, owned);
        List<Observation> merged = observations.profiled(asset, label, by, request.from(), request.to(),
                config.drift().maxBaselineObservations());
        if (merged.isEmpty()) {
            throw new NothingToCompareException("NO_PROFILED_OBSERVATIONS", "asset '" + asset + "' has no profiled"
                    + " observation labelled '" + label + "'" + window(request) + recordedBy(by) + ": record some"
                    + " with POST /api/v1/assets/" + asset + "/validate?label=" + label + " first");
        }
        BatchProfile profile = BatchProfile.mergeAll(Profiler.DEFAULT_MAX_FIELDS,
                () -> merged.stream().map(observation -> BatchProfile.deserialize(observation.profile())).iterator());
        Instant first = merged.stream().map(Observation::observedAt).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = merged.stream().map(Observation::observedAt).max(Comparator.naturalOrder()).orElseThrow();
        return baselines.insert(new Baseline(null, asset, name, label, first, last, merged.size(), profile.records(),
                profile.serialize(), clock.instant(), caller.label(), caller.team(), by.owner()));
    }

    /** The asset's baselines, newest first (the first is the default one drift checks use). */
    public List<Baseline> baselines(String asset) {
        assets.get(asset);
        return baselines.list(asset);
    }

    /** @throws NotFoundException if the asset or the baseline does not exist */
    public Baseline baseline(String asset, String id) {
        assets.get(asset);
        return parseId(id).flatMap(number -> baselines.find(asset, number))
                .orElseThrow(() -> new BaselineNotFoundException(asset, id));
    }

    /**
     * Validates and profiles a batch against the asset's latest contract, recording it as an observation when
     * {@code label} is given, and compares it.
     *
     * @param baselineId the baseline to use with {@link Against#BASELINE}; {@code null} for the newest one
     * @param label      records the batch with this label; required with {@link Against#PREVIOUS}
     */
    public DriftCheck checkBatch(Caller caller, String asset, Against against, String baselineId, String label,
                                 BatchFormat format, InputStream body) {
        caller.requireAuthenticated();
        Recorders by = Recorders.of(caller, assets.get(asset));
        if (against == Against.PREVIOUS && label == null) {
            throw new InvalidInputException("label", "against=previous compares with the previous observation with"
                    + " the same label: give label (the batch is recorded with it)");
        }
        Reference reference = against == Against.BASELINE ? baselineReference(asset, baselineId, by)
                : previousReference(asset, label, by, null);
        ValidationService.ProfiledBatch batch = validation.profile(caller, asset, format, body, label);
        Long observationId = batch.outcome().observationId();
        ProfileReference current = new ProfileReference(observationId == null ? "batch" : "observation",
                observationId, label, batch.profile().records(), null, null);
        return compare(caller, asset, reference, current, batch.profile());
    }

    /** Compares a stored observation with a baseline or with the observation before it with the same label. */
    public DriftCheck checkObservation(Caller caller, String asset, Against against, String baselineId,
                                       String observationId) {
        caller.requireAuthenticated();
        Observation observation = observationService.get(asset, observationId);
        if (observation.profile() == null) {
            throw new NothingToCompareException("OBSERVATION_NOT_PROFILED", "observation " + observationId + " of '"
                    + asset + "' was recorded with profile=false: it has no profile to compare");
        }
        Reference reference;
        if (against == Against.BASELINE) {
            reference = baselineReference(asset, baselineId, Recorders.of(caller, assets.get(asset)));
        } else if (observation.label() == null) {
            throw new InvalidInputException("/observation", "observation " + observationId + " has no label, so it"
                    + " has no previous observation: compare it with a baseline (against=baseline)");
        } else {
            reference = previousReference(asset, observation.label(), Recorders.sideOf(observation), observation);
        }
        BatchProfile profile = BatchProfile.deserialize(observation.profile());
        ProfileReference current = new ProfileReference("observation", observation.id(), observation.label(),
                profile.records(), observation.observedAt(), observation.observedAt());
        return compare(caller, asset, reference, current, profile);
    }

    /** Stored checks with anomalies, newest first. */
    public List<DriftCheck> history(String asset, int limit) {
        assets.get(asset);
        int max = config.limits().maxPageSize();
        if (limit < 1 || limit > max) {
            throw new InvalidInputException("limit", "limit must be between 1 and " + max);
        }
        return checks.list(asset, limit);
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
            throw new InvalidInputException("serving", "training and serving labels must differ; both were '"
                    + training + "'");
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
                trained.ifPresentOrElse(o -> { }, () -> lacking.add(training));
                served.ifPresentOrElse(o -> { }, () -> lacking.add(serving));
                missing.add(new SkewReport.MissingObservations(producer, lacking, "record a profiled sample of "
                        + producer + "'s " + String.join(" and ", lacking) + " data with POST /api/v1/assets/"
                        + producer + "/validate?label=" + lacking.get(0)));
                continue;
            }
            Map<String, FieldMetadata> metadata = metadata(producer);
            Set<String> skipped = new HashSet<>();
            metadata.forEach((path, field) -> {
                if (field.role() == FieldRole.ID || field.role() == FieldRole.LABEL || !field.servingAvailable()) {
                    skipped.add(path);
                }
            });
            DriftReport report = skewDetector.compare(
                    BatchProfile.deserialize(trained.get().profile()), 1,
                    BatchProfile.deserialize(served.get().profile()),
                    new DriftRules(thresholds(metadata, FieldMetadata::skewThreshold), skipped, false));
            List<String> read = dependency.fields();
            List<FieldDrift> features = report.fields().stream()
                    .filter(field -> reads(read, field.field()) && !skipped.contains(field.field()))
                    .sorted(Comparator.comparingDouble(FieldDrift::severity).reversed()).toList();
            List<DriftAnomaly> anomalies = report.anomalies().stream()
                    .filter(anomaly -> reads(read, anomaly.field())).toList();
            double worst = features.stream().mapToDouble(FieldDrift::severity).max().orElse(0);
            producers.add(new SkewReport.ProducerSkew(producer, read, reference(trained.get()),
                    reference(served.get()), worst, features, anomalies));
        }
        producers.sort(Comparator.comparingDouble(SkewReport.ProducerSkew::worst).reversed());
        return new SkewReport(model, training, serving, producers, missing);
    }

    private DriftCheck compare(Caller caller, String asset, Reference reference, ProfileReference current,
                               BatchProfile profile) {
        Map<String, FieldMetadata> metadata = metadata(asset);
        Set<String> identifiers = new HashSet<>();
        metadata.forEach((path, field) -> {
            if (field.role() == FieldRole.ID) {
                identifiers.add(path);
            }
        });
        DriftReport report = driftDetector.compare(reference.profile(), reference.batches(), profile,
                new DriftRules(thresholds(metadata, FieldMetadata::driftThreshold), identifiers, true));
        DriftCheck check = new DriftCheck(null, asset, clock.instant(), caller.label(), reference.describe(),
                current, report);
        return report.drifted() ? recorder.record(check) : check;
    }

    /** A profile to compare with, how many batches it merges, and how to describe it. */
    private record Reference(BatchProfile profile, long batches, ProfileReference describe) {
    }

    /**
     * The baseline named by {@code baselineId}, or by default the newest one {@code by} created, else the owner's
     * current one: another team's baseline is never the owner's default.
     */
    private Reference baselineReference(String asset, String baselineId, Recorders by) {
        Baseline baseline;
        if (baselineId == null || baselineId.isBlank()) {
            List<Baseline> newestFirst = baselines.list(asset);
            baseline = newestFirst.stream().filter(b -> by.include(b.team(), b.byOwner())).findFirst()
                    .or(() -> Baseline.ownersCurrent(newestFirst))
                    .orElseThrow(() -> new NothingToCompareException("NO_BASELINE", "asset '" + asset + "' has no"
                            + " baseline" + (by.owner() ? "" : " of its owner or of team '" + by.team() + "'")
                            + ": create one with POST /api/v1/assets/" + asset + "/baselines"
                            + " {\"label\":\"training\"}, or compare with against=previous"));
        } else {
            baseline = baseline(asset, baselineId.strip());
        }
        return new Reference(BatchProfile.deserialize(baseline.profile()), baseline.observations(),
                new ProfileReference("baseline", baseline.id(), baseline.label(), baseline.records(),
                        baseline.windowFrom(), baseline.windowTo()));
    }

    private Reference previousReference(String asset, String label, Recorders by, Observation before) {
        Optional<Observation> previous = before == null ? observations.latestProfiled(asset, label, by)
                : observations.previousProfiled(asset, label, by, before);
        Observation found = previous.orElseThrow(() -> new NothingToCompareException("NO_PREVIOUS_OBSERVATION",
                "asset '" + asset + "' has no earlier profiled observation labelled '" + label + "' to compare"
                        + " with: this batch becomes the first one when recorded with that label"));
        return new Reference(BatchProfile.deserialize(found.profile()), 1, new ProfileReference("previous",
                found.id(), found.label(), found.total(), found.observedAt(), found.observedAt()));
    }

    private static ProfileReference reference(Observation observation) {
        return new ProfileReference("observation", observation.id(), observation.label(), observation.total(),
                observation.observedAt(), observation.observedAt());
    }

    private DriftSettings settings(double jensenShannon, double lInfinity) {
        WatershedConfig.Drift drift = config.drift();
        try {
            return new DriftSettings(jensenShannon, lInfinity, drift.nullRateChange(), drift.newCategoryMinShare(),
                    drift.recordCountChange());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("watershed.drift.* is misconfigured: " + e.getMessage(), e);
        }
    }

    private Map<String, FieldMetadata> metadata(String asset) {
        return contracts.latest(asset).map(Contract::fields).orElse(Map.of());
    }

    private static Map<String, Double> thresholds(Map<String, FieldMetadata> metadata,
                                                  Function<FieldMetadata, Double> threshold) {
        Map<String, Double> thresholds = new HashMap<>();
        metadata.forEach((path, field) -> {
            Double value = threshold.apply(field);
            if (value != null) {
                thresholds.put(path, value);
            }
        });
        return thresholds;
    }

    /** Whether a dependency on {@code read} (empty: the whole contract) covers the profiled {@code path}. */
    private static boolean reads(List<String> read, String path) {
        if (read.isEmpty() || path.isEmpty()) {
            return true;
        }
        return read.stream().anyMatch(field -> path.equals(field) || path.startsWith(field + "/"));
    }

    private static Optional<Long> parseId(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String recordedBy(Recorders by) {
        return by.owner() ? " recorded for its owner" : " recorded by team '" + by.team() + "'";
    }

    private static String window(BaselineRequest request) {
        return (request.from() == null ? "" : " from " + request.from())
                + (request.to() == null ? "" : " to " + request.to());
    }
}
