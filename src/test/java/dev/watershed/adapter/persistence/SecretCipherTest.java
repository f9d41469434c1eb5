package dev.watershed.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.watershed.application.notification.UnreadableSecretException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {

    private static final String SECRET = "secret-of-risk-ml-0123456789";

    @TempDir
    Path directory;

    @Test
    void aSecretIsStoredAsVersionedCiphertextThatOnlyTheSameKeyOpens() {
        SecretCipher cipher = new SecretCipher(key(1));

        String stored = cipher.encrypt(SECRET);

        assertThat(stored)
                .startsWith("v1:")
                .doesNotContain(SECRET)
                .doesNotContain(Base64.getEncoder().encodeToString(SECRET.getBytes()));
        assertThat(cipher.encrypt(SECRET)).as("a fresh IV every time").isNotEqualTo(stored);
        assertThat(cipher.decrypt(stored)).isEqualTo(SECRET);
        assertThat(new SecretCipher(key(1)).decrypt(stored))
                .as("another instance, same key")
                .isEqualTo(SECRET);
        assertThatThrownBy(() -> new SecretCipher(key(2)).decrypt(stored))
                .isInstanceOf(UnreadableSecretException.class)
                .hasMessageContaining("another one");
    }

    @Test
    void anAlteredCiphertextIsRefusedRatherThanDecryptedWrongly() {
        SecretCipher cipher = new SecretCipher(key(1));
        byte[] sealed = Base64.getDecoder().decode(cipher.encrypt(SECRET).substring(3));
        sealed[sealed.length - 20] ^= 1;

        assertThatThrownBy(() -> cipher.decrypt("v1:" + Base64.getEncoder().encodeToString(sealed)))
                .isInstanceOf(UnreadableSecretException.class);
        assertThatThrownBy(() -> cipher.decrypt("v1:not base64!")).isInstanceOf(UnreadableSecretException.class);
        assertThatThrownBy(() -> cipher.decrypt("v1:")).isInstanceOf(UnreadableSecretException.class);
    }

    @Test
    void aPlainSecretFromBeforeEncryptionReadsAsItIs() {
        assertThat(new SecretCipher(key(1)).decrypt(SECRET)).isEqualTo(SECRET);
        assertThat(SecretCipher.encrypted(SECRET)).isFalse();
    }

    @Test
    void theKeyFileIsCreatedOwnerOnlyOnceAndReadOnEveryStart() throws IOException {
        Path file = directory.resolve("data").resolve("secrets.key");

        byte[] first = SecretCipher.keyFromFile(file);
        byte[] again = SecretCipher.keyFromFile(file);

        assertThat(first).hasSize(32).isEqualTo(again);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.list(file.getParent())).containsExactly(file);
        String stored = new SecretCipher(first).encrypt(SECRET);
        assertThat(new SecretCipher(again).decrypt(stored)).isEqualTo(SECRET);
    }

    @Test
    void aKeyOfTheWrongSizeStopsTheStartWithWhatToDo() throws IOException {
        Path file = directory.resolve("short.key");
        Files.writeString(file, Base64.getEncoder().encodeToString(new byte[16]));

        assertThatThrownBy(() -> SecretCipher.keyFromFile(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds 16 bytes, not 32")
                .hasMessageContaining("openssl rand -base64 32");
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i);
        }
        return key;
    }
}
