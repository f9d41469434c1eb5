package dev.watershed.domain.validation;

import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.resource.SchemaLoader;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Decides which schema resources networknt may load, so a submitted schema cannot turn the registry into an HTTP
 * client for internal addresses (SSRF) or a reader of local files. Standard meta-schemas are always allowed because
 * networknt serves them from its own jar, not from the network.
 */
final class RemoteRefPolicy {

    private RemoteRefPolicy() {
    }

    static SchemaLoader schemaLoader(Set<String> allowedHosts) {
        return SchemaLoader.builder()
                // Without allowed hosts no IRI loader is installed at all: nothing can reach the network.
                .fetchRemoteResources(!allowedHosts.isEmpty())
                .allow(iri -> isMetaSchema(iri) || isAllowedRemote(iri, allowedHosts))
                .build();
    }

    private static boolean isMetaSchema(AbsoluteIri iri) {
        String value = iri.toString();
        return value.startsWith("https://json-schema.org/draft") || value.startsWith("http://json-schema.org/draft");
    }

    private static boolean isAllowedRemote(AbsoluteIri iri, Set<String> allowedHosts) {
        String scheme = iri.getScheme();
        if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
            return false;
        }
        String host = hostOf(iri.toString());
        return host != null && allowedHosts.contains(host.toLowerCase(Locale.ROOT));
    }

    private static String hostOf(String iri) {
        try {
            return URI.create(iri).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
