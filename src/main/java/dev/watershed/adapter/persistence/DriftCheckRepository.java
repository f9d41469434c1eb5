package dev.watershed.adapter.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watershed.application.drift.DriftCheck;
import dev.watershed.application.drift.DriftCheckStore;
import dev.watershed.application.validation.ProfileReference;
import dev.watershed.domain.profile.DriftReport;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Drift checks as JSON text: they are read back whole, never queried by their parts. */
@ApplicationScoped
public class DriftCheckRepository implements PanacheRepository<DriftCheckEntity>, DriftCheckStore {

    private static final Sort NEWEST_FIRST = Sort.descending("checkedAt", "id");

    /** What the JSON column holds: the check without the columns stored beside it. */
    private record StoredResult(ProfileReference against, ProfileReference current, DriftReport report) {}

    private final AssetRepository assets;
    private final ObjectMapper json;

    public DriftCheckRepository(AssetRepository assets, ObjectMapper json) {
        this.assets = assets;
        this.json = json;
    }

    @Override
    public DriftCheck insert(DriftCheck check) {
        DriftCheckEntity entity = new DriftCheckEntity();
        entity.asset = assets.entity(check.asset()).orElseThrow();
        entity.checkedAt = check.checkedAt();
        entity.checkedBy = check.checkedBy();
        entity.againstKind = check.against().kind();
        entity.anomalyCount = check.report().anomalies().size();
        try {
            entity.resultJson =
                    json.writeValueAsString(new StoredResult(check.against(), check.current(), check.report()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a drift report is plain records", e);
        }
        persist(entity);
        return new DriftCheck(
                entity.id,
                check.asset(),
                check.checkedAt(),
                check.checkedBy(),
                check.against(),
                check.current(),
                check.report());
    }

    @Override
    public List<DriftCheck> list(String asset, int limit) {
        return find("asset.name", NEWEST_FIRST, asset).page(0, limit).list().stream()
                .map(this::toDomain)
                .toList();
    }

    private DriftCheck toDomain(DriftCheckEntity entity) {
        try {
            StoredResult result = json.readValue(entity.resultJson, StoredResult.class);
            return new DriftCheck(
                    entity.id,
                    entity.asset.name,
                    entity.checkedAt,
                    entity.checkedBy,
                    result.against(),
                    result.current(),
                    result.report());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("drift check " + entity.id + " holds unreadable JSON", e);
        }
    }
}
