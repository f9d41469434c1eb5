package dev.watershed.adapter.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watershed.application.lineage.LineageStore;
import dev.watershed.domain.Sha256;
import dev.watershed.domain.lineage.DatasetId;
import dev.watershed.domain.lineage.JobId;
import dev.watershed.domain.lineage.LineageEvent;
import dev.watershed.domain.lineage.LineageField;
import dev.watershed.domain.lineage.ObservedDataset;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * OpenLineage events and what they showed, in plain SQL over the tables of migration V13: rows keyed by hashes of
 * namespace and name, upserted by a read then an insert or update, which the ingestion lock makes safe.
 */
@ApplicationScoped
public class LineageRepository implements LineageStore {

    private static final TypeReference<Set<String>> FIELDS = new TypeReference<>() {};

    private final NativeSql sql;
    private final ObjectMapper json;

    public LineageRepository(EntityManager entityManager, ObjectMapper json) {
        this.sql = new NativeSql(entityManager);
        this.json = json;
    }

    @Override
    public void lockForIngestion() {
        sql.rows("SELECT id FROM lineage_ingest_lock WHERE id = 1 FOR UPDATE");
    }

    @Override
    public long version() {
        return ((Number) sql.rows("SELECT version FROM lineage_ingest_lock WHERE id = 1")
                        .get(0)[0])
                .longValue();
    }

    @Override
    public boolean insertEvent(String eventKey, LineageEvent event, String body, Instant receivedAt) {
        if (!sql.rows("SELECT event_key FROM lineage_event WHERE event_key = ?1", eventKey)
                .isEmpty()) {
            return false;
        }
        sql.update(
                "INSERT INTO lineage_event (event_key, event_kind, event_type, event_time, run_id, job_namespace,"
                        + " job_name, received_at, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                eventKey,
                event.kind().name(),
                NativeSql.orNull(event.eventType()),
                event.eventTime(),
                NativeSql.orNull(event.runId()),
                NativeSql.orNull(event.job() == null ? null : event.job().namespace()),
                NativeSql.orNull(event.job() == null ? null : event.job().name()),
                receivedAt,
                body);
        sql.update("UPDATE lineage_ingest_lock SET version = version + 1 WHERE id = 1");
        return true;
    }

    @Override
    public List<String> bodiesOfRun(String runId, String exceptEventKey) {
        return sql
                .rows(
                        "SELECT body FROM lineage_event WHERE run_id = ?1 AND event_key <> ?2"
                                + " ORDER BY event_time, received_at",
                        runId,
                        exceptEventKey)
                .stream()
                .map(row -> (String) row[0])
                .toList();
    }

    @Override
    public void datasetSeen(ObservedDataset dataset, JobId job, Role role, Instant at, boolean completed) {
        String key = keyOf(dataset.id());
        List<Object[]> known =
                sql.rows("SELECT first_seen, last_seen FROM lineage_dataset WHERE dataset_key = ?1", key);
        if (known.isEmpty()) {
            sql.update(
                    "INSERT INTO lineage_dataset (dataset_key, namespace, name, first_seen, last_seen)"
                            + " VALUES (?1, ?2, ?3, ?4, ?4)",
                    key,
                    dataset.id().namespace(),
                    dataset.id().name(),
                    at);
        } else {
            sql.update(
                    "UPDATE lineage_dataset SET first_seen = ?2, last_seen = ?3 WHERE dataset_key = ?1",
                    key,
                    earlier(NativeSql.instant(known.get(0)[0]), at),
                    later(NativeSql.instant(known.get(0)[1]), at));
        }
        for (DatasetId alias : dataset.symlinks()) {
            String aliasKey = keyOf(alias);
            if (!aliasKey.equals(key)
                    && sql.rows(
                                    "SELECT alias_key FROM lineage_dataset_alias WHERE dataset_key = ?1 AND alias_key = ?2",
                                    key,
                                    aliasKey)
                            .isEmpty()) {
                sql.update(
                        "INSERT INTO lineage_dataset_alias (dataset_key, alias_key, namespace, name)"
                                + " VALUES (?1, ?2, ?3, ?4)",
                        key,
                        aliasKey,
                        alias.namespace(),
                        alias.name());
            }
        }
        if (job != null) {
            jobSeen(key, job, role, at, completed);
        }
    }

    private void jobSeen(String datasetKey, JobId job, Role role, Instant at, boolean completed) {
        String jobKey = keyOf(job);
        List<Object[]> known = sql.rows(
                "SELECT last_seen, last_completed FROM lineage_dataset_job"
                        + " WHERE dataset_key = ?1 AND job_key = ?2 AND job_role = ?3",
                datasetKey,
                jobKey,
                role.name());
        Instant completedAt = completed ? at : null;
        if (known.isEmpty()) {
            sql.update(
                    "INSERT INTO lineage_dataset_job (dataset_key, job_key, job_namespace, job_name, job_role,"
                            + " last_seen, last_completed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    datasetKey,
                    jobKey,
                    job.namespace(),
                    job.name(),
                    role.name(),
                    at,
                    NativeSql.orNull(completedAt));
            return;
        }
        Instant lastCompleted = NativeSql.instant(known.get(0)[1]);
        sql.update(
                "UPDATE lineage_dataset_job SET last_seen = ?4, last_completed = ?5"
                        + " WHERE dataset_key = ?1 AND job_key = ?2 AND job_role = ?3",
                datasetKey,
                jobKey,
                role.name(),
                later(NativeSql.instant(known.get(0)[0]), at),
                NativeSql.orNull(completedAt == null ? lastCompleted : later(lastCompleted, completedAt)));
    }

    @Override
    public Optional<String> schemaSeen(DatasetId dataset, List<LineageField> schema, String checkKey, Instant at) {
        String key = keyOf(dataset);
        List<Object[]> known =
                sql.rows("SELECT check_key, schema_seen_at FROM lineage_dataset WHERE dataset_key = ?1", key);
        Optional<String> before = known.isEmpty() ? Optional.empty() : Optional.ofNullable((String) known.get(0)[0]);
        Instant seenAt = known.isEmpty() ? null : NativeSql.instant(known.get(0)[1]);
        // An event that arrives late does not replace the schema of a later one.
        if (seenAt == null || !at.isBefore(seenAt)) {
            sql.update(
                    "UPDATE lineage_dataset SET schema_json = ?2, schema_seen_at = ?3, check_key = ?4"
                            + " WHERE dataset_key = ?1",
                    key,
                    write(schema),
                    at,
                    NativeSql.orNull(checkKey));
        }
        return before;
    }

    @Override
    public void flowSeen(
            DatasetId input, DatasetId output, JobId job, String runId, Instant at, Set<String> fieldsRead) {
        String inputKey = keyOf(input);
        String outputKey = keyOf(output);
        String jobKey = keyOf(job);
        List<Object[]> known = sql.rows(
                "SELECT first_seen, last_seen, runs, last_run_id, fields_json FROM lineage_flow"
                        + " WHERE input_key = ?1 AND output_key = ?2 AND job_key = ?3",
                inputKey,
                outputKey,
                jobKey);
        if (known.isEmpty()) {
            sql.update(
                    "INSERT INTO lineage_flow (input_key, output_key, job_key, job_namespace, job_name, first_seen,"
                            + " last_seen, runs, last_run_id, fields_json)"
                            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, 1, ?7, ?8)",
                    inputKey,
                    outputKey,
                    jobKey,
                    job.namespace(),
                    job.name(),
                    at,
                    runId,
                    write(new TreeSet<>(fieldsRead)));
            return;
        }
        Object[] row = known.get(0);
        Set<String> fields = new TreeSet<>(read((String) row[4]));
        fields.addAll(fieldsRead);
        long runs = ((Number) row[2]).longValue() + (runId.equals(row[3]) ? 0 : 1);
        sql.update(
                "UPDATE lineage_flow SET first_seen = ?4, last_seen = ?5, runs = ?6, last_run_id = ?7,"
                        + " fields_json = ?8 WHERE input_key = ?1 AND output_key = ?2 AND job_key = ?3",
                inputKey,
                outputKey,
                jobKey,
                earlier(NativeSql.instant(row[0]), at),
                later(NativeSql.instant(row[1]), at),
                runs,
                runId,
                write(fields));
    }

    @Override
    public Optional<String> assetOf(DatasetId dataset) {
        String key = keyOf(dataset);
        List<Object[]> found = sql.rows(
                "SELECT a.name FROM asset_lineage_id l JOIN asset a ON a.id = l.asset_id WHERE l.id_key = ?1", key);
        if (found.isEmpty()) {
            found = sql.rows(
                    "SELECT a.name FROM lineage_dataset_alias x"
                            + " JOIN asset_lineage_id l ON l.id_key = x.alias_key"
                            + " JOIN asset a ON a.id = l.asset_id WHERE x.dataset_key = ?1 ORDER BY a.name",
                    key);
        }
        if (found.isEmpty()) {
            found = sql.rows(
                    "SELECT a.name FROM lineage_dataset_alias x"
                            + " JOIN lineage_dataset d ON d.dataset_key = x.dataset_key"
                            + " JOIN asset_lineage_id l ON l.id_key = d.dataset_key"
                            + " JOIN asset a ON a.id = l.asset_id WHERE x.alias_key = ?1 ORDER BY a.name",
                    key);
        }
        return found.stream().map(row -> (String) row[0]).findFirst();
    }

    @Override
    public List<SeenDataset> datasets() {
        Map<String, List<JobId>> jobs = new HashMap<>();
        for (Object[] row : sql.rows("SELECT DISTINCT dataset_key, job_namespace, job_name FROM lineage_dataset_job")) {
            jobs.computeIfAbsent((String) row[0], key -> new ArrayList<>())
                    .add(new JobId((String) row[1], (String) row[2]));
        }
        List<SeenDataset> datasets = new ArrayList<>();
        for (Object[] row : sql.rows("SELECT dataset_key, namespace, name, first_seen, last_seen FROM lineage_dataset"
                + " ORDER BY namespace, name")) {
            List<JobId> its = jobs.getOrDefault((String) row[0], List.of()).stream()
                    .sorted()
                    .distinct()
                    .toList();
            datasets.add(new SeenDataset(
                    new DatasetId((String) row[1], (String) row[2]),
                    its,
                    NativeSql.instant(row[3]),
                    NativeSql.instant(row[4])));
        }
        return datasets;
    }

    @Override
    public List<Flow> flows() {
        List<Flow> flows = new ArrayList<>();
        for (Object[] row : sql.rows("SELECT i.namespace, i.name, o.namespace, o.name, f.job_namespace, f.job_name,"
                + " f.first_seen, f.last_seen, f.runs, f.fields_json FROM lineage_flow f"
                + " JOIN lineage_dataset i ON i.dataset_key = f.input_key"
                + " JOIN lineage_dataset o ON o.dataset_key = f.output_key")) {
            flows.add(new Flow(
                    new DatasetId((String) row[0], (String) row[1]),
                    new DatasetId((String) row[2], (String) row[3]),
                    new JobId((String) row[4], (String) row[5]),
                    NativeSql.instant(row[6]),
                    NativeSql.instant(row[7]),
                    ((Number) row[8]).longValue(),
                    read((String) row[9])));
        }
        return flows;
    }

    /** Declared directly first, then through an alias the dataset has, then through one that names it. */
    @Override
    public Map<DatasetId, String> assetsOfSeenDatasets() {
        Map<DatasetId, String> assets = new LinkedHashMap<>();
        String direct = "SELECT d.namespace, d.name, a.name FROM lineage_dataset d"
                + " JOIN asset_lineage_id l ON l.id_key = d.dataset_key"
                + " JOIN asset a ON a.id = l.asset_id";
        String throughAlias = "SELECT d.namespace, d.name, a.name FROM lineage_dataset d"
                + " JOIN lineage_dataset_alias x ON x.dataset_key = d.dataset_key"
                + " JOIN asset_lineage_id l ON l.id_key = x.alias_key"
                + " JOIN asset a ON a.id = l.asset_id ORDER BY a.name";
        String namedByAlias = "SELECT d.namespace, d.name, a.name FROM lineage_dataset d"
                + " JOIN lineage_dataset_alias x ON x.alias_key = d.dataset_key"
                + " JOIN lineage_dataset o ON o.dataset_key = x.dataset_key"
                + " JOIN asset_lineage_id l ON l.id_key = o.dataset_key"
                + " JOIN asset a ON a.id = l.asset_id ORDER BY a.name";
        for (String query : List.of(direct, throughAlias, namedByAlias)) {
            for (Object[] row : sql.rows(query)) {
                assets.putIfAbsent(new DatasetId((String) row[0], (String) row[1]), (String) row[2]);
            }
        }
        return assets;
    }

    @Override
    public Map<DatasetId, Instant> lastWritten() {
        Map<DatasetId, Instant> written = new HashMap<>();
        for (Object[] row : sql.rows("SELECT d.namespace, d.name, MAX(j.last_completed) FROM lineage_dataset_job j"
                + " JOIN lineage_dataset d ON d.dataset_key = j.dataset_key"
                + " WHERE j.job_role = 'OUTPUT' AND j.last_completed IS NOT NULL GROUP BY d.namespace, d.name")) {
            written.put(new DatasetId((String) row[0], (String) row[1]), NativeSql.instant(row[2]));
        }
        return written;
    }

    @Override
    public int deleteEventsReceivedBefore(Instant cutoff, int limit) {
        // The limit is an int of ours, not input: inlined, as both databases take a literal there.
        return sql.update(
                "DELETE FROM lineage_event WHERE event_key IN (SELECT event_key FROM lineage_event"
                        + " WHERE received_at < ?1 ORDER BY received_at FETCH FIRST " + limit + " ROWS ONLY)",
                cutoff);
    }

    /** The same hash as {@code asset_lineage_id.id_key}, so that the two tables join on it. */
    static String keyOf(DatasetId dataset) {
        return LineageIdColumns.keyOf(dataset);
    }

    private static String keyOf(JobId job) {
        return Sha256.hex(job.namespace() + "\n" + job.name());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("lineage rows hold plain records", e);
        }
    }

    private Set<String> read(String fields) {
        try {
            return json.readValue(fields, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a lineage flow holds unreadable fields: " + fields, e);
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
