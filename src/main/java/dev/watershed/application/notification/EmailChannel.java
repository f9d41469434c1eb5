package dev.watershed.application.notification;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.jboss.logging.Logger;

/**
 * Whether email can be sent at all. The Quarkus mailer falls back to an SMTP server on localhost, which a registry
 * rarely has: every email would then fail for a day of retries and end as a dead letter nobody looks at. So email
 * is on only when an operator named an SMTP host ({@code quarkus.mailer.host}, e.g. {@code QUARKUS_MAILER_HOST}),
 * or when mail is kept in memory ({@code quarkus.mailer.mock}, dev and test).
 */
@ApplicationScoped
public class EmailChannel {

    private static final Logger LOG = Logger.getLogger(EmailChannel.class);

    private final boolean enabled;

    public EmailChannel(Config config) {
        boolean mock =
                config.getOptionalValue("quarkus.mailer.mock", Boolean.class).orElse(false);
        this.enabled = mock || operatorSet(config.getConfigValue("quarkus.mailer.host"));
    }

    /** Whether team emails are queued and EMAIL subscriptions accepted. */
    public boolean enabled() {
        return enabled;
    }

    /** Why email is off, in words an operator can act on. */
    public String whyOff() {
        return "email is off on this registry: no SMTP server is configured (set QUARKUS_MAILER_HOST, and"
                + " QUARKUS_MAILER_PORT, QUARKUS_MAILER_USERNAME, QUARKUS_MAILER_PASSWORD, QUARKUS_MAILER_FROM as"
                + " needed)";
    }

    void logAtStart(@Observes StartupEvent start) {
        if (!enabled) {
            LOG.info(whyOff() + "; notifications go to the inbox and to webhooks only");
        }
    }

    /**
     * A value from a source someone wrote (a properties file, the environment, a system property), not the
     * extension's built-in default, which SmallRye keeps in default-value sources of the lowest ordinals.
     */
    private static boolean operatorSet(ConfigValue value) {
        return value != null
                && value.getValue() != null
                && !value.getValue().isBlank()
                && value.getSourceOrdinal() > 0
                && (value.getSourceName() == null
                        || !value.getSourceName().toLowerCase().contains("default"));
    }
}
