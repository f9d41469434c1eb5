package dev.watershed.application.drift;

import dev.watershed.application.asset.AssetService;
import dev.watershed.application.config.WatershedConfig;
import dev.watershed.application.contract.ContractStore;
import dev.watershed.application.validation.BatchFormat;
import dev.watershed.application.validation.Observation;
import dev.watershed.application.validation.ObservationService;
import dev.watershed.application.validation.ObservationStore;
import dev.watershed.application.validation.ProfileReference;
import dev.watershed.application.validation.Recorders;
import dev.watershed.application.validation.ValidationService;
import dev.watershed.domain.InvalidInputException;
import dev.watershed.domain.auth.Caller;
import dev.watershed.domain.contract.Contract;
import dev.watershed.domain.contract.FieldMetadata;
import dev.watershed.domain.profile.BatchProfile;
import dev.watershed.domain.profile.ComparedFields;
import dev.watershed.domain.profile.DriftDetector;
import dev.watershed.domain.profile.DriftReport;
import dev.watershed.domain.profile.DriftRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Drift checks: a batch or a stored observation against a baseline or the previous observation with the same label.
 * Checking drift needs a token, like recording observations and for the same reason: the teams that watch data for
 * drift are mostly its consumers, not its owners. A drift check with anomalies is stored and tells everyone
 * downstream ({@code drift.detected}).
 */
@ApplicationScoped
public class DriftService {

    /** What to compare a batch or observation with. */
    public enum Against {
        BASELINE,
        PREVIOUS;

        /** @throws InvalidInputException for anything but {@code baseline} or {@code previous} */
        public static Against parse(String value) {
            if (value == null || value.isBlank()) {
                return BASELINE;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(
                        "against",
                        "against must be 'baseline' (the default: the newest"
                                + " baseline, or the one named by 'baseline') or 'previous' (the previous observation with"
                                + " the same label); was '" + value + "'");
            }
        }

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final AssetService assets;
    private final ObservationService observationService;
    private final ObservationStore observations;
    private final BaselineService baselines;
    private final DriftCheckStore checks;
    private final ContractStore contracts;
    private final ValidationService validation;
    private final DriftCheckRecorder recorder;
    private final WatershedConfig config;
    private final Clock clock;
    private final DriftDetector driftDetector;

    public DriftService(
            AssetService assets,
            ObservationService observationService,
            ObservationStore observations,
            BaselineService baselines,
            DriftCheckStore checks,
            ContractStore contracts,
            ValidationService validation,
            DriftCheckRecorder recorder,
            WatershedConfig config,
            Clock clock) {
        this.assets = assets;
        this.observationService = observationService;
        this.observations = observations;
        this.baselines = baselines;
        this.checks = checks;
        this.contracts = contracts;
        this.validation = validation;
        this.recorder = recorder;
        this.config = config;
        this.clock = clock;
        this.driftDetector = DriftDetectors.drift(config.drift());
    }

    /**
     * Validates and profiles a batch against the asset's latest contract, recording it as an observation when
     * {@code label} is given, and compares it.
     *
     * @param baselineId the baseline to use with {@link Against#BASELINE}; {@code null} for the newest one
     * @param label      records the batch with this label; required with {@link Against#PREVIOUS}
     */
    public DriftCheck checkBatch(
            Caller caller,
            String asset,
            Against against,
            String baselineId,
            String label,
            BatchFormat format,
            InputStream body) {
        caller.requireAuthenticated();
        Recorders by = Recorders.of(caller, assets.get(asset));
        if (against == Against.PREVIOUS && label == null) {
            throw new InvalidInputException(
                    "label",
                    "against=previous compares with the previous observation with"
                            + " the same label: give label (the batch is recorded with it)");
        }
        Optional<Reference> reference = against == Against.BASELINE
                ? firstBatchAllowed(label, () -> baselineReference(asset, baselineId, by))
                : firstBatchAllowed(label, () -> previousReference(asset, label, by, null));
        ValidationService.ProfiledBatch batch = validation.profile(caller, asset, format, body, label);
        Long observationId = batch.outcome().observationId();
        ProfileReference current = new ProfileReference(
                observationId == null ? "batch" : "observation",
                observationId,
                label,
                batch.profile().records(),
                null,
                null);
        if (reference.isEmpty()) {
            return firstBatch(caller, asset, against, label, current, batch.profile());
        }
        return compare(caller, asset, reference.get(), current, batch.profile());
    }

    /**
     * The reference, or empty when there is none yet and the batch is labelled: a pipeline's first batch of a label
     * has nothing to be compared with, and refusing it would fail the same way every day, since the batch that would
     * become the reference is never recorded. An explicitly named baseline that does not exist is still an error.
     */
    private static Optional<Reference> firstBatchAllowed(String label, Supplier<Reference> reference) {
        try {
            return Optional.of(reference.get());
        } catch (NothingToCompareException e) {
            if (label == null || !FIRST_BATCH_CODES.contains(e.code())) {
                throw e;
            }
            return Optional.empty();
        }
    }

    private static final Set<String> FIRST_BATCH_CODES = Set.of("NO_PREVIOUS_OBSERVATION", "NO_BASELINE");

    private DriftCheck firstBatch(
            Caller caller,
            String asset,
            Against against,
            String label,
            ProfileReference current,
            BatchProfile profile) {
        String note = against == Against.PREVIOUS
                ? "first batch for label '" + label + "' recorded as observation " + current.id()
                        + "; nothing to compare yet: the next batch labelled '" + label + "' is compared with it"
                : "no baseline yet: the batch was recorded as observation " + current.id() + " (label '" + label
                        + "'); nothing to compare yet: create a baseline from label '" + label
                        + "' (POST /api/v1/assets/" + asset + "/baselines, or watershed baseline create)";
        DriftReport empty = new DriftReport(0, profile.records(), null, List.of(), List.of());
        return new DriftCheck(null, asset, clock.instant(), caller.label(), null, current, empty, note);
    }

    /** Compares a stored observation with a baseline or with the observation before it with the same label. */
    public DriftCheck checkObservation(
            Caller caller, String asset, Against against, String baselineId, String observationId) {
        caller.requireAuthenticated();
        Observation observation = observationService.get(asset, observationId);
        if (observation.profile() == null) {
            throw new NothingToCompareException(
                    "OBSERVATION_NOT_PROFILED",
                    "observation " + observationId + " of '" + asset
                            + "' was recorded with profile=false: it has no profile to compare");
        }
        Reference reference;
        if (against == Against.BASELINE) {
            reference = baselineReference(asset, baselineId, Recorders.of(caller, assets.get(asset)));
        } else if (observation.label() == null) {
            throw new InvalidInputException(
                    "/observation",
                    "observation " + observationId + " has no label, so it"
                            + " has no previous observation: compare it with a baseline (against=baseline)");
        } else {
            reference = previousReference(asset, observation.label(), Recorders.sideOf(observation), observation);
        }
        BatchProfile profile = BatchProfile.deserialize(observation.profile());
        ProfileReference current = new ProfileReference(
                "observation",
                observation.id(),
                observation.label(),
                profile.records(),
                observation.observedAt(),
                observation.observedAt());
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

    private DriftCheck compare(
            Caller caller, String asset, Reference reference, ProfileReference current, BatchProfile profile) {
        Map<String, FieldMetadata> metadata =
                contracts.latest(asset).map(Contract::fields).orElse(Map.of());
        DriftReport report = driftDetector.compare(
                reference.profile(),
                reference.batches(),
                profile,
                new DriftRules(
                        thresholds(metadata), ComparedFields.forDrift(metadata).skipped(), true));
        DriftCheck check =
                new DriftCheck(null, asset, clock.instant(), caller.label(), reference.describe(), current, report);
        return report.drifted() ? recorder.record(check) : check;
    }

    /** A profile to compare with, how many batches it merges, and how to describe it. */
    private record Reference(BatchProfile profile, long batches, ProfileReference describe) {}

    /** The baseline {@link BaselineService#choose} picks. */
    private Reference baselineReference(String asset, String baselineId, Recorders by) {
        Baseline baseline = baselines.choose(asset, baselineId, by);
        return new Reference(
                BatchProfile.deserialize(baseline.profile()),
                baseline.observations(),
                new ProfileReference(
                        "baseline",
                        baseline.id(),
                        baseline.label(),
                        baseline.records(),
                        baseline.windowFrom(),
                        baseline.windowTo()));
    }

    private Reference previousReference(String asset, String label, Recorders by, Observation before) {
        Optional<Observation> previous = before == null
                ? observations.latestProfiled(asset, label, by)
                : observations.previousProfiled(asset, label, by, before);
        Observation found = previous.orElseThrow(() -> new NothingToCompareException(
                "NO_PREVIOUS_OBSERVATION",
                "asset '" + asset + "' has no earlier profiled observation labelled '" + label + "' to compare"
                        + " with: this batch becomes the first one when recorded with that label"));
        return new Reference(
                BatchProfile.deserialize(found.profile()),
                1,
                new ProfileReference(
                        "previous", found.id(), found.label(), found.total(), found.observedAt(), found.observedAt()));
    }

    /** The drift thresholds the contract sets, by field. */
    private static Map<String, Double> thresholds(Map<String, FieldMetadata> metadata) {
        Map<String, Double> thresholds = new HashMap<>();
        metadata.forEach((path, field) -> {
            if (field.driftThreshold() != null) {
                thresholds.put(path, field.driftThreshold());
            }
        });
        return thresholds;
    }
}
