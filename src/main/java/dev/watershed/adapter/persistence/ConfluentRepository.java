package dev.watershed.adapter.persistence;

import dev.watershed.application.asset.EstateChangeListener;
import dev.watershed.application.ccompat.SchemaIdStore;
import dev.watershed.application.ccompat.SettingStore;
import dev.watershed.application.ccompat.SubjectStore;
import dev.watershed.domain.contract.Contract;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Schema ids, subjects and run-time settings of the Confluent-compatible API. */
@ApplicationScoped
public class ConfluentRepository implements SchemaIdStore, SubjectStore, SettingStore {

    private final EntityManager entities;
    private final ContractRepository contracts;
    private final AssetRepository assets;
    private final ConfluentInserts inserts;

    public ConfluentRepository(
            EntityManager entities, ContractRepository contracts, AssetRepository assets, ConfluentInserts inserts) {
        this.entities = entities;
        this.assets = assets;
        this.contracts = contracts;
        this.inserts = inserts;
    }

    @Override
    public Optional<Long> find(Content content) {
        return entities.createQuery(
                        "select s.id from SchemaIdEntity s where s.format = ?1 and s.fingerprint = ?2", Long.class)
                .setParameter(1, content.format())
                .setParameter(2, content.fingerprint())
                .getResultStream()
                .findFirst();
    }

    @Override
    public long assign(Content content) {
        try {
            return inserts.schemaId(content);
        } catch (PersistenceException raced) {
            // Another request or replica gave this content its id first (the unique constraint refused ours).
            return find(content).orElseThrow(() -> raced);
        }
    }

    @Override
    public Optional<Content> byId(long id) {
        SchemaIdEntity entity = entities.find(SchemaIdEntity.class, id);
        return entity == null ? Optional.empty() : Optional.of(new Content(entity.format, entity.fingerprint));
    }

    @Override
    public List<Contract> contractsWith(Content content) {
        return contracts.withContent(content.format(), content.fingerprint());
    }

    @Override
    public Optional<String> assetOf(String subject) {
        return assets.assetOfSubject(subject);
    }

    @Override
    public Map<String, String> all() {
        Map<String, String> subjects = new LinkedHashMap<>();
        entities.createQuery("select s, a.name from AssetEntity a join a.subjects s order by s", Object[].class)
                .getResultList()
                .forEach(row -> subjects.put((String) row[0], (String) row[1]));
        return subjects;
    }

    @Override
    public void add(String subject, String asset) {
        if (assetOf(subject).isPresent()) {
            return;
        }
        try {
            inserts.subject(subject, asset);
        } catch (PersistenceException raced) {
            // Recorded by a concurrent registration of the same subject: the same asset, kept.
        }
    }

    @Override
    public Optional<String> get(String name) {
        RegistrySettingEntity entity = entities.find(RegistrySettingEntity.class, name);
        return entity == null ? Optional.empty() : Optional.of(entity.value);
    }

    @Override
    @Transactional
    public void put(String name, String value) {
        RegistrySettingEntity entity = entities.find(RegistrySettingEntity.class, name);
        if (entity == null) {
            entity = new RegistrySettingEntity();
            entity.name = name;
            entity.value = value;
            entities.persist(entity);
        } else {
            entity.value = value;
        }
    }

    @Override
    @Transactional
    public void remove(String name) {
        RegistrySettingEntity entity = entities.find(RegistrySettingEntity.class, name);
        if (entity != null) {
            entities.remove(entity);
        }
    }

    /** The inserts that run in a transaction of their own, so that losing a race rolls back only them. */
    @ApplicationScoped
    public static class ConfluentInserts {

        private final EntityManager entities;
        private final AssetRepository assets;
        private final Clock clock;
        private final EstateChangeListener estateChanges;

        public ConfluentInserts(
                EntityManager entities, AssetRepository assets, Clock clock, EstateChangeListener estateChanges) {
            this.entities = entities;
            this.assets = assets;
            this.clock = clock;
            this.estateChanges = estateChanges;
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public long schemaId(Content content) {
            SchemaIdEntity entity = new SchemaIdEntity();
            entity.format = content.format();
            entity.fingerprint = content.fingerprint();
            entity.createdAt = clock.instant();
            entities.persist(entity);
            entities.flush();
            return entity.id;
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void subject(String subject, String asset) {
            assets.entity(asset).orElseThrow().subjects.add(subject);
            entities.flush();
            // The asset's subjects are part of what it reads as.
            estateChanges.assetDetailsChanged(asset);
        }
    }
}
