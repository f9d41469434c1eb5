package dev.watershed.application.dependency;

import dev.watershed.domain.graph.Usage;
import java.util.List;

/**
 * What a consumer declares it reads from a producer; {@code null} means "the default".
 *
 * @param versionRange npm-style range; default {@code ^<major of the producer's latest version>}
 * @param fields       JSON Pointers or dotted paths; {@code null} or empty for the whole contract
 * @param usage        default {@link Usage#BOTH}
 * @param splitKey     how training and evaluation rows were split: a JSON Pointer (starting with {@code /}) to a
 *                     field of the producer, or free text; default none
 * @param targetFields fields the consumer learns to predict (or carries through as the label); default none
 * @param cost         default none
 * @param benefit      default none
 */
public record DependencyDraft(
        String versionRange,
        List<String> fields,
        Usage usage,
        String note,
        String splitKey,
        List<String> targetFields,
        CostDraft cost,
        BenefitDraft benefit) {

    /** A draft declaring no split key, targets, cost or benefit. */
    public DependencyDraft(String versionRange, List<String> fields, Usage usage, String note) {
        this(versionRange, fields, usage, note, null, null, null, null);
    }

    /** A cost as given; checked when declared. */
    public record CostDraft(Double amount, String unit) {}

    /** A benefit as given; checked when declared. */
    public record BenefitDraft(Double value, String metric) {}
}
