package dev.watershed.application.contract;

import dev.watershed.domain.contract.Contract;

/**
 * A new version of an asset's contract was stored by a publish. Fired synchronously inside the publishing
 * transaction, so that what observers write (the notification outbox) commits or rolls back with the version.
 *
 * @param plan what the publish decided: the version it follows, the bump and the differences
 */
public record ContractPublished(Contract contract, PublishPlan plan) {}
