package dev.watershed.adapter.persistence;

import dev.watershed.application.drift.Baseline;
import dev.watershed.application.drift.BaselineStore;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class BaselineRepository implements PanacheRepository<BaselineEntity>, BaselineStore {

    private static final Sort NEWEST_FIRST = Sort.descending("createdAt", "id");

    private final AssetRepository assets;

    public BaselineRepository(AssetRepository assets) {
        this.assets = assets;
    }

    @Override
    public Baseline insert(Baseline baseline) {
        BaselineEntity entity = new BaselineEntity();
        entity.asset = assets.entity(baseline.asset()).orElseThrow();
        entity.name = baseline.name();
        entity.label = baseline.label();
        entity.windowFrom = baseline.windowFrom();
        entity.windowTo = baseline.windowTo();
        entity.observations = baseline.observations();
        entity.records = baseline.records();
        entity.profileBase64 = Base64.getEncoder().encodeToString(baseline.profile());
        entity.createdAt = baseline.createdAt();
        entity.createdBy = baseline.createdBy();
        entity.team = baseline.team();
        entity.byOwner = baseline.byOwner();
        persist(entity);
        return toDomain(entity);
    }

    @Override
    public Optional<Baseline> find(String asset, long id) {
        return find("id = ?1 and asset.name = ?2", id, asset)
                .firstResultOptional()
                .map(this::toDomain);
    }

    @Override
    public List<Baseline> list(String asset) {
        return find("asset.name", NEWEST_FIRST, asset).list().stream()
                .map(this::toDomain)
                .toList();
    }

    private Baseline toDomain(BaselineEntity entity) {
        return new Baseline(
                entity.id,
                entity.asset.name,
                entity.name,
                entity.label,
                entity.windowFrom,
                entity.windowTo,
                entity.observations,
                entity.records,
                Base64.getDecoder().decode(entity.profileBase64),
                entity.createdAt,
                entity.createdBy,
                entity.team,
                entity.byOwner);
    }
}
