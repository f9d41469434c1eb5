package dev.watershed.application.contract;

import dev.watershed.domain.contract.Contract;

/**
 * @param contract the version now in force for the submitted schema
 * @param created  false when the schema was already the latest version, and nothing was stored
 * @param plan     what the publish decided (carried metadata, the breaking-change verdict); {@code null} only from
 *                 callers that build a result themselves
 */
public record PublishResult(Contract contract, boolean created, PublishPlan plan) {

    public PublishResult(Contract contract, boolean created) {
        this(contract, created, null);
    }
}
