package dev.watershed.domain.schema;

import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.resource.InputStreamSource;
import com.networknt.schema.resource.ResourceLoader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLConnection;
import java.time.Duration;

/**
 * Fetches a schema from an allowed host over http(s): one request, no redirect followed (a redirect could lead to
 * any host), bounded in time and size.
 */
final class RemoteSchemaFetcher implements ResourceLoader {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_BYTES = 4 * 1024 * 1024;

    private final RemoteRefPolicy policy;

    RemoteSchemaFetcher(RemoteRefPolicy policy) {
        this.policy = policy;
    }

    @Override
    public InputStreamSource getResource(AbsoluteIri iri) {
        String value = String.valueOf(iri);
        if (!policy.isAllowedRemote(value)) {
            return null;
        }
        return () -> fetch(URI.create(value));
    }

    private static InputStream fetch(URI uri) throws IOException {
        URLConnection opened = uri.toURL().openConnection();
        if (!(opened instanceof HttpURLConnection connection)) {
            throw new IOException("only http(s) schemas are fetched: " + uri);
        }
        connection.setInstanceFollowRedirects(false);
        connection.setConnectTimeout((int) TIMEOUT.toMillis());
        connection.setReadTimeout((int) TIMEOUT.toMillis());
        try {
            int status = connection.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                throw new IOException(uri + " answered HTTP " + status + " (redirects are not followed: refer to"
                        + " the schema's final address)");
            }
            try (InputStream body = connection.getInputStream()) {
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new IOException(uri + " is larger than " + MAX_BYTES + " bytes");
                }
                return new ByteArrayInputStream(bytes);
            }
        } finally {
            connection.disconnect();
        }
    }
}
