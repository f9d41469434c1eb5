package dev.watershed.adapter.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watershed.application.health.HealthStore;
import dev.watershed.domain.contract.FieldMetadata;
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

/** Plain JDBC, like the graph's bulk load: rows straight into what the findings need, no entities. */
@ApplicationScoped
public class HealthRepository implements HealthStore {

    private static final TypeReference<Map<String, FieldMetadata>> FIELDS = new TypeReference<>() {};

    /** The latest version of each asset is the one no higher version of the same asset exists for. */
    private static final String LATEST_FIELDS = "SELECT a.name, c.fields_json FROM contract c"
            + " JOIN asset a ON a.id = c.asset_id"
            + " WHERE NOT EXISTS (SELECT 1 FROM contract n WHERE n.asset_id = c.asset_id AND (n.major > c.major"
            + " OR (n.major = c.major AND (n.minor > c.minor OR (n.minor = c.minor AND n.patch > c.patch)))))";
    /** x.0.0 with any lower major version of the same asset: a breaking release after the first. */
    private static final String MAJOR_RELEASES = "SELECT a.name, c.major, c.created_at FROM contract c"
            + " JOIN asset a ON a.id = c.asset_id"
            + " WHERE c.minor = 0 AND c.patch = 0 AND c.created_at >= ?"
            + " AND EXISTS (SELECT 1 FROM contract e WHERE e.asset_id = c.asset_id AND e.major < c.major)";

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public HealthRepository(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
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
