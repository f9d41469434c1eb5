package dev.watershed.adapter.persistence;

import dev.watershed.application.config.WatershedConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * What the embedded H2 database needs before the registry takes its first request: commits on disk before they are
 * acknowledged, and files only the registry's user can read. Does nothing on another database (PostgreSQL keeps its
 * default synchronous commit).
 *
 * <p>H2 keeps committed transactions in memory and writes them in the background every {@code WRITE_DELAY}
 * milliseconds (500 by default): a process killed in between loses writes that were answered 201. With a delay of 0
 * every commit is written to the file before the commit returns. That write goes to the operating system, so it
 * survives a killed or crashed process; {@link DeviceSync} then forces the file to the device before the write is
 * acknowledged, so that it survives a power cut too. A JDBC URL that sets {@code WRITE_DELAY} itself is obeyed,
 * with a warning when it is not 0.
 */
@ApplicationScoped
public class EmbeddedDatabase {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private final AgroalDataSource dataSource;
    private final WatershedConfig config;
    private final DeviceSync deviceSync;

    public EmbeddedDatabase(AgroalDataSource dataSource, WatershedConfig config, DeviceSync deviceSync) {
        this.dataSource = dataSource;
        this.config = config;
        this.deviceSync = deviceSync;
    }

    // Before everything else that starts with the application, so no write is acknowledged under a longer delay.
    void onStart(@Observes @Priority(1) StartupEvent event) {
        try (Connection connection = dataSource.getConnection()) {
            if (!"H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                String url = connection.getMetaData().getURL();
                // A URL that names a delay chose it on purpose (a benchmark of what durability costs, say).
                if (url == null || !url.toUpperCase(Locale.ROOT).contains(";WRITE_DELAY=")) {
                    statement.execute("SET WRITE_DELAY 0");
                }
                String delay = writeDelay(statement);
                deviceSync.enable(config.durability().syncBeforeAcknowledge());
                if ("0".equals(delay) && deviceSync.enabled()) {
                    LOG.info("Embedded H2 database: each commit is written to the file and forced to the device"
                            + " before it is acknowledged (one sync shared by the writes that wait together)");
                } else if ("0".equals(delay)) {
                    LOG.info("Embedded H2 database: each commit is written to the file before it is acknowledged,"
                            + " not forced to the device (watershed.durability.sync-before-acknowledge=false)");
                } else {
                    LOG.warnf(
                            "Embedded H2 database: commits are written up to %s ms after they are acknowledged; a"
                                    + " killed process loses what was acknowledged meanwhile",
                            delay);
                }
                restrictToOwner(Path.of(config.dataDir()));
                restrictToOwner(databaseDirectory(statement));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not set up the embedded database", e);
        }
    }

    private static String writeDelay(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            return row.next() ? row.getString(1) : "unknown";
        }
    }

    /** The directory of the database files; {@code null} for an in-memory database. */
    private static Path databaseDirectory(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery("CALL DATABASE_PATH()")) {
            String path = row.next() ? row.getString(1) : null;
            return path == null ? null : Path.of(path).toAbsolutePath().getParent();
        }
    }

    /**
     * The directory readable by the owner alone, and every file in it: the database holds webhook secrets and
     * contract text of every team, and H2 creates its files with the process's default permissions.
     */
    static void restrictToOwner(Path directory) {
        if (directory == null || !Files.isDirectory(directory)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(directory, OWNER_DIRECTORY);
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(file)) {
                        Files.setPosixFilePermissions(file, OWNER_FILE);
                    }
                }
            }
        } catch (UnsupportedOperationException notPosix) {
            LOG.debugf("%s is not on a POSIX file system; its permissions are left as they are", directory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not make " + directory + " readable by its owner only", e);
        }
    }
}
