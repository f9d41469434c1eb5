package dev.watershed.application.drift;

import dev.watershed.application.asset.AssetService;
import dev.watershed.application.config.WatershedConfig;
import dev.watershed.application.validation.Observation;
import dev.watershed.application.validation.ObservationService;
import dev.watershed.application.validation.ObservationStore;
import dev.watershed.application.validation.Recorders;
import dev.watershed.domain.InvalidInputException;
import dev.watershed.domain.NotFoundException;
import dev.watershed.domain.asset.Asset;
import dev.watershed.domain.auth.Caller;
import dev.watershed.domain.profile.BatchProfile;
import dev.watershed.domain.profile.Profiler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Builds, lists and chooses baselines. Setting a baseline needs a token, like recording observations and for the
 * same reason: the teams that watch data for drift are mostly its consumers, not its owners.
 */
@ApplicationScoped
public class BaselineService {

    /**
     * A baseline to create.
     *
     * @param from inclusive lower bound of the observations' time, or {@code null}
     * @param to   exclusive upper bound, or {@code null}
     */
    public record BaselineRequest(String label, Instant from, Instant to, String name) {}

    private final AssetService assets;
    private final ObservationService observationService;
    private final ObservationStore observations;
    private final BaselineStore baselines;
    private final WatershedConfig config;
    private final Clock clock;

    public BaselineService(
            AssetService assets,
            ObservationService observationService,
            ObservationStore observations,
            BaselineStore baselines,
            WatershedConfig config,
            Clock clock) {
        this.assets = assets;
        this.observationService = observationService;
        this.observations = observations;
        this.baselines = baselines;
        this.config = config;
        this.clock = clock;
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
            throw new InvalidInputException(
                    "/label", "label is required: the label of the observations to merge," + " such as 'training'");
        }
        String label = request.label().strip();
        observationService.requireCanRecord(caller, label);
        if (request.from() != null && request.to() != null && !request.from().isBefore(request.to())) {
            throw new InvalidInputException("/from", "from must be before to");
        }
        String name = request.name() == null || request.name().isBlank()
                ? null
                : request.name().strip();
        if (name != null && name.length() > 100) {
            throw new InvalidInputException("/name", "name must be at most 100 characters");
        }
        // The owner's baselines merge what was recorded for the owner; another team's, what that team recorded.
        Recorders by = Recorders.of(caller, owned);
        List<Observation> merged = observations.profiled(
                asset, label, by, request.from(), request.to(), config.drift().maxBaselineObservations());
        if (merged.isEmpty()) {
            throw new NothingToCompareException(
                    "NO_PROFILED_OBSERVATIONS",
                    "asset '" + asset + "' has no profiled"
                            + " observation labelled '" + label + "'" + window(request) + recordedBy(by)
                            + ": record some"
                            + " with POST /api/v1/assets/" + asset + "/validate?label=" + label + " first");
        }
        BatchProfile profile = BatchProfile.mergeAll(
                Profiler.DEFAULT_MAX_FIELDS,
                () -> merged.stream()
                        .map(observation -> BatchProfile.deserialize(observation.profile()))
                        .iterator());
        Instant first = merged.stream()
                .map(Observation::observedAt)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        Instant last = merged.stream()
                .map(Observation::observedAt)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        return baselines.insert(new Baseline(
                null,
                asset,
                name,
                label,
                first,
                last,
                merged.size(),
                profile.records(),
                profile.serialize(),
                clock.instant(),
                caller.label(),
                caller.team(),
                by.owner()));
    }

    /** The asset's baselines, newest first (the first is the default one drift checks use). */
    public List<Baseline> baselines(String asset) {
        assets.get(asset);
        return baselines.list(asset);
    }

    /** @throws NotFoundException if the asset or the baseline does not exist */
    public Baseline baseline(String asset, String id) {
        assets.get(asset);
        return parseId(id)
                .flatMap(number -> baselines.find(asset, number))
                .orElseThrow(() -> new BaselineNotFoundException(asset, id));
    }

    /**
     * The baseline a drift check of {@code asset} compares with: the one named by {@code baselineId}, or by default
     * the newest one {@code by} created, else the owner's current one: another team's baseline is never the owner's
     * default.
     *
     * @param baselineId a baseline of the asset, or {@code null} (or blank) for the default
     * @throws NotFoundException          if {@code baselineId} names no baseline of the asset
     * @throws NothingToCompareException ({@code NO_BASELINE}) when there is no default baseline
     */
    public Baseline choose(String asset, String baselineId, Recorders by) {
        if (baselineId != null && !baselineId.isBlank()) {
            return baseline(asset, baselineId.strip());
        }
        List<Baseline> newestFirst = baselines.list(asset);
        return newestFirst.stream()
                .filter(b -> by.include(b.team(), b.byOwner()))
                .findFirst()
                .or(() -> Baseline.ownersCurrent(newestFirst))
                .orElseThrow(() -> new NothingToCompareException(
                        "NO_BASELINE",
                        "asset '" + asset + "' has no"
                                + " baseline" + (by.owner() ? "" : " of its owner or of team '" + by.team() + "'")
                                + ": create one with POST /api/v1/assets/" + asset + "/baselines"
                                + " {\"label\":\"training\"}, or compare with against=previous"));
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
