package dev.watershed.application.asset;

import dev.watershed.application.Page;
import dev.watershed.application.access.TeamStore;
import dev.watershed.application.config.WatershedConfig;
import dev.watershed.domain.ConflictException;
import dev.watershed.domain.InvalidInputException;
import dev.watershed.domain.asset.Asset;
import dev.watershed.domain.asset.AssetName;
import dev.watershed.domain.asset.Criticality;
import dev.watershed.domain.auth.Caller;
import dev.watershed.domain.contract.CompatibilityMode;
import dev.watershed.domain.lineage.DatasetId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Registers, describes and removes assets, guarding who may change which. */
@ApplicationScoped
public class AssetService {

    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9._:-]{0,63}");
    private static final int MAX_TAGS = 50;
    private static final int MAX_DESCRIPTION = 10_000;
    private static final int MAX_LINEAGE_IDS = 100;

    private final AssetStore assets;
    private final TeamStore teams;
    private final AssetRemovalListener removalListener;
    private final EstateChangeListener estateChanges;
    private final WatershedConfig config;
    private final Clock clock;
    // Fired synchronously: the observers run inside the change's transaction (see AssetDeleted).
    private final Event<AssetDeleted> deleted;

    public AssetService(
            AssetStore assets,
            TeamStore teams,
            AssetRemovalListener removalListener,
            EstateChangeListener estateChanges,
            WatershedConfig config,
            Clock clock,
            Event<AssetDeleted> deleted) {
        this.assets = assets;
        this.teams = teams;
        this.removalListener = removalListener;
        this.estateChanges = estateChanges;
        this.config = config;
        this.clock = clock;
        this.deleted = deleted;
    }

    @Transactional
    public Asset register(Caller caller, AssetDraft draft) {
        AssetName name = new AssetName(draft.name());
        requireKind(draft);
        String owner = requireOwner(draft.owner());
        caller.requireCanChange(owner, "assets of team '" + owner + "'");
        if (assets.find(name).isPresent()) {
            throw new ConflictException(
                    "ASSET_EXISTS",
                    "asset '" + name + "' already exists: change it with" + " PUT /api/v1/assets/" + name);
        }
        Instant now = clock.instant();
        Asset asset = new Asset(
                name,
                draft.kind(),
                owner,
                checkedDescription(draft.description()),
                checkedTags(draft.tags()),
                orDefault(draft.criticality(), Criticality.MEDIUM),
                orDefault(draft.compatibility(), CompatibilityMode.BACKWARD),
                Boolean.TRUE.equals(draft.strictCompatibility()),
                now,
                now,
                checkedReplicaOf(name.value(), draft),
                checkedSubjects(name.value(), draft.subjects() == null ? List.of() : draft.subjects()),
                checkedLineageIds(name.value(), draft.lineageIds() == null ? List.of() : draft.lineageIds()));
        assets.insert(asset);
        estateChanges.assetSaved(asset);
        return asset;
    }

    public Asset get(String name) {
        return assets.find(new AssetName(name)).orElseThrow(() -> notFound(name));
    }

    /**
     * The asset, locked for the rest of the transaction: every change to an asset or its contracts starts here, so
     * that concurrent changes of one asset run one after the other and each sees the one before (the next version
     * number, the latest schema). Call it before reading anything else about the asset.
     */
    public Asset getForChange(String name) {
        return assets.lockForChange(new AssetName(name)).orElseThrow(() -> notFound(name));
    }

    public Page<Asset> search(AssetQuery query) {
        int limit = query.limit();
        if (limit < 1 || limit > config.limits().maxPageSize()) {
            throw new InvalidInputException(
                    "limit",
                    "limit " + limit + " is outside 1.." + config.limits().maxPageSize());
        }
        if (query.offset() < 0) {
            throw new InvalidInputException("offset", "offset cannot be negative");
        }
        return assets.search(
                new AssetQuery(query.kind(), query.owner(), query.tag(), query.text(), limit, query.offset()));
    }

    /**
     * Replaces the asset's metadata. An editor may hand an asset to another team only through an admin, so that no
     * team loses an asset it did not agree to take.
     */
    @Transactional
    public Asset update(Caller caller, String name, AssetDraft draft) {
        Asset current = getForChange(name);
        caller.requireCanChange(current.owner(), "asset '" + name + "'");
        if (draft.name() != null && !draft.name().equals(name)) {
            throw new InvalidInputException(
                    "/name",
                    "an asset cannot be renamed: the name in the body ('" + draft.name() + "') must match the path ('"
                            + name + "') or be left out");
        }
        if (draft.kind() != null && draft.kind() != current.kind()) {
            throw new InvalidInputException(
                    "/kind",
                    "an asset's kind cannot change (" + current.kind() + " to " + draft.kind()
                            + "): register a new asset instead");
        }
        String owner = draft.owner() == null ? current.owner() : requireOwner(draft.owner());
        if (!owner.equals(current.owner())) {
            caller.requireCanChange(owner, "assets of team '" + owner + "'");
        }
        Asset updated = new Asset(
                current.name(),
                current.kind(),
                owner,
                checkedDescription(draft.description()),
                checkedTags(draft.tags()),
                orDefault(draft.criticality(), current.criticality()),
                orDefault(draft.compatibility(), current.compatibility()),
                draft.strictCompatibility() == null ? current.strictCompatibility() : draft.strictCompatibility(),
                current.createdAt(),
                clock.instant(),
                checkedReplicaOf(name, draft),
                draft.subjects() == null ? current.subjects() : checkedSubjects(name, draft.subjects()),
                draft.lineageIds() == null ? current.lineageIds() : checkedLineageIds(name, draft.lineageIds()));
        assets.update(updated);
        estateChanges.assetSaved(updated);
        return updated;
    }

    @Transactional
    public void delete(Caller caller, String name, boolean force) {
        Asset asset = getForChange(name);
        caller.requireCanChange(asset.owner(), "asset '" + name + "'");
        // Fired before the removal unlinks the asset, while its downstream is known; a refused removal rolls back
        // what the observers wrote.
        deleted.fire(new AssetDeleted(asset));
        removalListener.beforeRemoval(caller, asset, force);
        assets.delete(asset.name());
        estateChanges.assetRemoved(asset);
    }

    static AssetNotFoundException notFound(String name) {
        return new AssetNotFoundException(name);
    }

    private void requireKind(AssetDraft draft) {
        if (draft.kind() == null) {
            throw new InvalidInputException("/kind", "kind is required: one of SOURCE, DATASET, FEATURE, MODEL");
        }
    }

    private String requireOwner(String owner) {
        if (owner == null || owner.isBlank()) {
            throw new InvalidInputException("/owner", "owner is required: the name of an existing team");
        }
        return teams.find(owner)
                .map(team -> team.name())
                .orElseThrow(() -> new InvalidInputException(
                        "/owner", "owner '" + owner + "' is not a team: create it with POST /api/v1/teams first"));
    }

    /** The replicated asset must exist and be another one; a replica of a replica is allowed (a chain of fallbacks). */
    /** Subject names of the Confluent API: 1 to 255 characters, each naming no other asset. */
    private List<String> checkedSubjects(String asset, List<String> subjects) {
        for (int i = 0; i < subjects.size(); i++) {
            String subject = subjects.get(i);
            if (subject == null || subject.isBlank() || subject.length() > 255) {
                throw new InvalidInputException(
                        "/subjects/" + i, "a subject name has 1 to 255 characters, such as orders-value");
            }
            Optional<String> holder = assets.assetOfSubject(subject);
            if (holder.isPresent() && !holder.get().equals(asset)) {
                throw new ConflictException(
                        "SUBJECT_TAKEN",
                        "subject '" + subject + "' belongs to asset '" + holder.get()
                                + "': remove it from the subjects of " + holder.get() + " first");
            }
        }
        return subjects;
    }

    /**
     * OpenLineage datasets, each naming no other asset; one given twice is kept once. The asset itself may list
     * those it has already, so that an update that keeps them passes.
     */
    private List<DatasetId> checkedLineageIds(String asset, List<AssetDraft.LineageId> declared) {
        if (declared.size() > MAX_LINEAGE_IDS) {
            throw new InvalidInputException("/lineageIds", "at most " + MAX_LINEAGE_IDS + " lineageIds per asset");
        }
        List<DatasetId> ids = new ArrayList<>();
        for (int i = 0; i < declared.size(); i++) {
            String pointer = "/lineageIds/" + i;
            AssetDraft.LineageId given = declared.get(i);
            if (given == null) {
                throw new InvalidInputException(pointer, "each lineage id is an object with a namespace and a name");
            }
            DatasetId id = DatasetId.of(given.namespace(), given.name(), pointer);
            Optional<String> holder = assets.assetOfLineageId(id);
            if (holder.isPresent() && !holder.get().equals(asset)) {
                throw new LineageIdTakenException(id, holder.get(), pointer);
            }
            ids.add(id);
        }
        return ids.stream().distinct().toList();
    }

    private String checkedReplicaOf(String name, AssetDraft draft) {
        String original = draft.replicaOf();
        if (original == null || original.isBlank()) {
            return null;
        }
        if (original.equals(name)) {
            throw new InvalidInputException("/replicaOf", "asset '" + name + "' cannot be a replica of itself");
        }
        if (assets.find(new AssetName(original)).isEmpty()) {
            throw new InvalidInputException(
                    "/replicaOf",
                    "replicaOf names '" + original + "', which is not an"
                            + " asset: register it first, or list assets with GET /api/v1/assets");
        }
        return original;
    }

    private static String checkedDescription(String description) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new InvalidInputException(
                    "/description", "description is longer than " + MAX_DESCRIPTION + " characters");
        }
        return description;
    }

    private static List<String> checkedTags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > MAX_TAGS) {
            throw new InvalidInputException("/tags", "at most " + MAX_TAGS + " tags per asset");
        }
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            if (tag == null || !TAG.matcher(tag).matches()) {
                throw new InvalidInputException(
                        "/tags/" + i,
                        "tag '" + tag + "' is invalid: use lowercase letters,"
                                + " digits, '.', '_', ':' and '-', at most 64 characters");
            }
        }
        return tags.stream().distinct().toList();
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
