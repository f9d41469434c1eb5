package dev.watershed.application.contract;

import dev.watershed.domain.contract.Contract;

/**
 * A version was deprecated; not fired for one that already was. Fired synchronously inside the deprecation's
 * transaction, as {@link ContractPublished}.
 *
 * @param contract the version, with its new status
 */
public record ContractDeprecated(Contract contract) {}
