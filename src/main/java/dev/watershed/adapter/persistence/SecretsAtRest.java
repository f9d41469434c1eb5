package dev.watershed.adapter.persistence;

import dev.watershed.application.notification.UnreadableSecretException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The part of migration V9 that SQL cannot do: at every start, after Flyway, encrypts the webhook secrets still
 * stored in plain text (written before V9, or by a replica of an older version during a rolling upgrade), and says
 * so in the log when stored secrets do not decrypt with this registry's key. Each row is rewritten with a
 * compare-and-set on its old value, so replicas starting together encrypt each secret once.
 */
@ApplicationScoped
public class SecretsAtRest {

    private static final Logger LOG = Logger.getLogger(SecretsAtRest.class);

    /** How many secrets one start found and did. */
    public record Outcome(int encrypted, int unreadable) {}

    private final EntityManager em;
    private final SecretCipher cipher;

    public SecretsAtRest(EntityManager em, SecretCipher cipher) {
        this.em = em;
        this.cipher = cipher;
    }

    void onStart(@Observes @Priority(20) StartupEvent event) {
        Outcome outcome = encryptPlainSecrets();
        if (outcome.encrypted() > 0) {
            LOG.infof("Webhook secrets: encrypted %d stored in plain text", outcome.encrypted());
        }
        if (outcome.unreadable() > 0) {
            LOG.errorf(
                    "Webhook secrets: %d stored secrets do not decrypt with this registry's key, so their"
                            + " deliveries are not sent. Start the registry with the key they were written with"
                            + " (WATERSHED_SECRETS_KEY, or the key file), the same on every replica",
                    outcome.unreadable());
        }
    }

    public Outcome encryptPlainSecrets() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> rows = em.createQuery(
                            "select s.id, s.secret from SubscriptionEntity s"
                                    + " where s.secret is not null order by s.id",
                            Object[].class)
                    .getResultList();
            int encrypted = 0;
            int unreadable = 0;
            for (Object[] row : rows) {
                String stored = (String) row[1];
                if (!SecretCipher.encrypted(stored)) {
                    encrypted += em.createQuery("update SubscriptionEntity s set s.secret = :encrypted"
                                    + " where s.id = :id and s.secret = :plain")
                            .setParameter("encrypted", cipher.encrypt(stored))
                            .setParameter("id", row[0])
                            .setParameter("plain", stored)
                            .executeUpdate();
                } else if (!decrypts(stored)) {
                    unreadable++;
                }
            }
            return new Outcome(encrypted, unreadable);
        });
    }

    private boolean decrypts(String stored) {
        try {
            cipher.decrypt(stored);
            return true;
        } catch (UnreadableSecretException e) {
            return false;
        }
    }
}
