package dev.watershed.application.dependency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watershed.application.config.WatershedConfig;
import dev.watershed.domain.contract.SemanticVersion;
import dev.watershed.domain.graph.AssetNode;
import dev.watershed.domain.graph.DependencyCycleCheck;
import dev.watershed.domain.graph.DependencyEdge;
import dev.watershed.domain.graph.DependencyGraph;
import dev.watershed.domain.graph.VersionRange;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The graph's synchronisation with the store, without Quarkus: a fake store and a fake transaction. */
class EstateGraphTest {

    private static final AssetNode A = new AssetNode("a", "SOURCE", "t", SemanticVersion.FIRST);
    private static final AssetNode B = new AssetNode("b", "DATASET", "t", SemanticVersion.FIRST);

    private final FakeStore store = new FakeStore();
    private final FakeTransaction transaction = new FakeTransaction();
    private final EstateGraph estate = new EstateGraph(store, transaction, config(Duration.ZERO));

    @Test
    void changesShowOnlyAfterCommit() {
        store.assets = List.of(A, B);
        estate.reload();

        transaction.begin();
        estate.forWrite();
        estate.afterCommit(graph -> graph.putDependency(DependencyEdge.of("a", "b")));
        store.edges = List.of(DependencyEdge.of("a", "b"));
        assertThat(estate.read().edgeCount()).isZero();
        assertThat(store.loads).isEqualTo(1);
        store.commit();
        transaction.end(Status.STATUS_COMMITTED);

        assertThat(estate.read().dependency("a", "b")).isPresent();
        assertThat(store.loads)
                .as("its own commit does not make the replica reload")
                .isEqualTo(1);
    }

    @Test
    void aRolledBackWriteLeavesTheGraphAsItWas() {
        store.assets = List.of(A, B);
        estate.reload();
        transaction.begin();
        estate.forWrite();
        estate.afterCommit(graph -> graph.putDependency(DependencyEdge.of("a", "b")));
        transaction.end(Status.STATUS_ROLLEDBACK);

        assertThat(estate.read().edgeCount()).isZero();
        assertThat(store.loads).isEqualTo(1);
    }

    @Test
    void anotherReplicasWriteIsPickedUpByTheNextRead() {
        store.assets = List.of(A, B);
        estate.reload();
        store.edges = List.of(DependencyEdge.of("a", "b"));
        store.version++;

        assertThat(estate.read().dependency("a", "b")).isPresent();
        assertThat(store.loads).isEqualTo(2);
        estate.read();
        assertThat(store.loads).isEqualTo(2);
    }

    @Test
    void aWriterBehindAnotherReplicaReloadsBeforeChecking() {
        store.assets = List.of(A, B);
        estate.reload();
        store.edges = List.of(DependencyEdge.of("a", "b"));
        store.version++;

        transaction.begin();
        DependencyGraph graph = estate.forWrite();
        assertThat(new DependencyCycleCheck(graph).cycleIfAdded("b", "a")).contains(List.of("b", "a", "b"));
        transaction.end(Status.STATUS_ROLLEDBACK);
        assertThat(store.loads).isEqualTo(2);
    }

    @Test
    void readsWithinTheIntervalDoNotAskTheStore() {
        EstateGraph lazy = new EstateGraph(store, transaction, config(Duration.ofHours(1)));
        lazy.read();
        int checks = store.versionReads;
        store.version++;
        lazy.read();
        assertThat(store.versionReads).isEqualTo(checks);
    }

    private static WatershedConfig config(Duration interval) {
        WatershedConfig.Graph graph = new WatershedConfig.Graph() {
            @Override
            public int maxDepth() {
                return 10;
            }

            @Override
            public Duration refreshCheckInterval() {
                return interval;
            }
        };
        return (WatershedConfig) Proxy.newProxyInstance(
                WatershedConfig.class.getClassLoader(),
                new Class<?>[] {WatershedConfig.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("graph")) {
                        return graph;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static final class FakeStore implements DependencyStore {

        List<AssetNode> assets = List.of();
        List<DependencyEdge> edges = List.of();
        /** Committed value, as other transactions see it. */
        long version;

        long uncommitted;
        int loads;
        int versionReads;

        @Override
        public long incrementEstateVersion() {
            uncommitted = version + 1;
            return uncommitted;
        }

        void commit() {
            version = uncommitted;
        }

        @Override
        public long estateVersion() {
            versionReads++;
            return version;
        }

        @Override
        public EstateSnapshot loadEstate() {
            loads++;
            return new EstateSnapshot(assets, edges, version);
        }

        @Override
        public Optional<Dependency> find(String producer, String consumer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Dependency> ofConsumer(String consumer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Dependency> ofProducer(String producer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void save(Dependency dependency) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean remove(String producer, String consumer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void removeTouching(String asset) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void updateResolvedVersion(String producer, String consumer, SemanticVersion resolved) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<String> consumersWithoutRange(String producer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void assignMissingRanges(String producer, VersionRange range, SemanticVersion resolved) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class FakeTransaction implements TransactionSynchronizationRegistry {

        private Object key;
        private final Map<Object, Object> resources = new HashMap<>();
        private final List<Synchronization> synchronizations = new ArrayList<>();

        void begin() {
            key = new Object();
        }

        void end(int status) {
            synchronizations.forEach(Synchronization::beforeCompletion);
            synchronizations.forEach(s -> s.afterCompletion(status));
            synchronizations.clear();
            resources.clear();
            key = null;
        }

        @Override
        public Object getTransactionKey() {
            return key;
        }

        @Override
        public void putResource(Object resourceKey, Object value) {
            resources.put(resourceKey, value);
        }

        @Override
        public Object getResource(Object resourceKey) {
            return resources.get(resourceKey);
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            synchronizations.add(sync);
        }

        @Override
        public int getTransactionStatus() {
            return key == null ? Status.STATUS_NO_TRANSACTION : Status.STATUS_ACTIVE;
        }

        @Override
        public void setRollbackOnly() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }
}
