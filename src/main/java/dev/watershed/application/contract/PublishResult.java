package dev.watershed.application.contract;

import dev.watershed.domain.contract.Contract;

/**
 * @param contract the version now in force for the submitted schema
 * @param created  false when the schema was already the latest version, and nothing was stored
 */
public record PublishResult(Contract contract, boolean created) {}
