package dev.watershed.application.ccompat;

import dev.watershed.application.contract.DifferenceView;
import dev.watershed.application.contract.ImpactView;
import dev.watershed.application.contract.PublishPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * Why a schema may not follow a subject's versions, in the Confluent API's {@code messages}: each breaking difference
 * with its path, each consumer it breaks with its owner, and the mode that was applied.
 */
final class IncompatibilityMessages {

    private IncompatibilityMessages() {}

    static List<String> of(PublishPlan plan) {
        if (plan.publishable()) {
            return List.of();
        }
        List<String> messages = new ArrayList<>();
        plan.breakingDifferences().forEach(difference -> messages.add(describe(difference)));
        plan.impacted().forEach(impacted -> messages.add(describe(impacted)));
        messages.add("compatibility: " + plan.verdict().mode());
        return messages;
    }

    static String describe(DifferenceView difference) {
        return difference.kind() + " at '" + (difference.path().isEmpty() ? "/" : difference.path()) + "': "
                + difference.message()
                + (difference.againstVersions().isEmpty()
                        ? ""
                        : " (against version " + String.join(", ", difference.againstVersions()) + ")");
    }

    static String describe(ImpactView impacted) {
        return "breaks consumer " + impacted.name() + " (owner " + impacted.owner() + "): " + impacted.note();
    }

    static ConfluentException incompatible(String subject, PublishPlan plan) {
        return new ConfluentException(
                ConfluentException.INCOMPATIBLE_SCHEMA,
                "Schema being registered is incompatible with an earlier schema for subject \"" + subject
                        + "\", details: " + of(plan));
    }
}
