package dev.watershed.domain.health;

import dev.watershed.domain.graph.AssetNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A source, dataset or feature that no model reads, directly or through other assets: it costs storage, compute
 * and attention for no prediction. Assets outside the registry (dashboards, reports) may still read it, hence INFO.
 * A replica or fallback ({@code replicaOf}) is idle by design and not reported.
 */
public final class UnusedAssetRule implements FindingRule {

    private static final Set<String> KINDS = Set.of("SOURCE", "DATASET", "FEATURE");

    @Override
    public List<Finding> apply(EstateFacts facts) {
        List<Finding> findings = new ArrayList<>();
        for (AssetNode asset : facts.assets()) {
            if (!KINDS.contains(asset.kind()) || facts.feedsModel(asset.name()) || facts.isReplica(asset.name())) {
                continue;
            }
            int readers = facts.consumersOf(asset.name()).size();
            findings.add(new Finding(
                    FindingCode.UNUSED_ASSET,
                    Severity.INFO,
                    asset.name(),
                    asset.kind().charAt(0) + asset.kind().substring(1).toLowerCase(Locale.ROOT) + " " + asset.name()
                            + " feeds no model",
                    "No model reads " + asset.name() + ", directly or through other assets"
                            + (readers == 0
                                    ? "; nothing in the registry reads it at all."
                                    : "; its " + readers + " reader" + (readers == 1 ? "" : "s")
                                            + " feed no model either."),
                    List.of(asset.name()),
                    List.of(),
                    "If a model reads it, declare that dependency; if nothing outside the registry does either,"
                            + " retire it with DELETE /api/v1/assets/" + asset.name() + "."));
        }
        return findings;
    }
}
