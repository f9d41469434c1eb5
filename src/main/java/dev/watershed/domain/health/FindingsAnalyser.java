package dev.watershed.domain.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs every findings rule over the estate and orders what they find: errors first, then by asset, code and path.
 */
public final class FindingsAnalyser {

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::asset)
            .thenComparing(Finding::code)
            .thenComparing(finding -> String.join("\u0000", finding.path()));

    private final List<FindingRule> rules;

    public FindingsAnalyser(List<FindingRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * Every rule, the unstable one reporting more than {@code maxMajorReleases} major versions within
     * {@code window}.
     */
    public static FindingsAnalyser withAllRules(int maxMajorReleases, Duration window) {
        return new FindingsAnalyser(List.of(
                new ServingLeakageRule(),
                new LabelDerivedFeatureRule(),
                new SplitWithoutKeyRule(),
                new NoReplicaRule(),
                new UnstableDependencyRule(maxMajorReleases, window),
                new UnusedAssetRule(),
                new UndeclaredDependencyRule(),
                new FieldReadNotDeclaredRule(),
                new DeclaredFieldMissingRule(),
                new StaleDeclarationRule()));
    }

    /** @return every finding, errors first; empty for a healthy estate */
    public List<Finding> analyse(EstateFacts facts) {
        List<Finding> findings = new ArrayList<>();
        rules.forEach(rule -> findings.addAll(rule.apply(facts)));
        findings.sort(ORDER);
        return List.copyOf(findings);
    }
}
