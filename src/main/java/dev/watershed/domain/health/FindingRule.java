package dev.watershed.domain.health;

import java.util.List;

/** One kind of finding, looked for across the whole estate. */
public interface FindingRule {

    /** @return what the rule finds, in any order; empty when the estate is clean of it */
    List<Finding> apply(EstateFacts facts);
}
