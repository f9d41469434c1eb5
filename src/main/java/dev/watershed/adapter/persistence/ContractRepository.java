package dev.watershed.adapter.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watershed.application.contract.ContractStore;
import dev.watershed.domain.contract.Contract;
import dev.watershed.domain.contract.ContractStatus;
import dev.watershed.domain.contract.FieldMetadata;
import dev.watershed.domain.contract.JsonSchemaDialects;
import dev.watershed.domain.contract.SchemaFormat;
import dev.watershed.domain.contract.SemanticVersion;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;

@ApplicationScoped
public class ContractRepository implements PanacheRepository<ContractEntity>, ContractStore {

    private static final Sort NEWEST_FIRST = Sort.descending("major", "minor", "patch");
    private static final TypeReference<Map<String, FieldMetadata>> FIELDS = new TypeReference<>() {};

    private final AssetRepository assets;
    private final ObjectMapper json;

    public ContractRepository(AssetRepository assets, ObjectMapper json) {
        this.assets = assets;
        this.json = json;
    }

    @Override
    public List<Contract> history(String asset) {
        // Read-only: a history is never changed through its entities, and the session need not check them for
        // changes at every flush of the transaction that read it.
        return find("asset.name", NEWEST_FIRST, asset).withHint(HibernateHints.HINT_READ_ONLY, true).list().stream()
                .map(this::toDomain)
                .toList();
    }

    @Override
    public Optional<Contract> find(String asset, SemanticVersion version) {
        return entity(asset, version).map(this::toDomain);
    }

    @Override
    public Optional<Contract> latest(String asset) {
        // The id first, by the asset's id and in the order of the whole (asset, version) index reversed: the database
        // then reads that index backwards and stops at its first entry. Asked for whole rows, or through a join on
        // the name, H2 picks another index and sorts the asset's whole history instead.
        return assets.entity(asset)
                .flatMap(entity -> getEntityManager()
                        .createQuery(
                                "select c.id from ContractEntity c where c.asset = ?1"
                                        + " order by c.asset.id desc, c.major desc, c.minor desc, c.patch desc",
                                Long.class)
                        .setParameter(1, entity)
                        .setMaxResults(1)
                        .getResultStream()
                        .findFirst())
                .map(id -> toDomain(findById(id)));
    }

    /** Every version of any asset with this schema content, oldest first. */
    public List<Contract> withContent(SchemaFormat format, String fingerprint) {
        return find("format = ?1 and fingerprint = ?2", Sort.ascending("id"), format, fingerprint).list().stream()
                .map(this::toDomain)
                .toList();
    }

    @Override
    public void insert(Contract contract) {
        ContractEntity entity = new ContractEntity();
        entity.asset = assets.entity(contract.asset()).orElseThrow();
        entity.version = contract.version().toString();
        entity.major = contract.version().major();
        entity.minor = contract.version().minor();
        entity.patch = contract.version().patch();
        entity.format = contract.format();
        entity.status = contract.status();
        entity.fingerprint = contract.fingerprint();
        entity.schemaText = contract.schemaText();
        entity.changelog = contract.changelog();
        entity.fieldsJson = writeFields(contract.fields());
        entity.createdAt = contract.createdAt();
        entity.createdBy = contract.createdBy();
        entity.rolledBackTo =
                contract.rolledBackTo() == null ? null : contract.rolledBackTo().toString();
        entity.dialect = contract.dialect();
        persist(entity);
    }

    @Override
    public void updateStatus(String asset, SemanticVersion version, ContractStatus status) {
        ContractEntity entity = entity(asset, version).orElseThrow();
        // A history read earlier in this transaction left its entities read-only; this one is written.
        getEntityManager().unwrap(Session.class).setReadOnly(entity, false);
        entity.status = status;
    }

    private Optional<ContractEntity> entity(String asset, SemanticVersion version) {
        return find(
                        "asset.name = ?1 and major = ?2 and minor = ?3 and patch = ?4",
                        asset,
                        version.major(),
                        version.minor(),
                        version.patch())
                .firstResultOptional();
    }

    private Contract toDomain(ContractEntity entity) {
        return new Contract(
                entity.asset.name,
                SemanticVersion.parse(entity.version),
                entity.format,
                entity.status,
                entity.fingerprint,
                entity.schemaText,
                entity.changelog,
                readFields(entity.fieldsJson),
                entity.createdAt,
                entity.createdBy,
                entity.rolledBackTo == null ? null : SemanticVersion.parse(entity.rolledBackTo),
                dialectOf(entity));
    }

    /** A row stored before V10 recorded no dialect: it was read as its $schema or as 2020-12 then. */
    private static String dialectOf(ContractEntity entity) {
        if (entity.format != SchemaFormat.JSON_SCHEMA || entity.dialect != null) {
            return entity.dialect;
        }
        return JsonSchemaDialects.storedBeforeDetection(entity.schemaText);
    }

    private String writeFields(Map<String, FieldMetadata> fields) {
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("field metadata could not be written as JSON", e);
        }
    }

    private Map<String, FieldMetadata> readFields(String text) {
        try {
            return json.readValue(text, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored field metadata is not valid JSON", e);
        }
    }
}
