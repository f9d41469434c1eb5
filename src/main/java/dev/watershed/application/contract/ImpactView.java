package dev.watershed.application.contract;

import dev.watershed.domain.graph.ImpactedAsset;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A consumer affected by a change, as a verdict reports it.
 *
 * @param versionRange  for a direct consumer, the range it declared; {@code null} for one further downstream
 * @param keepsOldMajor the new version falls outside the direct consumer's range, so it stays on the old major
 *                      version until it migrates
 * @param note          one sentence for a person: who reads what, and what happens to them
 */
public record ImpactView(
        String name,
        String kind,
        String owner,
        int depth,
        List<String> path,
        List<String> fields,
        boolean direct,
        String reason,
        String versionRange,
        boolean keepsOldMajor,
        String note) {

    public static ImpactView of(ImpactedAsset impacted, String versionRange, boolean keepsOldMajor, String note) {
        return new ImpactView(
                impacted.name(),
                impacted.kind(),
                impacted.owner(),
                impacted.depth(),
                impacted.path(),
                impacted.fields(),
                impacted.direct(),
                impacted.reason(),
                versionRange,
                keepsOldMajor,
                note);
    }

    /** One sentence naming the first consumers a change hurts, for a refusal's detail. */
    public static String summary(List<ImpactView> impacted) {
        if (impacted.isEmpty()) {
            return "no registered consumer reads the changed fields";
        }
        return impacted.stream()
                        .limit(5)
                        .map(consumer -> consumer.name() + " (owner " + consumer.owner() + ")")
                        .collect(Collectors.joining(", "))
                + (impacted.size() > 5 ? " and " + (impacted.size() - 5) + " more" : "") + " depend on it";
    }
}
