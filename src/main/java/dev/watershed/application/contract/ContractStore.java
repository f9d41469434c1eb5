package dev.watershed.application.contract;

import dev.watershed.domain.contract.Contract;
import dev.watershed.domain.contract.ContractStatus;
import dev.watershed.domain.contract.SemanticVersion;
import java.util.List;
import java.util.Optional;

/** Where contract versions are kept. */
public interface ContractStore {

    /** Every version of the asset's contract, newest first; empty when it has none. */
    List<Contract> history(String asset);

    Optional<Contract> find(String asset, SemanticVersion version);

    Optional<Contract> latest(String asset);

    void insert(Contract contract);

    void updateStatus(String asset, SemanticVersion version, ContractStatus status);
}
