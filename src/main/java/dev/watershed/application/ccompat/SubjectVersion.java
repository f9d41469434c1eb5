package dev.watershed.application.ccompat;

import dev.watershed.domain.contract.Contract;
import dev.watershed.domain.contract.ContractStatus;

/**
 * One version of a subject as the Confluent API shows it.
 *
 * @param version  Confluent's number: 1, 2, 3... in the order the asset's contract versions were published
 * @param id       the schema content's id
 * @param contract the Watershed contract version behind it (its semantic version, status, schema)
 */
public record SubjectVersion(String subject, int version, long id, Contract contract) {

    /** Soft-deleted through the Confluent API: the contract version was deprecated. */
    public boolean deleted() {
        return contract.status() == ContractStatus.DEPRECATED;
    }
}
