package dev.watershed.adapter.persistence;

import dev.watershed.application.config.WatershedConfig;
import dev.watershed.application.notification.UnreadableSecretException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Encrypts webhook secrets before they reach the database, with AES-256-GCM and a key kept apart from it: the
 * environment ({@code WATERSHED_SECRETS_KEY}, base64 of 32 bytes) or else a key file, created owner-only on first
 * start. A stored secret is {@code v1:} followed by base64 of a random 12-byte IV, the ciphertext and the 16-byte tag;
 * GCM's tag makes a wrong key or an altered value fail instead of yielding a wrong secret. A copy of the database
 * alone (a dump, a backup, the H2 file) holds no usable secret.
 */
@Singleton
public class SecretCipher {

    private static final Logger LOG = Logger.getLogger(SecretCipher.class);

    static final String PREFIX = "v1:";
    static final String KEY_FILE = "secrets.key";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Binds each ciphertext to its purpose: it decrypts as a webhook secret and as nothing else. */
    private static final byte[] CONTEXT = "watershed/subscription.secret".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public SecretCipher(WatershedConfig config) {
        this(loadKey(config));
    }

    SecretCipher(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the secrets key must be " + KEY_BYTES + " bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    String encrypt(String secret) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(CONTEXT);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length)
                                    .put(iv)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has AES-GCM", e);
        }
    }

    /**
     * @param stored a value written by {@link #encrypt}, or a plain secret from before encryption (no prefix), which
     *               comes back as it is until the start-up step encrypts it
     * @throws UnreadableSecretException when the value does not decrypt with this key
     */
    String decrypt(String stored) {
        if (!encrypted(stored)) {
            return stored;
        }
        try {
            byte[] sealed = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            if (sealed.length < IV_BYTES + TAG_BITS / 8) {
                throw new IllegalArgumentException("too short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(CONTEXT);
            return new String(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UnreadableSecretException(
                    "a stored webhook secret does not decrypt with this registry's key:"
                            + " it was encrypted with another one. Give every replica the key the secrets were written with"
                            + " (WATERSHED_SECRETS_KEY or the key file)",
                    e);
        }
    }

    static boolean encrypted(String stored) {
        return stored.startsWith(PREFIX);
    }

    private static byte[] loadKey(WatershedConfig config) {
        if (config.secrets().key().isPresent()) {
            LOG.info("Webhook secrets: encrypted with the key from watershed.secrets.key (WATERSHED_SECRETS_KEY)");
            return decodeKey(config.secrets().key().get(), "watershed.secrets.key (WATERSHED_SECRETS_KEY)");
        }
        Path file = Path.of(config.secrets()
                .keyFile()
                .orElse(Path.of(config.dataDir()).resolve(KEY_FILE).toString()));
        byte[] key = keyFromFile(file);
        LOG.infof("Webhook secrets: encrypted with the key in %s", file.toAbsolutePath());
        return key;
    }

    /** The key in {@code file}, which is created with a new random key when it does not exist. */
    static byte[] keyFromFile(Path file) {
        if (!Files.exists(file)) {
            createKeyFile(file);
        }
        warnIfReadableByOthers(file);
        try {
            return decodeKey(Files.readString(file), file.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the secrets key file " + file, e);
        }
    }

    private static byte[] decodeKey(String text, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not base64: make a key with 'openssl rand -base64 32'");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(source + " holds " + key.length + " bytes, not " + KEY_BYTES
                    + ": make a key with 'openssl rand -base64 32'");
        }
        return key;
    }

    /**
     * Written owner-only into a temporary file that is then moved into place, never over an existing key: another
     * process never reads a half-written key, and one that lost the race to create it reads the winner's.
     */
    private static void createKeyFile(Path file) {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path directory = file.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            try {
                temporary = Files.createTempFile(
                        directory,
                        KEY_FILE,
                        ".new",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the platform's default permissions.
                temporary = Files.createTempFile(directory, KEY_FILE, ".new");
            }
            Files.writeString(temporary, Base64.getEncoder().encodeToString(key) + System.lineSeparator());
            Files.move(temporary, file);
            LOG.warnf(
                    "Webhook secrets: created a new key in %s. Keep it apart from backups of the database, and with"
                            + " several replicas give all of them one key in WATERSHED_SECRETS_KEY instead",
                    file.toAbsolutePath());
        } catch (FileAlreadyExistsException e) {
            // Another process made it first: use that one.
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the secrets key file " + file, e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary != null) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                LOG.warnf("could not delete %s", temporary);
            }
        }
    }

    private static void warnIfReadableByOthers(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream()
                    .anyMatch(permission -> permission.name().startsWith("GROUP")
                            || permission.name().startsWith("OTHERS"))) {
                LOG.warnf(
                        "Webhook secrets: %s can be read by other users (%s); make it owner-only (chmod 600)",
                        file.toAbsolutePath(), PosixFilePermissions.toString(permissions));
            }
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system, or unreadable: reading it below says so.
        }
    }
}
