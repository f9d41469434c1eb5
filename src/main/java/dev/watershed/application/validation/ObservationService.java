package dev.watershed.application.validation;

import dev.watershed.application.asset.AssetService;
import dev.watershed.application.config.WatershedConfig;
import dev.watershed.domain.InvalidInputException;
import dev.watershed.domain.NotFoundException;
import dev.watershed.domain.asset.Asset;
import dev.watershed.domain.auth.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Records and reads observations: what validated batches of an asset looked like over time. Validating is a read
 * open to anyone who may read; recording is a write, allowed to any authenticated caller, because the consumers
 * who check their training or serving data against a contract are rarely the asset's owners.
 */
@ApplicationScoped
public class ObservationService {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final AssetService assets;
    private final ObservationStore store;
    private final WatershedConfig config;
    // Fired synchronously: the observers run inside the change's transaction (see ValidationRecorded).
    private final Event<ValidationRecorded> validationRecorded;

    public ObservationService(
            AssetService assets,
            ObservationStore store,
            WatershedConfig config,
            Event<ValidationRecorded> validationRecorded) {
        this.assets = assets;
        this.store = store;
        this.config = config;
        this.validationRecorded = validationRecorded;
    }

    /**
     * Checks, before any data is read, that {@code caller} may record an observation with this label.
     *
     * @param label {@code null} for none
     */
    public void requireCanRecord(Caller caller, String label) {
        caller.requireAuthenticated();
        requireLabel(label);
    }

    /**
     * Stores the observation, labelled with the caller's team and whether it was made for the asset's owner; its
     * caller was checked with {@link #requireCanRecord}.
     */
    @Transactional
    public Observation record(Caller caller, Observation observation) {
        Asset asset = assets.get(observation.asset());
        Observation recorded = store.insert(observation.recordedFor(caller.team(), Recorders.forOwner(caller, asset)));
        validationRecorded.fire(new ValidationRecorded(recorded));
        return recorded;
    }

    /** @throws NotFoundException if the asset or the observation does not exist */
    public Observation get(String asset, String id) {
        assets.get(asset);
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw notFound(asset, id);
        }
        return store.find(asset, number).orElseThrow(() -> notFound(asset, id));
    }

    /**
     * Accepts a drifted observation as the new normal: it is compared with and merged into baselines again. The
     * team that recorded it may (or an admin), as baselines merge only a team's own observations. Accepting an accepted one changes nothing.
     *
     * @throws NotFoundException              if the asset or the observation does not exist
     * @throws ObservationNotDriftedException if no drift check found it drifted
     */
    @Transactional
    public Observation accept(Caller caller, String asset, String id) {
        Observation observation = get(asset, id);
        // Accepting makes the batch a reference for the baselines and checks of the team that recorded it.
        caller.requireCanChange(observation.team(), "the observations recorded by team '" + observation.team() + "'");
        if (observation.driftStatus() == null) {
            throw new ObservationNotDriftedException(asset, observation.id());
        }
        return store.setDriftStatus(asset, observation.id(), DriftStatus.ACCEPTED)
                .orElseThrow(() -> notFound(asset, id));
    }

    /** Flags a recorded observation as drifted, in the caller's transaction; nothing when it does not exist. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markDrifted(String asset, long id) {
        store.setDriftStatus(asset, id, DriftStatus.DRIFTED);
    }

    /** Observations of an existing asset, newest first; an empty list when none match. */
    public List<Observation> list(ObservationQuery query) {
        assets.get(query.asset());
        requireLabel(query.label());
        int max = config.limits().maxPageSize();
        if (query.limit() < 1 || query.limit() > max) {
            throw new InvalidInputException("limit", "limit must be between 1 and " + max);
        }
        if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
            throw new InvalidInputException("from", "from must be before to");
        }
        return store.list(query);
    }

    private static void requireLabel(String label) {
        if (label != null && !LABEL.matcher(label).matches()) {
            throw new InvalidInputException(
                    "label",
                    "label '" + label + "' must be 1 to 64 letters, digits, '.',"
                            + " '_' or '-', starting with a letter or digit");
        }
    }

    private static ObservationNotFoundException notFound(String asset, String id) {
        return new ObservationNotFoundException(asset, id);
    }
}
