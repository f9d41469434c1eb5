package dev.watershed.bench;

import dev.watershed.application.dependency.EstateGraph;
import dev.watershed.application.health.HealthStore;
import dev.watershed.domain.graph.AssetNode;
import dev.watershed.domain.graph.DependencyEdge;
import dev.watershed.domain.graph.DependencyGraph;
import dev.watershed.domain.graph.FieldImpactAnalysis;
import dev.watershed.domain.health.EstateFacts;
import dev.watershed.domain.health.FindingsAnalyser;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The dependency graph measured through the running service: for a synthetic estate of 1k assets / 3k
 * dependencies and one of 100k / 300k ({@link GraphFixtures}), written straight into the database with batched
 * JDBC, it measures the bulk load the service does at start (the same {@link EstateGraph#reload()}), impact-query
 * latency over HTTP for roots whose downstream holds 40-60 assets at both sizes, and the heap the graph holds.
 *
 * <p>Not part of {@code ./mvnw test}: run it with {@code ./mvnw -o test -Pbench}. Results are printed and written
 * to {@code target/bench/graph-rest.txt}.
 */
@QuarkusTest
@Tag("benchmark")
@TestProfile(GraphRestBenchTest.OwnDatabase.class)
class GraphRestBenchTest {

    private static final long SEED = 20_240_601L;
    private static final int WARMUP = 3_000;
    private static final int QUERIES = 5_000;
    private static final int BATCH = 2_000;
    private static final Pattern ASSETS_COVERED = Pattern.compile("\"assetsCovered\":(\\d+)");

    /** Its own database file, and no example estate. */
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("watershed.data-dir", "./target/bench-data", "watershed.examples.load", "false");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EstateGraph estate;

    @Inject
    HealthStore health;

    @TestHTTPResource("/api/v1/assets/")
    URI assets;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void measure() throws Exception {
        List<String> report = new ArrayList<>();
        report.add(String.format(
                "JVM max heap %,d MB, %d processors",
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors()));
        Map<Integer, long[]> latencies = new HashMap<>();
        for (int size : new int[] {1_000, 100_000}) {
            latencies.put(size, run(size, report));
        }
        double p50Small = percentile(latencies.get(1_000), 50);
        double p50Large = percentile(latencies.get(100_000), 50);
        report.add(String.format("impact p50 ratio 100k / 1k: %.2f (target ≤ 3)", p50Large / p50Small));
        Path out = Path.of("target/bench/graph-rest.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        report.forEach(System.out::println);
    }

    private long[] run(int size, List<String> report) throws Exception {
        GraphFixtures.Estate fixture = GraphFixtures.estate(size, SEED);
        List<String> roots = GraphFixtures.rootsWithDownstream(fixture, 40, 60, 200, SEED);
        List<String> models = new ArrayList<>(fixture.nodes().stream()
                .filter(node -> node.kind().equals("MODEL"))
                .map(AssetNode::name)
                .toList());
        Collections.shuffle(models, new Random(SEED));
        models = List.copyOf(models.subList(0, Math.min(200, models.size())));
        clear();
        estate.reload();
        long start = System.nanoTime();
        insert(fixture);
        long insertNanos = System.nanoTime() - start;
        fixture = new GraphFixtures.Estate(List.of(), List.of());
        long baseline = usedHeap();

        long[] loads = new long[3];
        DependencyGraph graph = null;
        for (int i = 0; i < loads.length; i++) {
            graph = null;
            usedHeap();
            start = System.nanoTime();
            graph = estate.reload();
            loads[i] = System.nanoTime() - start;
        }
        Arrays.sort(loads);
        long withGraph = usedHeap();
        int nodes = graph.nodeCount();
        int edges = graph.edgeCount();
        graph = null;

        for (int i = 0; i < WARMUP; i++) {
            impact(roots.get(i % roots.size()));
        }
        long[] latencies = new long[QUERIES];
        long answered = 0;
        for (int i = 0; i < QUERIES; i++) {
            String root = roots.get(i % roots.size());
            long begin = System.nanoTime();
            answered += impact(root).length();
            latencies[i] = System.nanoTime() - begin;
        }
        Arrays.sort(latencies);
        Set<Integer> resultSizes = new HashSet<>();
        for (String root : roots) {
            resultSizes.add(new FieldImpactAnalysis(estate.read())
                    .impact(root, List.of())
                    .size());
        }

        report.add(String.format(
                "%,d assets / %,d dependencies (batched JDBC insert %,.1f s)", nodes, edges, insertNanos / 1e9));
        report.add(String.format(
                "  graph load (as at start)  median %,.0f ms  (min %,.0f, max %,.0f, 3 runs)",
                loads[1] / 1e6, loads[0] / 1e6, loads[2] / 1e6));
        report.add(String.format(
                "  impact over HTTP          p50 %,.2f ms  p99 %,.2f ms  (%d roots, %,d queries,"
                        + " %d-%d impacted each, %,d response bytes)",
                percentile(latencies, 50) / 1e6,
                percentile(latencies, 99) / 1e6,
                roots.size(),
                QUERIES,
                resultSizes.stream().min(Integer::compare).orElse(0),
                resultSizes.stream().max(Integer::compare).orElse(0),
                answered));
        report.add(String.format(
                "  heap held by the graph    %,.1f MB  (used heap after the load minus before," + " after GC)",
                (withGraph - baseline) / 1e6));
        measureFindings(report);
        measureTimelines(models, report);
        return latencies;
    }

    /**
     * Findings: the first request after a change computes them (graph + four bulk reads + every rule), later ones
     * read the cached result; the computation alone is timed in process too, three times.
     */
    private void measureFindings(List<String> report) throws Exception {
        long begin = System.nanoTime();
        String first = get("/api/v1/findings?severity=ERROR");
        long cold = System.nanoTime() - begin;
        long[] computations = new long[3];
        int found = 0;
        for (int i = 0; i < computations.length; i++) {
            begin = System.nanoTime();
            Instant now = Instant.now();
            EstateFacts facts = new EstateFacts(
                    estate.read().snapshot(),
                    health.latestFieldMetadata(),
                    health.highCriticalityAssets(),
                    health.replicas(),
                    health.majorReleasesSince(now.minus(Duration.ofDays(90))),
                    now);
            found = FindingsAnalyser.withAllRules(2, Duration.ofDays(90))
                    .analyse(facts)
                    .size();
            computations[i] = System.nanoTime() - begin;
        }
        Arrays.sort(computations);
        long[] warm = new long[200];
        for (int i = 0; i < warm.length; i++) {
            begin = System.nanoTime();
            get("/api/v1/findings?severity=ERROR");
            warm[i] = System.nanoTime() - begin;
        }
        Arrays.sort(warm);
        report.add(String.format(
                "  findings                  computed in process median %,.0f ms (%,d findings);"
                        + " first request %,.0f ms, cached p50 %,.2f ms (%,d bytes with severity=ERROR)",
                computations[1] / 1e6, found, cold / 1e6, percentile(warm, 50) / 1e6, first.length()));
    }

    /**
     * Timelines of models (their whole upstream, up to watershed.timeline.max-assets, over a journal of two events per
     * asset in 60 days), default window and limit. Fewer queries than for impact: each reads up to 2,000 assets'
     * events.
     */
    private void measureTimelines(List<String> models, List<String> report) throws Exception {
        List<String> sample = models.subList(0, Math.min(50, models.size()));
        for (String model : sample.subList(0, Math.min(10, sample.size()))) {
            get("/api/v1/assets/" + model + "/timeline");
        }
        long[] latencies = new long[2 * sample.size()];
        long covered = 0;
        for (int i = 0; i < latencies.length; i++) {
            long begin = System.nanoTime();
            String body = get("/api/v1/assets/" + sample.get(i % sample.size()) + "/timeline");
            latencies[i] = System.nanoTime() - begin;
            Matcher assets = ASSETS_COVERED.matcher(body);
            covered += assets.find() ? Long.parseLong(assets.group(1)) : 0;
        }
        Arrays.sort(latencies);
        report.add(String.format(
                "  model timeline over HTTP  p50 %,.2f ms  p99 %,.2f ms  (%d models, %d queries,"
                        + " %,.0f upstream assets read on average)",
                percentile(latencies, 50) / 1e6,
                percentile(latencies, 99) / 1e6,
                sample.size(),
                latencies.length,
                (double) covered / latencies.length));
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(assets.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private String impact(String root) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(assets.resolve(root + "/impact")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "impact of " + root + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private void clear() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String table : List.of(
                    "event_asset",
                    "inbox_notification",
                    "delivery",
                    "notification_event",
                    "dependency",
                    "contract",
                    "asset_tag",
                    "asset",
                    "api_token",
                    "team")) {
                statement.executeUpdate("DELETE FROM " + table);
            }
            statement.executeUpdate("UPDATE estate_version SET version = version + 1");
        }
    }

    private void insert(GraphFixtures.Estate fixture) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        Map<String, String> versions = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Set<String> owners = fixture.nodes().stream().map(AssetNode::owner).collect(Collectors.toSet());
            try (PreparedStatement team =
                    connection.prepareStatement("INSERT INTO team (id, name, email, created_at) VALUES (?, ?, ?, ?)")) {
                long id = 1;
                for (String owner : owners) {
                    team.setLong(1, id++);
                    team.setString(2, owner);
                    team.setString(3, owner + "@example.org");
                    team.setTimestamp(4, now);
                    team.addBatch();
                }
                team.executeBatch();
            }
            try (PreparedStatement asset = connection.prepareStatement("INSERT INTO asset (id, name, kind,"
                            + " owner_team, criticality, compatibility, strict_compatibility, created_at, updated_at)"
                            + " VALUES (?, ?, ?, ?, 'MEDIUM', 'BACKWARD', FALSE, ?, ?)");
                    PreparedStatement contract = connection.prepareStatement("INSERT INTO contract (id, asset_id,"
                            + " version, major, minor, patch, format, status, fingerprint, schema_text, fields_json,"
                            + " created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, 'JSON_SCHEMA', 'ACTIVE', 'bench',"
                            + " '{\"type\":\"object\"}', '{}', ?, 'bench')")) {
                long id = 1_000_000_000L;
                int pending = 0;
                for (AssetNode node : fixture.nodes()) {
                    long assetId = id++;
                    asset.setLong(1, assetId);
                    asset.setString(2, node.name());
                    asset.setString(3, node.kind());
                    asset.setString(4, node.owner());
                    asset.setTimestamp(5, now);
                    asset.setTimestamp(6, now);
                    asset.addBatch();
                    contract.setLong(1, id++);
                    contract.setLong(2, assetId);
                    contract.setString(3, node.latestVersion().toString());
                    contract.setInt(4, node.latestVersion().major());
                    contract.setInt(5, node.latestVersion().minor());
                    contract.setInt(6, node.latestVersion().patch());
                    contract.setTimestamp(7, now);
                    contract.addBatch();
                    versions.put(node.name(), node.latestVersion().toString());
                    if (++pending == BATCH) {
                        asset.executeBatch();
                        contract.executeBatch();
                        pending = 0;
                    }
                }
                asset.executeBatch();
                contract.executeBatch();
            }
            try (PreparedStatement dependency = connection.prepareStatement("INSERT INTO dependency (id, producer,"
                    + " consumer, version_range, resolved_version, fields_json, data_usage, created_at, created_by,"
                    + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'bench', ?)")) {
                long id = 2_000_000_000L;
                int pending = 0;
                for (DependencyEdge edge : fixture.edges()) {
                    dependency.setLong(1, id++);
                    dependency.setString(2, edge.producer());
                    dependency.setString(3, edge.consumer());
                    dependency.setString(4, edge.versionRange().toString());
                    dependency.setString(5, versions.get(edge.producer()));
                    dependency.setString(
                            6,
                            edge.fields().stream()
                                    .map(field -> "\"" + field + "\"")
                                    .collect(Collectors.joining(",", "[", "]")));
                    dependency.setString(7, edge.usage().name());
                    dependency.setTimestamp(8, now);
                    dependency.setTimestamp(9, now);
                    dependency.addBatch();
                    if (++pending == BATCH) {
                        dependency.executeBatch();
                        pending = 0;
                    }
                }
                dependency.executeBatch();
            }
            insertJournal(connection, fixture, now.toInstant());
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE estate_version SET version = version + 1");
            }
            connection.commit();
            if (connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                // Fresh statistics, as a long-running database would have; without them the planner picks a
                // nested loop for the load's join.
                try (Statement statement = connection.createStatement()) {
                    statement.execute("ANALYZE");
                }
                connection.commit();
            }
        }
    }

    /**
     * Two journal events per asset (its first publication and a dependency change), spread over the last 60 days,
     * linked as the service links them, so that timelines read a journal the size of the estate.
     */
    private static void insertJournal(Connection connection, GraphFixtures.Estate fixture, Instant now)
            throws SQLException {
        Random random = new Random(SEED);
        try (PreparedStatement event = connection.prepareStatement("INSERT INTO notification_event (id, type,"
                        + " subject, occurred_at, data) VALUES (?, ?, ?, ?, ?)");
                PreparedStatement link = connection.prepareStatement(
                        "INSERT INTO event_asset (event_id, asset," + " occurred_at) VALUES (?, ?, ?)")) {
            int pending = 0;
            for (AssetNode node : fixture.nodes()) {
                for (String type : List.of("contract.published", "dependency.added")) {
                    String id = UUID.randomUUID().toString();
                    Timestamp at = Timestamp.from(now.minusSeconds(random.nextInt(60 * 24 * 3600)));
                    event.setString(1, id);
                    event.setString(2, type);
                    event.setString(3, node.name());
                    event.setTimestamp(4, at);
                    event.setString(
                            5,
                            "contract.published".equals(type)
                                    ? "{\"asset\":\"" + node.name() + "\",\"version\":\"" + node.latestVersion() + "\"}"
                                    : "{\"producer\":\"" + node.name() + "\",\"consumer\":\"" + node.name() + "\"}");
                    event.addBatch();
                    link.setString(1, id);
                    link.setString(2, node.name());
                    link.setTimestamp(3, at);
                    link.addBatch();
                    if (++pending == BATCH) {
                        event.executeBatch();
                        link.executeBatch();
                        pending = 0;
                    }
                }
            }
            event.executeBatch();
            link.executeBatch();
        }
    }

    private static double percentile(long[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percent / 100.0) - 1)];
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
