package dev.watershed.application;

import dev.watershed.domain.compatibility.CompatibilityChecker;
import dev.watershed.domain.compatibility.JsonSchemaDiffer;
import dev.watershed.domain.contract.SchemaParser;
import dev.watershed.domain.schema.RemoteRefPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
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
        return new CompatibilityChecker(JsonSchemaDiffer.DEFAULT_MAX_DEPTH, config.limits().maxComparisonSteps());
    }

    @Produces
    @ApplicationScoped
    SchemaParser schemaParser(WatershedConfig config) {
        // The same reference policy as the validators' (ValidatorCache), so publishing and validating agree.
        return new SchemaParser(config.limits().maxSchemaDepth(),
                new RemoteRefPolicy(config.validation().allowedRefHosts().orElse(Set.of())),
                config.limits().maxComparisonSteps()).preloadMetaSchemas();
    }
}
