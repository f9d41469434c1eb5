package dev.watershed.adapter.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watershed.application.dependency.Dependency;
import dev.watershed.application.dependency.DependencyStore;
import dev.watershed.application.dependency.EstateSnapshot;
import dev.watershed.domain.contract.SemanticVersion;
import dev.watershed.domain.graph.AssetNode;
import dev.watershed.domain.graph.Benefit;
import dev.watershed.domain.graph.Cost;
import dev.watershed.domain.graph.DependencyEdge;
import dev.watershed.domain.graph.Usage;
import dev.watershed.domain.graph.UsageTerms;
import dev.watershed.domain.graph.VersionRange;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

@ApplicationScoped
public class DependencyRepository implements PanacheRepository<DependencyEntity>, DependencyStore {

    // In the order registered and declared, as the graph of the replica that made them holds them: without ORDER BY
    // the database picks an order by its plan, and a reload would walk ties differently.
    private static final String ASSETS_WITH_VERSIONS = "SELECT a.name, a.kind, a.owner_team, c.major, c.minor, c.patch"
            + " FROM asset a LEFT JOIN contract c ON c.asset_id = a.id ORDER BY a.id";
    private static final String ALL_DEPENDENCIES = "SELECT producer, consumer, version_range, resolved_version,"
            + " fields_json, data_usage, note, split_key, target_fields_json, cost_amount, cost_unit, benefit_value,"
            + " benefit_metric FROM dependency ORDER BY id";

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public DependencyRepository(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    @Override
    public Optional<Dependency> find(String producer, String consumer) {
        return entity(producer, consumer).map(this::toDomain);
    }

    private Optional<DependencyEntity> entity(String producer, String consumer) {
        return find("producer = ?1 and consumer = ?2", producer, consumer).firstResultOptional();
    }

    @Override
    public List<Dependency> ofConsumer(String consumer) {
        return find("consumer", Sort.by("producer"), consumer).list().stream()
                .map(this::toDomain)
                .toList();
    }

    @Override
    public List<Dependency> ofProducer(String producer) {
        return find("producer", Sort.by("consumer"), producer).list().stream()
                .map(this::toDomain)
                .toList();
    }

    @Override
    public void save(Dependency dependency) {
        DependencyEntity entity = entity(dependency.producer(), dependency.consumer())
                .orElseGet(() -> {
                    DependencyEntity created = new DependencyEntity();
                    created.producer = dependency.producer();
                    created.consumer = dependency.consumer();
                    created.createdAt = dependency.createdAt();
                    return created;
                });
        entity.versionRange = dependency.versionRange() == null
                ? null
                : dependency.versionRange().toString();
        entity.resolvedVersion = dependency.resolvedVersion() == null
                ? null
                : dependency.resolvedVersion().toString();
        entity.fieldsJson = writeFields(dependency.fields());
        entity.usage = dependency.usage();
        entity.note = dependency.note();
        UsageTerms terms = dependency.terms();
        entity.splitKey = terms.splitKey();
        entity.targetFieldsJson = terms.targetFields().isEmpty() ? null : writeFields(terms.targetFields());
        entity.costAmount = terms.cost() == null ? null : terms.cost().amount();
        entity.costUnit = terms.cost() == null ? null : terms.cost().unit();
        entity.benefitValue = terms.benefit() == null ? null : terms.benefit().value();
        entity.benefitMetric = terms.benefit() == null ? null : terms.benefit().metric();
        entity.createdBy = dependency.createdBy();
        entity.updatedAt = Instant.now();
        if (entity.id == null) {
            persist(entity);
        }
    }

    @Override
    public boolean remove(String producer, String consumer) {
        return delete("producer = ?1 and consumer = ?2", producer, consumer) > 0;
    }

    @Override
    public void removeTouching(String asset) {
        delete("producer = ?1 or consumer = ?1", asset);
    }

    @Override
    public void updateResolvedVersion(String producer, String consumer, SemanticVersion resolved) {
        update("resolvedVersion = ?1 where producer = ?2 and consumer = ?3", resolved.toString(), producer, consumer);
    }

    @Override
    public Set<String> consumersWithoutRange(String producer) {
        return getEntityManager()
                .createQuery(
                        "select d.consumer from DependencyEntity d where d.producer = ?1 and d.versionRange is null",
                        String.class)
                .setParameter(1, producer)
                .getResultStream()
                .collect(Collectors.toSet());
    }

    @Override
    public void assignMissingRanges(String producer, VersionRange range, SemanticVersion resolved) {
        update(
                "versionRange = ?1, resolvedVersion = ?2 where producer = ?3 and versionRange is null",
                range.toString(),
                resolved.toString(),
                producer);
    }

    @Override
    public long incrementEstateVersion() {
        // Pending inserts first, so that a reload through this transaction sees them.
        getEntityManager().flush();
        getEntityManager()
                .createNativeQuery("UPDATE estate_version SET version = version + 1 WHERE id = 1")
                .executeUpdate();
        return ((Number) getEntityManager()
                        .createNativeQuery("SELECT version FROM estate_version WHERE id = 1")
                        .getSingleResult())
                .longValue();
    }

    @Override
    public long estateVersion() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT version FROM estate_version WHERE id = 1");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the estate change counter", e);
        }
    }

    /**
     * Plain JDBC: at 100k assets and 300k dependencies, building entities would cost more than the graph itself.
     * Inside a transaction the data source hands out that transaction's connection, so a reload during a write
     * (which follows {@link #incrementEstateVersion()} and its flush) sees the write's own changes.
     */
    @Override
    public EstateSnapshot loadEstate() {
        try (Connection connection = dataSource.getConnection()) {
            long version;
            try (PreparedStatement statement =
                            connection.prepareStatement("SELECT version FROM estate_version WHERE id = 1");
                    ResultSet rows = statement.executeQuery()) {
                rows.next();
                version = rows.getLong(1);
            }
            return new EstateSnapshot(loadAssets(connection), loadDependencies(connection), version);
        } catch (SQLException e) {
            throw new IllegalStateException("could not load the dependency graph", e);
        }
    }

    private static List<AssetNode> loadAssets(Connection connection) throws SQLException {
        Map<String, AssetNode> assets = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(ASSETS_WITH_VERSIONS)) {
            statement.setFetchSize(10_000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    int major = rows.getInt(4);
                    SemanticVersion version =
                            rows.wasNull() ? null : new SemanticVersion(major, rows.getInt(5), rows.getInt(6));
                    AssetNode known = assets.get(name);
                    if (known == null
                            || version != null
                                    && (known.latestVersion() == null
                                            || version.compareTo(known.latestVersion()) > 0)) {
                        assets.put(name, new AssetNode(name, rows.getString(2), rows.getString(3), version));
                    }
                }
            }
        }
        return new ArrayList<>(assets.values());
    }

    private List<DependencyEdge> loadDependencies(Connection connection) throws SQLException {
        // Ranges, versions and field lists repeat a lot across an estate; parse each distinct text once.
        Map<String, VersionRange> ranges = new HashMap<>();
        Map<String, SemanticVersion> versions = new HashMap<>();
        Map<String, List<String>> fieldLists = new HashMap<>();
        List<DependencyEdge> edges = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(ALL_DEPENDENCIES)) {
            statement.setFetchSize(10_000);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String range = rows.getString(3);
                    String resolved = rows.getString(4);
                    edges.add(new DependencyEdge(
                            rows.getString(1),
                            rows.getString(2),
                            range == null ? null : ranges.computeIfAbsent(range, VersionRange::parse),
                            resolved == null ? null : versions.computeIfAbsent(resolved, SemanticVersion::parse),
                            fieldLists.computeIfAbsent(rows.getString(5), this::readFields),
                            Usage.valueOf(rows.getString(6)),
                            rows.getString(7),
                            terms(rows)));
                }
            }
        }
        return edges;
    }

    /** Most dependencies declare none of these; they share {@link UsageTerms#NONE}. */
    private UsageTerms terms(ResultSet rows) throws SQLException {
        String splitKey = rows.getString(8);
        String targets = rows.getString(9);
        double costAmount = rows.getDouble(10);
        Cost cost = rows.wasNull() ? null : new Cost(costAmount, rows.getString(11));
        double benefitValue = rows.getDouble(12);
        Benefit benefit = rows.wasNull() ? null : new Benefit(benefitValue, rows.getString(13));
        if (splitKey == null && targets == null && cost == null && benefit == null) {
            return UsageTerms.NONE;
        }
        return new UsageTerms(splitKey, targets == null ? List.of() : readFields(targets), cost, benefit);
    }

    private Dependency toDomain(DependencyEntity entity) {
        UsageTerms terms = new UsageTerms(
                entity.splitKey,
                entity.targetFieldsJson == null ? List.of() : readFields(entity.targetFieldsJson),
                entity.costAmount == null ? null : new Cost(entity.costAmount, entity.costUnit),
                entity.benefitValue == null ? null : new Benefit(entity.benefitValue, entity.benefitMetric));
        return new Dependency(
                entity.producer,
                entity.consumer,
                entity.versionRange == null ? null : VersionRange.parse(entity.versionRange),
                entity.resolvedVersion == null ? null : SemanticVersion.parse(entity.resolvedVersion),
                readFields(entity.fieldsJson),
                entity.usage,
                entity.note,
                entity.createdAt,
                entity.createdBy,
                terms);
    }

    private String writeFields(List<String> fields) {
        try {
            return json.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("fields could not be written as JSON", e);
        }
    }

    private List<String> readFields(String text) {
        try {
            return List.copyOf(Arrays.asList(json.readValue(text, String[].class)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored dependency fields are not valid JSON", e);
        }
    }
}
