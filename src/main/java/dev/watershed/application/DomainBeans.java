package dev.watershed.application;

import dev.watershed.domain.compatibility.CompatibilityChecker;
import dev.watershed.domain.contract.SchemaParser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

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
}
