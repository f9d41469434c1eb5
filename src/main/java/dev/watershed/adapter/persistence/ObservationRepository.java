package dev.watershed.adapter.persistence;

import dev.watershed.application.validation.DriftStatus;
import dev.watershed.application.validation.Observation;
import dev.watershed.application.validation.ObservationQuery;
import dev.watershed.application.validation.ObservationStore;
import dev.watershed.application.validation.Recorders;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ObservationRepository implements PanacheRepository<ObservationEntity>, ObservationStore {

    private static final Sort NEWEST_FIRST = Sort.descending("observedAt", "id");

    private final AssetRepository assets;

    public ObservationRepository(AssetRepository assets) {
        this.assets = assets;
    }

    @Override
    public Observation insert(Observation observation) {
        ObservationEntity entity = new ObservationEntity();
        entity.asset = assets.entity(observation.asset()).orElseThrow();
        entity.version = observation.version();
        entity.label = observation.label();
        entity.observedAt = observation.observedAt();
        entity.total = observation.total();
        entity.valid = observation.valid();
        entity.invalid = observation.invalid();
        entity.errorCount = observation.errorCount();
        entity.profileBase64 =
                observation.profile() == null ? null : Base64.getEncoder().encodeToString(observation.profile());
        entity.recordedBy = observation.recordedBy();
        entity.team = observation.team();
        entity.byOwner = observation.byOwner();
        entity.driftStatus = observation.driftStatus() == null
                ? null
                : observation.driftStatus().name();
        persist(entity);
        return toDomain(entity);
    }

    @Override
    public Optional<Observation> find(String asset, long id) {
        return find("id = ?1 and asset.name = ?2", id, asset)
                .firstResultOptional()
                .map(this::toDomain);
    }

    @Override
    public Optional<Observation> setDriftStatus(String asset, long id, DriftStatus status) {
        Optional<ObservationEntity> entity =
                find("id = ?1 and asset.name = ?2", id, asset).firstResultOptional();
        entity.ifPresent(found -> found.driftStatus = status == null ? null : status.name());
        return entity.map(this::toDomain);
    }

    @Override
    public List<Observation> list(ObservationQuery query) {
        StringBuilder where = new StringBuilder("asset.name = :asset");
        Parameters parameters = Parameters.with("asset", query.asset());
        if (query.label() != null) {
            where.append(" and label = :label");
            parameters.and("label", query.label());
        }
        if (query.from() != null) {
            where.append(" and observedAt >= :from");
            parameters.and("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and observedAt < :to");
            parameters.and("to", query.to());
        }
        return find(where.toString(), NEWEST_FIRST, parameters).page(0, query.limit()).list().stream()
                .map(this::toDomain)
                .toList();
    }

    @Override
    public List<Observation> profiled(String asset, String label, Recorders by, Instant from, Instant to, int limit) {
        StringBuilder where = new StringBuilder(profiledBy(by));
        Parameters parameters = profiled(asset, label, by);
        if (from != null) {
            where.append(" and observedAt >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            where.append(" and observedAt < :to");
            parameters.and("to", to);
        }
        return find(where.toString(), NEWEST_FIRST, parameters).page(0, limit).list().stream()
                .map(this::toDomain)
                .toList();
    }

    @Override
    public Optional<Observation> previousProfiled(String asset, String label, Recorders by, Observation before) {
        return find(
                        profiledBy(by) + " and (observedAt < :at or (observedAt = :at and id < :id))",
                        NEWEST_FIRST,
                        profiled(asset, label, by)
                                .and("at", before.observedAt())
                                .and("id", before.id()))
                .firstResultOptional()
                .map(this::toDomain);
    }

    @Override
    public Optional<Observation> latestProfiled(String asset, String label, Recorders by) {
        return find(profiledBy(by), NEWEST_FIRST, profiled(asset, label, by))
                .firstResultOptional()
                .map(this::toDomain);
    }

    /** Profiled observations of an asset with a label, made by {@code by} (see {@link #profiled}). */
    private static String profiledBy(Recorders by) {
        String recorders =
                by.team() == null ? "byOwner = true" : by.owner() ? "(byOwner = true or team = :team)" : "team = :team";
        // A drifted batch is no reference until accepted (DriftStatus).
        return "asset.name = :asset and label = :label and profileBase64 is not null"
                + " and (driftStatus is null or driftStatus = 'ACCEPTED') and " + recorders;
    }

    private static Parameters profiled(String asset, String label, Recorders by) {
        Parameters parameters = Parameters.with("asset", asset).and("label", label);
        return by.team() == null ? parameters : parameters.and("team", by.team());
    }

    private Observation toDomain(ObservationEntity entity) {
        return new Observation(
                entity.id,
                entity.asset.name,
                entity.version,
                entity.label,
                entity.observedAt,
                entity.total,
                entity.valid,
                entity.invalid,
                entity.errorCount,
                entity.profileBase64 == null ? null : Base64.getDecoder().decode(entity.profileBase64),
                entity.recordedBy,
                entity.team,
                entity.byOwner,
                entity.driftStatus == null ? null : DriftStatus.valueOf(entity.driftStatus));
    }
}
