package dev.watershed.application.lineage;

import dev.watershed.application.access.TeamStore;
import dev.watershed.application.asset.AssetDraft;
import dev.watershed.application.asset.AssetService;
import dev.watershed.application.asset.AssetStore;
import dev.watershed.application.config.WatershedConfig;
import dev.watershed.domain.Sha256;
import dev.watershed.domain.asset.AssetKind;
import dev.watershed.domain.asset.AssetName;
import dev.watershed.domain.asset.Criticality;
import dev.watershed.domain.auth.Caller;
import dev.watershed.domain.auth.Role;
import dev.watershed.domain.lineage.DatasetId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * With {@code watershed.lineage.create-assets} on, a dataset no asset declares becomes an asset of
 * {@code watershed.lineage.asset-owner} when first seen: kind DATASET, named after the dataset, declaring it among its
 * lineage ids. Off by default: an estate's assets are what its teams register, and the unmatched list says what to
 * adopt.
 */
@ApplicationScoped
public class AssetAdoption {

    private static final Logger LOG = Logger.getLogger(AssetAdoption.class);
    private static final Caller ADOPTER = new Caller(null, "openlineage", null, Role.ADMIN);
    private static final int MAX_NAME = 200;

    private final AssetService assetService;
    private final AssetStore assets;
    private final TeamStore teams;
    private final boolean enabled;
    private final Optional<String> owner;

    public AssetAdoption(AssetService assetService, AssetStore assets, TeamStore teams, WatershedConfig config) {
        this.assetService = assetService;
        this.assets = assets;
        this.teams = teams;
        this.enabled = config.lineage().createAssets();
        this.owner = config.lineage().assetOwner().filter(team -> !team.isBlank());
    }

    /**
     * Checks first what {@link AssetService#register} would refuse, so that a refusal never rolls back the event
     * being ingested: the dataset then stays unmatched.
     *
     * @return the asset created; empty when the setting is off or no asset could be created
     */
    Optional<String> adopt(DatasetId dataset) {
        if (!enabled) {
            return Optional.empty();
        }
        if (owner.isEmpty() || teams.find(owner.get()).isEmpty()) {
            LOG.warnf(
                    "watershed.lineage.create-assets is on but watershed.lineage.asset-owner names no team (%s):"
                            + " dataset %s left unmatched",
                    owner.orElse("unset"), dataset);
            return Optional.empty();
        }
        Optional<String> name = freeName(dataset);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        assetService.register(
                ADOPTER,
                new AssetDraft(
                        name.get(),
                        AssetKind.DATASET,
                        owner.get(),
                        "Created from OpenLineage when dataset " + dataset + " was first seen",
                        List.of("openlineage"),
                        Criticality.MEDIUM,
                        null,
                        null,
                        null,
                        null,
                        List.of(new AssetDraft.LineageId(dataset.namespace(), dataset.name()))));
        return name;
    }

    /** The dataset's name as an asset name; with a short hash of the pair when another asset has it already. */
    private Optional<String> freeName(DatasetId dataset) {
        String base = dataset.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
        base = base.replaceAll("^[^a-z0-9]+", "");
        if (base.isEmpty()) {
            base = "dataset";
        }
        String suffix =
                "-" + Sha256.hex(dataset.namespace() + "\n" + dataset.name()).substring(0, 8);
        for (String candidate :
                List.of(truncated(base, MAX_NAME), truncated(base, MAX_NAME - suffix.length()) + suffix)) {
            if (assets.find(new AssetName(candidate)).isEmpty()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String truncated(String name, int length) {
        return name.length() <= length ? name : name.substring(0, length);
    }
}
