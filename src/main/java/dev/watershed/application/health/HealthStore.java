package dev.watershed.application.health;

import dev.watershed.domain.contract.FieldMetadata;
import dev.watershed.domain.health.MajorRelease;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Bulk reads for the findings: a fixed number of queries whatever the size of the estate. */
public interface HealthStore {

    /** Field metadata of each asset's latest contract, by asset then JSON Pointer; one query. */
    Map<String, Map<String, FieldMetadata>> latestFieldMetadata();

    /**
     * Every field of each asset's latest contract, as canonical JSON Pointers, by asset; one query. Assets without a
     * contract are missing; a contract that defines no fields maps to an empty set.
     */
    Map<String, Set<String>> latestContractFields();

    /** Names of the assets with criticality HIGH. */
    Set<String> highCriticalityAssets();

    /** Each replica's name to the name of the asset it replicates. */
    Map<String, String> replicas();

    /** Versions x.0.0 published at or after {@code since} that are not their asset's first version. */
    List<MajorRelease> majorReleasesSince(Instant since);
}
