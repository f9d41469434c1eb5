package dev.watershed.domain.schema;

import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.resource.SchemaLoader;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one rule for what a JSON Schema may make the registry load through {@code $ref}, {@code $dynamicRef},
 * {@code $recursiveRef} or {@code $schema}: the standard meta-schemas, which networknt serves from its own jar, and
 * http(s) addresses on the configured hosts. Nothing else: not the server's class path ({@code classpath:},
 * {@code resource:}), nor its files ({@code file:}, {@code jar:}), nor any other scheme or host. So a submitted
 * schema cannot read the server's files, nor turn it into an HTTP client for internal addresses (SSRF).
 *
 * <p>Immutable and thread-safe.
 */
public final class RemoteRefPolicy {

    /**
     * The meta-schemas networknt bundles, by the IRIs it maps to its jar. Letters and hyphens only after the
     * draft: a path that climbs out ({@code ..}) or names anything else is not a meta-schema.
     */
    private static final Pattern BUNDLED_META_SCHEMA = Pattern.compile(
            "https?://json-schema\\.org/(draft-0[467]/schema|draft/(2019-09|2020-12)/(schema|meta/[a-z-]+))#?");

    /** networknt maps every IRI on this host to its jar; only the bundled meta-schemas may pass. */
    private static final String META_SCHEMA_HOST = "json-schema.org";

    /**
     * The host of the base IRI every document is compiled under ({@link JsonSchemaCompiler#BASE_IRI}): what a
     * relative reference resolves to when the document does not hold it. Never loaded, even when allowed.
     */
    static final String BASE_HOST = "watershed.invalid";

    private static final RemoteRefPolicy LOCAL_ONLY = new RemoteRefPolicy(Set.of());

    private final Set<String> allowedHosts;

    /** @param allowedHosts hosts from which http(s) references may be fetched; empty: none */
    public RemoteRefPolicy(Set<String> allowedHosts) {
        this.allowedHosts = allowedHosts.stream()
                .map(host -> host.strip().toLowerCase(Locale.ROOT))
                .filter(host -> !host.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Standard meta-schemas only: no schema reaches the network or the server's files. */
    public static RemoteRefPolicy localOnly() {
        return LOCAL_ONLY;
    }

    public Set<String> allowedHosts() {
        return allowedHosts;
    }

    /** Whether a resource, named by its absolute IRI, may be loaded. */
    public boolean allows(String iri) {
        return isBundledMetaSchema(iri) || isAllowedRemote(iri);
    }

    static boolean isBundledMetaSchema(String iri) {
        return BUNDLED_META_SCHEMA.matcher(iri).matches();
    }

    /** An http(s) IRI on an allowed host; never one networknt would map to its jar. */
    boolean isAllowedRemote(String iri) {
        if (allowedHosts.isEmpty()) {
            return false;
        }
        URI uri;
        try {
            uri = URI.create(iri);
        } catch (IllegalArgumentException notAnIri) {
            return false;
        }
        String scheme = uri.getScheme();
        String host = uri.getHost();
        if (scheme == null || host == null || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
            return false;
        }
        String normalised = host.toLowerCase(Locale.ROOT);
        return !META_SCHEMA_HOST.equals(normalised)
                && !BASE_HOST.equals(normalised)
                && allowedHosts.contains(normalised);
    }

    /**
     * A networknt loader that asks this policy before anything is loaded, tells {@code refused} each IRI it
     * turns away, and fetches allowed remote schemas itself (without following redirects).
     */
    SchemaLoader schemaLoader(Consumer<String> refused) {
        SchemaLoader.Builder builder = SchemaLoader.builder().allow((AbsoluteIri iri) -> {
            String value = String.valueOf(iri);
            boolean allowed = allows(value);
            if (!allowed) {
                refused.accept(value);
            }
            return allowed;
        });
        if (!allowedHosts.isEmpty()) {
            // networknt's own IRI loader would follow redirects to any host, and open file: and jar: URLs.
            builder.resourceLoaders(loaders -> loaders.add(new RemoteSchemaFetcher(this)));
        }
        return builder.build();
    }
}
