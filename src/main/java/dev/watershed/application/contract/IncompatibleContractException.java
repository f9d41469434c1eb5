package dev.watershed.application.contract;

import dev.watershed.domain.ConflictException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A new schema that breaks the compatibility guarantee its asset gives its consumers. */
public class IncompatibleContractException extends ConflictException {

    private static final int NAMED_IN_DETAIL = 3;

    private final transient PublishPlan plan;

    public IncompatibleContractException(PublishPlan plan) {
        this(plan, advice(plan));
    }

    private static String advice(PublishPlan plan) {
        if (plan.breakingChange() != null) {
            return "The breakingChange acknowledgement does not accept "
                    + plan.breakingChange().unacknowledged().stream()
                            .map(difference -> (difference.path().isEmpty() ? "the root" : difference.path()) + " "
                                    + difference.kind())
                            .collect(Collectors.joining(", "))
                    + ": add them to 'accepts', or keep those parts of the change compatible";
        }
        return "Keep the change compatible, or acknowledge it as a breaking change (\"breakingChange\": the next major,"
                + " the differences it accepts and a migration note for consumers)";
    }

    /** @param advice what to do instead, as the last sentence of the detail */
    public IncompatibleContractException(PublishPlan plan, String advice) {
        super("INCOMPATIBLE_SCHEMA", detail(plan) + ". " + advice);
        this.plan = plan;
    }

    public PublishPlan plan() {
        return plan;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("mode", plan.verdict().mode());
        details.put(
                "latestVersion",
                plan.latest().map(contract -> contract.version().toString()).orElse(null));
        details.put("differences", plan.breakingDifferences());
        details.put("impacted", plan.impacted());
        if (plan.breakingChange() != null) {
            details.put("breakingChange", plan.breakingChange());
        }
        return details;
    }

    private static String detail(PublishPlan plan) {
        List<DifferenceView> breaking = plan.breakingDifferences();
        String named = breaking.stream()
                .limit(NAMED_IN_DETAIL)
                .map(difference -> difference.message() + " (" + difference.kind() + " at "
                        + (difference.path().isEmpty() ? "the root" : difference.path()) + ")")
                .collect(Collectors.joining("; "));
        String more = breaking.size() > NAMED_IN_DETAIL
                ? "; and " + (breaking.size() - NAMED_IN_DETAIL) + " more in 'differences'"
                : "";
        return "the new schema for '" + plan.asset() + "' is not "
                + plan.verdict().mode() + " compatible: " + named + more + "; " + ImpactView.summary(plan.impacted());
    }
}
