package dev.watershed.application.access;

import dev.watershed.application.config.WatershedConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.jboss.logging.Logger;

/**
 * Makes sure someone can administer a new registry: without a configured bootstrap token, the first start creates
 * an admin token, prints it once and leaves it in a file only the registry's user can read.
 */
@ApplicationScoped
public class FirstStart {

    private static final Logger LOG = Logger.getLogger(FirstStart.class);
    static final String TOKEN_FILE = "admin-token";

    private final TokenService tokens;
    private final WatershedConfig config;

    public FirstStart(TokenService tokens, WatershedConfig config) {
        this.tokens = tokens;
        this.config = config;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        tokens.createFirstAdminTokenIfNeeded().ifPresent(issued -> {
            Path file = writeOwnerOnly(Path.of(config.dataDir()).resolve(TOKEN_FILE), issued.secret());
            LOG.infof(
                    "First start: created an admin token. It is shown only now and saved in %s%n%n    %s%n",
                    file.toAbsolutePath(), issued.secret());
        });
    }

    private static Path writeOwnerOnly(Path file, String secret) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, secret + System.lineSeparator());
            return file;
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: fall back to the platform's default permissions.
            try {
                Files.writeString(file, secret + System.lineSeparator());
                return file;
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the first admin token to " + file, e);
        }
    }
}
