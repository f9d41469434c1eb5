package dev.watershed.application.contract;

import dev.watershed.domain.contract.Contract;

/**
 * A rollback stored {@code contract}, an older version's schema republished as the new latest version, replacing
 * {@code plan.latest()}. Fired synchronously inside the rollback's transaction, as {@link ContractPublished}.
 *
 * @param forced an admin published it although it breaks the asset's compatibility mode
 */
public record ContractRolledBack(Contract contract, PublishPlan plan, boolean forced) {}
