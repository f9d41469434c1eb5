package dev.watershed.application.lineage;

import dev.watershed.domain.lineage.DatasetId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** PLACEHOLDER until lineageIds merge. */
@ApplicationScoped
public class AssetAdoption {

    Optional<String> adopt(DatasetId dataset) {
        return Optional.empty();
    }
}
