package dev.watershed.application.ccompat;

import dev.watershed.application.asset.AssetDraft;
import dev.watershed.application.asset.AssetService;
import dev.watershed.domain.asset.Asset;
import dev.watershed.domain.auth.Caller;
import dev.watershed.domain.contract.CompatibilityMode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Locale;

/**
 * The Confluent API's {@code /config}: a subject's compatibility level is its asset's compatibility mode (the names
 * are the same); the global level is the mode of assets created for new subjects, BACKWARD unless set.
 */
@ApplicationScoped
public class SubjectSettings {

    static final String GLOBAL_COMPATIBILITY = "ccompat.compatibility";
    private static final CompatibilityMode DEFAULT = CompatibilityMode.BACKWARD;

    private final SettingStore settings;
    private final AssetService assets;

    SubjectSettings(SettingStore settings, AssetService assets) {
        this.settings = settings;
        this.assets = assets;
    }

    public CompatibilityMode globalCompatibility() {
        return settings.get(GLOBAL_COMPATIBILITY)
                .map(CompatibilityMode::valueOf)
                .orElse(DEFAULT);
    }

    public CompatibilityMode setGlobalCompatibility(Caller caller, String level) {
        caller.requireAdmin("change the registry's global compatibility level");
        CompatibilityMode mode = parse(level);
        settings.put(GLOBAL_COMPATIBILITY, mode.name());
        return mode;
    }

    /** Back to BACKWARD; answers the level it had. */
    public CompatibilityMode resetGlobalCompatibility(Caller caller) {
        caller.requireAdmin("change the registry's global compatibility level");
        CompatibilityMode before = globalCompatibility();
        settings.remove(GLOBAL_COMPATIBILITY);
        return before;
    }

    public CompatibilityMode compatibilityOf(String asset) {
        return assets.get(asset).compatibility();
    }

    /** Sets the asset's mode, as {@code PUT /api/v1/assets/{name}} with the same metadata and another mode does. */
    public CompatibilityMode setCompatibility(Caller caller, String asset, String level) {
        CompatibilityMode mode = parse(level);
        Asset current = assets.get(asset);
        assets.update(
                caller,
                asset,
                new AssetDraft(
                        null,
                        null,
                        current.owner(),
                        current.description(),
                        current.tags(),
                        current.criticality(),
                        mode,
                        current.strictCompatibility(),
                        current.replicaOf()));
        return mode;
    }

    /** The subject's level back to the global one; answers the level it had. */
    public CompatibilityMode resetCompatibility(Caller caller, String asset) {
        CompatibilityMode before = compatibilityOf(asset);
        setCompatibility(caller, asset, globalCompatibility().name());
        return before;
    }

    static CompatibilityMode parse(String level) {
        if (level != null) {
            try {
                return CompatibilityMode.valueOf(level.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                // answered below
            }
        }
        throw new ConfluentException(
                ConfluentException.INVALID_COMPATIBILITY_LEVEL,
                "Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive,"
                        + " forward_transitive, and full_transitive: " + Arrays.toString(CompatibilityMode.values())
                        + (level == null ? " (send {\"compatibility\": \"BACKWARD\"})" : ", not '" + level + "'"));
    }
}
