package dev.watershed.application;

import dev.watershed.domain.compatibility.CompatibilityChecker;
import dev.watershed.domain.contract.SchemaParser;
import dev.watershed.domain.notification.WebhookTargetPolicy;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/** Makes the framework-free domain objects available for injection, configured from {@link WatershedConfig}. */
@ApplicationScoped
public class DomainBeans {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    CompatibilityChecker compatibilityChecker() {
        return new CompatibilityChecker();
    }

    @Produces
    @ApplicationScoped
    SchemaParser schemaParser(WatershedConfig config) {
        return new SchemaParser(config.limits().maxSchemaDepth());
    }

    /** Created at start, so that a wrong allow-list entry stops the registry at once with what is wrong. */
    @Produces
    @Singleton
    @Startup
    WebhookTargetPolicy webhookTargetPolicy(WatershedConfig config) {
        try {
            return new WebhookTargetPolicy(config.webhooks().allowedTargets().orElse(List.of()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("watershed.webhooks.allowed-targets: " + e.getMessage(), e);
        }
    }
}
