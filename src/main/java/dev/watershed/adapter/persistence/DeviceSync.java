package dev.watershed.adapter.persistence;

import dev.watershed.application.DurableCommits;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for the embedded H2 database. H2 writes each commit to its file (WRITE_DELAY 0, see {@link
 * EmbeddedDatabase}) but leaves it in the operating system's buffers; {@code CHECKPOINT SYNC} forces the file to the
 * device, at about a millisecond each. A writer about to be acknowledged needs a sync that started after its commit,
 * not one of its own: writers arriving while a sync runs wait for the next one, and that one covers them all, so
 * under load the cost of a sync is shared by every write that arrived together.
 */
@ApplicationScoped
public class DeviceSync implements DurableCommits {

    /** One sync of the database file to the device. */
    interface Sync {
        void run() throws SQLException;
    }

    private final Sync sync;
    private final ReentrantLock syncing = new ReentrantLock();
    private volatile boolean enabled;
    /**
     * {@link System#nanoTime()} when the last completed sync started (every commit before then is on the device);
     * {@code null} before the first.
     */
    private volatile Long lastSyncStarted;

    @Inject
    public DeviceSync(AgroalDataSource dataSource) {
        this(() -> {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT SYNC");
            }
        });
    }

    DeviceSync(Sync sync) {
        this.sync = sync;
    }

    /** Set once at start: only an embedded database needs it, and only when durable acknowledgements are wanted. */
    void enable(boolean enabled) {
        this.enabled = enabled;
    }

    boolean enabled() {
        return enabled;
    }

    @Override
    public void awaitDurable() {
        if (!enabled) {
            return;
        }
        long committed = System.nanoTime();
        if (coversCommitAt(committed)) {
            return;
        }
        syncing.lock();
        try {
            // The sync that held the lock may have started after our commit: then it covered us.
            if (coversCommitAt(committed)) {
                return;
            }
            long started = System.nanoTime();
            try {
                sync.run();
            } catch (SQLException e) {
                throw new IllegalStateException("could not force the database file to the device", e);
            }
            lastSyncStarted = started;
        } finally {
            syncing.unlock();
        }
    }

    private boolean coversCommitAt(long committed) {
        Long started = lastSyncStarted;
        return started != null && started - committed >= 0;
    }
}
