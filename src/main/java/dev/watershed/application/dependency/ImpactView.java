package dev.watershed.application.dependency;

import dev.watershed.domain.graph.ImpactedAsset;
import java.util.List;

/**
 * A consumer affected by a change, as a verdict reports it.
 *
 * @param versionRange  for a direct consumer, the range it declared; {@code null} for one further downstream
 * @param keepsOldMajor the new version falls outside the direct consumer's range, so it stays on the old major
 *                      version until it migrates
 * @param note          one sentence for a person: who reads what, and what happens to them
 */
public record ImpactView(String name, String kind, String owner, int depth, List<String> path, List<String> fields,
                         boolean direct, String reason, String versionRange, boolean keepsOldMajor, String note) {

    static ImpactView of(ImpactedAsset impacted, String versionRange, boolean keepsOldMajor, String note) {
        return new ImpactView(impacted.name(), impacted.kind(), impacted.owner(), impacted.depth(), impacted.path(),
                impacted.fields(), impacted.direct(), impacted.reason(), versionRange, keepsOldMajor, note);
    }
}
