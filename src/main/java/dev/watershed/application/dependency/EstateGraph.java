package dev.watershed.application.dependency;

import dev.watershed.application.asset.EstateChangeListener;
import dev.watershed.application.config.WatershedConfig;
import dev.watershed.domain.asset.Asset;
import dev.watershed.domain.contract.Contract;
import dev.watershed.domain.contract.SemanticVersion;
import dev.watershed.domain.graph.AssetNode;
import dev.watershed.domain.graph.DependencyEdge;
import dev.watershed.domain.graph.DependencyGraph;
import dev.watershed.domain.graph.GraphSnapshot;
import dev.watershed.domain.graph.VersionRange;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Holds the estate's {@link DependencyGraph} in memory and keeps it in step with the database, on this replica and
 * across replicas sharing one database.
 *
 * <p><b>Writes</b> call {@link #forWrite()} inside their transaction. The first call increments the estate change
 * counter (its row stays locked until commit, so writers on all replicas take turns) and, if the counter shows that
 * another replica wrote since this graph was loaded, reloads it first. The writer checks its change against that
 * graph (e.g. for a cycle) before committing, and hands the change to {@link #afterCommit}: it is applied to the
 * graph only once the transaction has committed, so a refused or failed write never shows.
 *
 * <p><b>Reads</b> call {@link #read()}, which compares the committed counter ({@link CommittedEstateVersion}: read
 * after the request arrived, or within {@code watershed.graph.refresh-check-interval} of it) with the graph's and
 * reloads in bulk when another replica moved it.
 */
@ApplicationScoped
public class EstateGraph implements EstateChangeListener {

    private static final Logger LOG = Logger.getLogger(EstateGraph.class);
    private static final long UNKNOWN = -1;
    private static final long LOCAL_COMMIT_WAIT_NANOS = 200_000_000;
    private static final Object WRITE_KEY = EstateGraph.class.getName() + ".write";

    private final DependencyStore store;
    private final TransactionSynchronizationRegistry transactions;
    private final CommittedEstateVersion committed;

    private volatile DependencyGraph graph = new DependencyGraph();
    /** The counter value the graph reflects; {@link #UNKNOWN} until loaded or after a doubtful change. */
    private volatile long version = UNKNOWN;
    /** Counter values of this replica's writers that have not applied their change yet (guarded by this). */
    private final Set<Long> finishing = new HashSet<>();

    public EstateGraph(DependencyStore store, TransactionSynchronizationRegistry transactions, WatershedConfig config) {
        this.store = store;
        this.transactions = transactions;
        this.committed = new CommittedEstateVersion(
                store, config.graph().refreshCheckInterval().toNanos());
    }

    void onStart(@Observes @Priority(5) StartupEvent event) {
        long start = System.nanoTime();
        DependencyGraph loaded = reload();
        LOG.infof(
                "Loaded the dependency graph: %d assets, %d dependencies in %.0f ms",
                loaded.nodeCount(), loaded.edgeCount(), (System.nanoTime() - start) / 1e6);
    }

    /**
     * The graph for a query: current with the database, give or take the refresh-check interval. Inside a
     * transaction that has written (a plan's steps, a publish computing its impact), the graph that transaction
     * checked against: reloading there would read its uncommitted writes into the shared graph, and keep them even
     * when it rolls back, as every dry-run plan does.
     */
    public DependencyGraph read() {
        if (writingTransaction()) {
            PendingWrite pending = (PendingWrite) transactions.getResource(WRITE_KEY);
            if (pending.working != null) {
                return pending.working;
            }
            synchronized (this) {
                return graph;
            }
        }
        long current = committed.current();
        // The graph's version is always a committed one; ahead of this reading means a commit of this replica
        // landed since, and the graph has it already.
        if (current > version) {
            synchronized (this) {
                awaitCommitsOfThisReplica(current + 1);
                if (current > version) {
                    load();
                }
            }
        }
        return graph;
    }

    /**
     * The estate change counter as committed when this call was made (give or take the refresh-check interval):
     * what a cache of anything the counter covers (assets, contracts, dependencies) compares its entries with.
     */
    public long committedVersion() {
        return committed.current();
    }

    /** Reloads the whole graph from the database in bulk and returns it. */
    public synchronized DependencyGraph reload() {
        load();
        return graph;
    }

    private void load() {
        EstateSnapshot snapshot = store.loadEstate();
        graph = DependencyGraph.of(snapshot.assets(), snapshot.dependencies());
        version = snapshot.version();
    }

    /**
     * The graph to check a write against, inside the writing transaction: takes this transaction's turn among
     * writers (once per transaction) and makes sure the graph includes every other replica's committed writes.
     */
    public DependencyGraph forWrite() {
        if (transactions.getTransactionKey() == null) {
            throw new IllegalStateException("forWrite needs a transaction");
        }
        PendingWrite pending = (PendingWrite) transactions.getResource(WRITE_KEY);
        if (pending == null) {
            long next = store.incrementEstateVersion();
            pending = new PendingWrite(next);
            transactions.putResource(WRITE_KEY, pending);
            PendingWrite registered = pending;
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // Nothing to check: the changes were validated when they were made.
                }

                @Override
                public void afterCompletion(int status) {
                    finish(registered, status == Status.STATUS_COMMITTED);
                }
            });
            synchronized (this) {
                finishing.add(next);
                awaitCommitsOfThisReplica(next);
                if (version != next - 1) {
                    // Behind another writer. Reading through this transaction sees every commit before ours
                    // (we hold the counter's row) plus our own changes so far, which are re-applied harmlessly.
                    EstateSnapshot snapshot = store.loadEstate();
                    graph = DependencyGraph.of(snapshot.assets(), snapshot.dependencies());
                    version = next - 1;
                    pending.reloaded = true;
                }
            }
        }
        return pending.working != null ? pending.working : graph;
    }

    /**
     * Makes every later step of this transaction check against, and read, a private copy of the graph that takes
     * this transaction's own changes at once (they still reach the shared graph only at commit). For a transaction
     * of many dependent steps, such as a plan that removes a dependency and then deletes its producer; a single
     * change does not need it and skips the copy, proportional to the estate.
     */
    public void isolateThisTransaction() {
        forWrite();
        PendingWrite pending = (PendingWrite) transactions.getResource(WRITE_KEY);
        if (pending.working == null) {
            GraphSnapshot snapshot;
            synchronized (this) {
                snapshot = graph.snapshot();
            }
            pending.working = DependencyGraph.of(snapshot.assets(), snapshot.edgeSet());
        }
    }

    /**
     * The graph for a read made inside a transaction that may have written already (notifications computed with
     * the change). After {@link #forWrite()} the counter this transaction raised is visible to it but not yet
     * committed, so {@link #read()} would reload a graph that misses this transaction's queued changes and then
     * skip them at commit; this returns the graph {@code forWrite} checked instead.
     */
    public DependencyGraph readInTransaction() {
        return read();
    }

    private boolean writingTransaction() {
        return transactions.getTransactionKey() != null && transactions.getResource(WRITE_KEY) != null;
    }

    /** Queues a change to the graph for when the current transaction commits; call {@link #forWrite()} first. */
    public void afterCommit(Consumer<DependencyGraph> change) {
        PendingWrite pending = (PendingWrite) transactions.getResource(WRITE_KEY);
        if (pending == null) {
            throw new IllegalStateException("call forWrite() in this transaction first");
        }
        pending.changes.add(change);
        if (pending.working != null) {
            change.accept(pending.working);
        }
    }

    /**
     * Writers of this replica below {@code next} have committed (a writer holding the counter's row, or a reader that
     * read the counter at {@code next - 1}, knows every number up to {@code next - 1} is) but apply their changes to
     * the graph only in their afterCompletion, a moment later. Waiting that moment is far cheaper than reloading the
     * whole estate, which is what another replica's commit needs. Bounded, in case such a writer's thread is held
     * up elsewhere: then the caller reloads.
     */
    private void awaitCommitsOfThisReplica(long next) {
        long deadline = System.nanoTime() + LOCAL_COMMIT_WAIT_NANOS;
        while (version != UNKNOWN && version < next - 1 && finishingHere(version + 1, next - 1)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                wait(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean finishingHere(long from, long to) {
        for (long number = from; number <= to; number++) {
            if (!finishing.contains(number)) {
                return false;
            }
        }
        return true;
    }

    private synchronized void finish(PendingWrite pending, boolean committed) {
        finishing.remove(pending.version);
        notifyAll();
        if (!committed) {
            if (pending.reloaded) {
                // The reload may have included this transaction's own writes, which are now undone.
                version = UNKNOWN;
            }
            return;
        }
        if (version == pending.version - 1) {
            try {
                pending.changes.forEach(change -> change.accept(graph));
                version = pending.version;
            } catch (RuntimeException e) {
                LOG.warn("could not apply a committed change to the dependency graph; reloading on next read", e);
                version = UNKNOWN;
            }
        } else if (version < pending.version) {
            // Another commit landed in between (or a reload is pending): reload rather than guess the order.
            version = UNKNOWN;
        }
    }

    @Override
    public void assetSaved(Asset asset) {
        forWrite();
        String name = asset.name().value();
        afterCommit(graph -> graph.upsertNode(new AssetNode(
                name,
                asset.kind().name(),
                asset.owner(),
                graph.node(name).map(AssetNode::latestVersion).orElse(null))));
    }

    @Override
    public void assetRemoved(Asset asset) {
        forWrite();
        afterCommit(graph -> graph.removeNode(asset.name().value()));
    }

    @Override
    public void assetDetailsChanged(String asset) {
        forWrite();
    }

    /**
     * A new version is always the highest (versions only go up), so each consumer whose range takes it now
     * resolves to it; the others keep theirs. A dependency declared without a range while the producer had no
     * contract (lineage only) takes {@code ^<major>} of this first version, the range a declaration made now would
     * default to, and resolves to it.
     */
    @Override
    public void contractPublished(Contract contract) {
        DependencyGraph current = forWrite();
        String asset = contract.asset();
        SemanticVersion published = contract.version();
        List<DependencyEdge> moved = new ArrayList<>();
        if (current.node(asset).isPresent()) {
            List<DependencyEdge> consumers = current.directConsumers(asset);
            // In the graph a missing range reads as any version; only the store tells which ones have none. Only
            // an unresolved dependency can be one of them, and most publishes have none: no query then.
            Set<String> withoutRange = consumers.stream().anyMatch(edge -> edge.resolvedVersion() == null)
                    ? store.consumersWithoutRange(asset)
                    : Set.of();
            VersionRange firstRange = VersionRange.parse("^" + published.major());
            if (!withoutRange.isEmpty()) {
                store.assignMissingRanges(asset, firstRange, published);
            }
            for (DependencyEdge edge : consumers) {
                if (withoutRange.contains(edge.consumer())) {
                    moved.add(new DependencyEdge(
                            edge.producer(),
                            edge.consumer(),
                            firstRange,
                            published,
                            edge.fields(),
                            edge.usage(),
                            edge.note(),
                            edge.terms()));
                } else if (edge.versionRange().matches(published)
                        && (edge.resolvedVersion() == null || published.compareTo(edge.resolvedVersion()) > 0)) {
                    store.updateResolvedVersion(edge.producer(), edge.consumer(), published);
                    moved.add(edge.withResolvedVersion(published));
                }
            }
        }
        afterCommit(graph -> {
            graph.node(asset).ifPresent(node -> {
                SemanticVersion latest = node.latestVersion() == null || published.compareTo(node.latestVersion()) > 0
                        ? published
                        : node.latestVersion();
                graph.upsertNode(new AssetNode(node.name(), node.kind(), node.owner(), latest));
            });
            moved.forEach(graph::putDependency);
        });
    }

    /** One transaction's turn as a writer: the counter value it will commit and the graph changes to apply. */
    private static final class PendingWrite {

        private final long version;
        private final List<Consumer<DependencyGraph>> changes = new ArrayList<>();
        private boolean reloaded;
        /** This transaction's own graph, when isolated; {@code null}: the shared one. */
        private DependencyGraph working;

        PendingWrite(long version) {
            this.version = version;
        }
    }
}
