package dev.watershed.application.ccompat;

import dev.watershed.application.asset.AssetHasConsumersException;
import dev.watershed.application.asset.AssetService;
import dev.watershed.application.contract.ContractService;
import dev.watershed.domain.auth.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Deleting through the Confluent API. A soft delete deprecates contract versions: still readable by id and with
 * {@code ?deleted=true}, gone from listings, as Confluent's soft delete is. A permanent delete of a subject deletes
 * its asset, refused while consumers depend on it, as the native API refuses. Watershed keeps every version of a
 * contract that remains, so a single version is never deleted permanently.
 */
@ApplicationScoped
public class SubjectDeletion {

    private final ConfluentRegistry registry;
    private final ContractService contracts;
    private final AssetService assets;

    SubjectDeletion(ConfluentRegistry registry, ContractService contracts, AssetService assets) {
        this.registry = registry;
        this.contracts = contracts;
        this.assets = assets;
    }

    /** @return the numbers of the versions deleted */
    public List<Integer> deleteSubject(Caller caller, String subject, boolean permanent) {
        String asset = registry.requireAsset(subject);
        List<SubjectVersion> versions = registry.versions(subject, asset, true);
        boolean allSoftDeleted = versions.stream().allMatch(SubjectVersion::deleted);
        List<Integer> numbers = versions.stream().map(SubjectVersion::version).toList();
        if (!permanent) {
            if (allSoftDeleted) {
                throw new ConfluentException(
                        ConfluentException.SUBJECT_SOFT_DELETED,
                        "Subject '" + subject + "' was soft deleted. Set permanent=true to delete permanently");
            }
            for (SubjectVersion version : versions) {
                if (!version.deleted()) {
                    contracts.deprecate(
                            caller, asset, version.contract().version().toString());
                }
            }
            return numbers;
        }
        if (!allSoftDeleted) {
            throw new ConfluentException(
                    ConfluentException.SUBJECT_NOT_SOFT_DELETED,
                    "Subject '" + subject + "' was not deleted first before being permanently deleted");
        }
        try {
            assets.delete(caller, asset, false);
        } catch (AssetHasConsumersException e) {
            throw new ConfluentException(
                    ConfluentException.REFERENCE_EXISTS,
                    "Subject '" + subject + "' cannot be deleted permanently: " + e.detail());
        }
        return numbers;
    }

    /** @return the number of the version deleted */
    public int deleteVersion(Caller caller, String subject, String version, boolean permanent) {
        String asset = registry.requireAsset(subject);
        SubjectVersion found = registry.version(subject, version, true);
        if (permanent) {
            throw new ConfluentException(
                    found.deleted()
                            ? ConfluentException.INCOMPATIBLE_SCHEMA
                            : ConfluentException.SCHEMA_VERSION_NOT_SOFT_DELETED,
                    found.deleted()
                            ? "Watershed keeps every version of a contract (version " + found.version() + " is "
                                    + found.contract().version() + " of asset " + asset + ", soft deleted):"
                                    + " delete the whole subject permanently to remove them"
                            : "Subject '" + subject + "' Version " + found.version()
                                    + " was not deleted first before being permanently deleted");
        }
        if (found.deleted()) {
            throw new ConfluentException(
                    ConfluentException.SCHEMA_VERSION_SOFT_DELETED,
                    "Subject '" + subject + "' Version " + found.version()
                            + " was soft deleted. Set permanent=true to delete permanently");
        }
        contracts.deprecate(caller, asset, found.contract().version().toString());
        return found.version();
    }
}
