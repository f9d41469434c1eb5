package dev.watershed.application.contract;

import dev.watershed.domain.NotFoundException;
import dev.watershed.domain.contract.SemanticVersion;

/** An asset that exists has no contract version of this number, or no contract at all to be its latest. */
public class ContractVersionNotFoundException extends NotFoundException {

    /** @param version the version as asked for, e.g. {@code 1.2.0} */
    public ContractVersionNotFoundException(String asset, String version) {
        this("asset '" + asset + "' has no contract version " + version + ": list them with GET /api/v1/assets/" + asset
                + "/contracts");
    }

    private ContractVersionNotFoundException(String detail) {
        super("VERSION_NOT_FOUND", detail);
    }

    /** {@code latest} was asked for, and nothing is published yet. */
    public static ContractVersionNotFoundException noContractYet(String asset) {
        return new ContractVersionNotFoundException("asset '" + asset + "' has no contract yet: publish one with"
                + " POST /api/v1/assets/" + asset + "/contracts");
    }

    /** The version a rollback was to restore. */
    public static ContractVersionNotFoundException toRollBackTo(String asset, SemanticVersion version) {
        return new ContractVersionNotFoundException("asset '" + asset + "' has no contract version " + version
                + " to roll back to: list them with GET /api/v1/assets/" + asset + "/contracts");
    }
}
