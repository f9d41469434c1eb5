package dev.watershed.domain.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RemoteRefPolicyTest {

    private final RemoteRefPolicy none = RemoteRefPolicy.localOnly();
    private final RemoteRefPolicy some = new RemoteRefPolicy(Set.of("Schemas.Example.org", "json-schema.org"));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://json-schema.org/draft/2020-12/schema",
                "https://json-schema.org/draft/2020-12/meta/applicator",
                "https://json-schema.org/draft/2019-09/meta/core",
                "http://json-schema.org/draft-07/schema#",
                "http://json-schema.org/draft-04/schema"
            })
    void theBundledMetaSchemasAreAlwaysAllowed(String iri) {
        assertThat(none.allows(iri)).isTrue();
        assertThat(some.allows(iri)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "classpath:application.properties",
                "classpath:/db/migration/V1__create_registry.sql",
                "resource:/db/migration/V1__create_registry.sql",
                "file:///etc/passwd",
                "FILE:///etc/passwd",
                "jar:file:/app/watershed.jar!/application.properties",
                "ftp://schemas.example.org/a.json",
                "urn:example:schema",
                "relative.json",
                "http://169.254.169.254/latest/meta-data/",
                "https://json-schema.org/draft/2020-12/../../application.properties",
                "https://json-schema.org/application.properties",
                "https://json-schema.org/draft/2020-12/meta/../x",
                "https://evil.example/schema.json",
                "https://schemas.example.org.evil.example/a.json"
            })
    void everythingElseIsRefused(String iri) {
        assertThat(none.allows(iri)).isFalse();
        assertThat(some.allows(iri)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://schemas.example.org/order.json", "http://SCHEMAS.example.org/v1/order.json"})
    void httpOnAnAllowedHostIsAllowed(String iri) {
        assertThat(some.allows(iri)).isTrue();
        assertThat(none.allows(iri)).isFalse();
    }
}
