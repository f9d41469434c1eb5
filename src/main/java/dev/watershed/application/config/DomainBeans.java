package dev.watershed.application.config;

import dev.watershed.domain.compatibility.CompatibilityChecker;
import dev.watershed.domain.compatibility.JsonSchemaDiffer;
import dev.watershed.domain.contract.SchemaParser;
import dev.watershed.domain.notification.WebhookTargetPolicy;
import dev.watershed.domain.schema.RemoteRefPolicy;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Set;

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
    CompatibilityChecker compatibilityChecker(WatershedConfig config) {
        return new CompatibilityChecker(
                JsonSchemaDiffer.DEFAULT_MAX_DEPTH, config.limits().maxComparisonSteps());
    }

    @Produces
    @ApplicationScoped
    SchemaParser schemaParser(WatershedConfig config) {
        // The same reference policy as the validators' (ValidatorCache), so publishing and validating agree.
        return new SchemaParser(
                        config.limits().maxSchemaDepth(),
                        new RemoteRefPolicy(
                                config.validation().allowedRefHosts().orElse(Set.of())),
                        config.limits().maxComparisonSteps(),
                        config.contracts().fallbackDialect())
                .preloadMetaSchemas();
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
