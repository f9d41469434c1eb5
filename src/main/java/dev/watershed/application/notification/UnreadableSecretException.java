package dev.watershed.application.notification;

/**
 * A stored webhook secret that this registry's key does not decrypt: the key changed, or replicas on one database
 * have different keys. The delivery is not sent (unsigned would be worse) until the key is fixed and it is retried.
 */
public class UnreadableSecretException extends RuntimeException {

    public UnreadableSecretException(String message, Throwable cause) {
        super(message, cause);
    }
}
