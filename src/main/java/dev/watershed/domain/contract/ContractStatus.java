package dev.watershed.domain.contract;

/** Lifecycle of a contract version. */
public enum ContractStatus {
    /** In force: producers write it, consumers may rely on it. */
    ACTIVE,
    /** Still readable, but consumers should move to a newer version. */
    DEPRECATED
}
