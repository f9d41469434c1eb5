package dev.watershed.adapter.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.watershed.application.contract.SchemaCache;
import dev.watershed.application.health.HealthStore;
import dev.watershed.domain.ComputeBudget;
import dev.watershed.domain.contract.FieldMetadata;
import dev.watershed.domain.contract.JsonSchemaDialects;
import dev.watershed.domain.contract.ParsedSchema;
import dev.watershed.domain.contract.SchemaField;
import dev.watershed.domain.contract.SchemaFormat;
import dev.watershed.domain.contract.SchemaTooComplexException;
import dev.watershed.domain.contract.SemanticVersion;
import dev.watershed.domain.health.MajorRelease;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Plain JDBC, like the graph's bulk load: rows straight into what the findings need, no entities. */
@ApplicationScoped
public class HealthRepository implements HealthStore {

    private static final TypeReference<Map<String, FieldMetadata>> FIELDS = new TypeReference<>() {};

    /** The latest version of each asset is the one no higher version of the same asset exists for. */
    private static final String LATEST = " FROM contract c JOIN asset a ON a.id = c.asset_id"
            + " WHERE NOT EXISTS (SELECT 1 FROM contract n WHERE n.asset_id = c.asset_id AND (n.major > c.major"
            + " OR (n.major = c.major AND (n.minor > c.minor OR (n.minor = c.minor AND n.patch > c.patch)))))";

    private static final String LATEST_FIELDS = "SELECT a.name, c.fields_json" + LATEST;
    private static final String LATEST_SCHEMAS =
            "SELECT a.name, c.format, c.fingerprint, c.dialect, c.schema_text" + LATEST;
    /** x.0.0 with any lower major version of the same asset: a breaking release after the first. */
    private static final String MAJOR_RELEASES = "SELECT a.name, c.major, c.created_at FROM contract c"
            + " JOIN asset a ON a.id = c.asset_id"
            + " WHERE c.minor = 0 AND c.patch = 0 AND c.created_at >= ?"
            + " AND EXISTS (SELECT 1 FROM contract e WHERE e.asset_id = c.asset_id AND e.major < c.major)";

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final SchemaCache schemas;

    /**
     * Field lists by format and fingerprint: the findings ask for every latest contract each time the estate changes,
     * and a schema's fields follow from its canonical form, which the fingerprint identifies. Bounded by count; a
     * field list is small beside its schema.
     */
    private final Cache<String, Set<String>> fieldLists =
            Caffeine.newBuilder().maximumSize(20_000).build();

    public HealthRepository(AgroalDataSource dataSource, ObjectMapper json, SchemaCache schemas) {
        this.dataSource = dataSource;
        this.json = json;
        this.schemas = schemas;
    }

    @Override
    public Map<String, Map<String, FieldMetadata>> latestFieldMetadata() {
        Map<String, Map<String, FieldMetadata>> fields = new HashMap<>();
        query(LATEST_FIELDS, statement -> statement.setFetchSize(10_000), rows -> {
            String text = rows.getString(2);
            if (text != null && !"{}".equals(text)) {
                fields.put(rows.getString(1), json.readValue(text, FIELDS));
            }
        });
        return fields;
    }

    @Override
    public Map<String, Set<String>> latestContractFields() {
        Map<String, Set<String>> fields = new HashMap<>();
        query(LATEST_SCHEMAS, statement -> statement.setFetchSize(1_000), rows -> {
            SchemaFormat format = SchemaFormat.valueOf(rows.getString(2));
            String key = format + ":" + rows.getString(3);
            Set<String> known = fieldLists.getIfPresent(key);
            if (known == null) {
                known = fieldsOf(format, rows.getString(5), rows.getString(4));
                if (known == null) {
                    return;
                }
                fieldLists.put(key, known);
            }
            fields.put(rows.getString(1), known);
        });
        return fields;
    }

    /**
     * Parsed as {@link SchemaCache#schemaOf} parses a stored version, so the fields are those a declaration is checked
     * against; {@code null} when the schema is too complex to list, which leaves its asset out as if it had no
     * contract rather than reporting every field read as missing.
     */
    private Set<String> fieldsOf(SchemaFormat format, String schemaText, String dialect) {
        // A row stored before V10 recorded no dialect: it was read as its $schema or as 2020-12 then.
        String readAs = format == SchemaFormat.JSON_SCHEMA && dialect == null
                ? JsonSchemaDialects.storedBeforeDetection(schemaText)
                : dialect;
        ParsedSchema schema =
                schemas.parse(format, TextNode.valueOf(schemaText), "/schema", ComputeBudget.unlimited(), readAs);
        try {
            return schema.fields().stream().map(SchemaField::path).collect(Collectors.toUnmodifiableSet());
        } catch (SchemaTooComplexException e) {
            return null;
        }
    }

    @Override
    public Set<String> highCriticalityAssets() {
        Set<String> names = new HashSet<>();
        query(
                "SELECT name FROM asset WHERE criticality = 'HIGH'",
                statement -> {},
                rows -> names.add(rows.getString(1)));
        return names;
    }

    @Override
    public Map<String, String> replicas() {
        Map<String, String> replicas = new HashMap<>();
        query(
                "SELECT name, replica_of FROM asset WHERE replica_of IS NOT NULL",
                statement -> {},
                rows -> replicas.put(rows.getString(1), rows.getString(2)));
        return replicas;
    }

    @Override
    public List<MajorRelease> majorReleasesSince(Instant since) {
        List<MajorRelease> releases = new ArrayList<>();
        // OffsetDateTime, not Timestamp: a Timestamp is read in the JVM's time zone by some drivers.
        query(
                MAJOR_RELEASES,
                statement -> statement.setObject(1, OffsetDateTime.ofInstant(since, ZoneOffset.UTC)),
                rows -> releases.add(new MajorRelease(
                        rows.getString(1),
                        new SemanticVersion(rows.getInt(2), 0, 0),
                        rows.getObject(3, OffsetDateTime.class).toInstant())));
        return releases;
    }

    private interface StatementSetter {
        void set(PreparedStatement statement) throws SQLException;
    }

    private interface RowReader {
        void read(ResultSet rows) throws SQLException, IOException;
    }

    private void query(String sql, StatementSetter setter, RowReader reader) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            setter.set(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read asset facts for the findings", e);
        } catch (IOException e) {
            throw new IllegalStateException("stored field metadata is not valid JSON", e);
        }
    }
}
