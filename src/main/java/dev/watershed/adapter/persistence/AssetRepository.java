package dev.watershed.adapter.persistence;

import dev.watershed.application.Page;
import dev.watershed.application.asset.AssetQuery;
import dev.watershed.application.asset.AssetStore;
import dev.watershed.domain.asset.Asset;
import dev.watershed.domain.asset.AssetName;
import dev.watershed.domain.lineage.DatasetId;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
public class AssetRepository implements PanacheRepository<AssetEntity>, AssetStore {

    @Override
    public Optional<Asset> find(AssetName name) {
        return entity(name.value()).map(AssetEntity::toDomain);
    }

    @Override
    public Optional<Asset> lockForChange(AssetName name) {
        // FOR UPDATE on the asset's row alone, in SQL that H2 and PostgreSQL share: the lock is what matters, and a
        // locking entity query would drag the tag collection into it. Reading the entity after the lock (read
        // committed) sees every change committed by the writer that held it before.
        List<?> locked = getEntityManager()
                .createNativeQuery("SELECT id FROM asset WHERE name = ?1 FOR UPDATE")
                .setParameter(1, name.value())
                .getResultList();
        return locked.isEmpty() ? Optional.empty() : find(name);
    }

    @Override
    public Optional<String> assetOfSubject(String subject) {
        return getEntityManager()
                .createQuery("select a.name from AssetEntity a join a.subjects s where s = ?1", String.class)
                .setParameter(1, subject)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<String> assetOfLineageId(DatasetId id) {
        // Served by the unique index on the pair's hash, then the asset's primary key.
        return getEntityManager()
                .createQuery("select a.name from AssetEntity a join a.lineageIds l where l.key = ?1", String.class)
                .setParameter(1, LineageIdColumns.keyOf(id))
                .getResultStream()
                .findFirst();
    }

    Optional<AssetEntity> entity(String name) {
        return find("name", name).firstResultOptional();
    }

    @Override
    public Page<Asset> search(AssetQuery query) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (query.kind() != null) {
            conditions.add("kind = :kind");
            parameters.and("kind", query.kind());
        }
        if (query.owner() != null) {
            conditions.add("owner = :owner");
            parameters.and("owner", query.owner());
        }
        if (query.tag() != null) {
            conditions.add(":tag member of tags");
            parameters.and("tag", query.tag());
        }
        if (query.text() != null && !query.text().isBlank()) {
            conditions.add("(lower(name) like :text or lower(coalesce(description, '')) like :text)");
            parameters.and("text", "%" + escapeLike(query.text().toLowerCase(Locale.ROOT)) + "%");
        }
        String where = String.join(" and ", conditions);
        PanacheQuery<AssetEntity> found =
                where.isEmpty() ? findAll(Sort.by("name")) : find(where, Sort.by("name"), parameters);
        long total = found.count();
        List<Asset> items = found.range(query.offset(), query.offset() + query.limit() - 1).list().stream()
                .map(AssetEntity::toDomain)
                .toList();
        return new Page<>(items, total, query.limit(), query.offset());
    }

    /** The text is matched literally: its own {@code %} and {@code _} are not wildcards. */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Override
    public void insert(Asset asset) {
        AssetEntity entity = new AssetEntity();
        entity.copyFrom(asset);
        persist(entity);
    }

    @Override
    public void update(Asset asset) {
        AssetEntity entity = entity(asset.name().value()).orElseThrow();
        entity.copyFrom(asset);
    }

    @Override
    public void delete(AssetName name) {
        entity(name.value()).ifPresent(entity -> {
            getEntityManager()
                    .createQuery("delete from ContractEntity c where c.asset = :asset")
                    .setParameter("asset", entity)
                    .executeUpdate();
            delete(entity);
        });
    }
}
